# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class UABContactAttempt(Document):
	"""The audit log of enforcement: every blocked, held, flagged or overridden contact, with the text."""

	def validate(self):
		if not self.is_new():
			frappe.throw(_("Contact attempts are an audit record and cannot be changed."))

	def on_trash(self):
		if not frappe.flags.in_uab_retention:
			frappe.throw(_("Contact attempts are an audit record and cannot be deleted."))
