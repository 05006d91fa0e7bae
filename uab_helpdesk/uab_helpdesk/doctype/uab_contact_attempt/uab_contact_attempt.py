# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class UABContactAttempt(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action: DF.Literal["Blocked", "Held", "Flagged", "Overridden", "Policy letter"]
		attempted_by: DF.Link | None
		attempted_on: DF.Datetime
		channel: DF.Literal["Email", "Letter", "Phone", "SMS", "In person", "Portal", "Third party"]
		contact: DF.Link | None
		contact_name: DF.Data | None
		content: DF.LongText | None
		direction: DF.Literal["Outgoing", "Incoming"]
		message: DF.SmallText | None
		override_reason: DF.SmallText | None
		protocol: DF.Link | None
		recipients: DF.SmallText | None
		rules_breached: DF.SmallText | None
		subject: DF.Data | None
		ticket: DF.Link | None
	# end: auto-generated types
	"""The audit log of enforcement: every blocked, held, flagged or overridden contact, with the text,
	and every letter about the policy sent to the customer."""

	def validate(self):
		if not self.is_new():
			frappe.throw(_("Contact attempts are an audit record and cannot be changed."))

	def on_trash(self):
		if not frappe.flags.in_uab_retention:
			frappe.throw(_("Contact attempts are an audit record and cannot be deleted."))
