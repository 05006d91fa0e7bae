# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from uab_helpdesk.utils import require_role


class UABAppeal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amended_from: DF.Link | None
		complaint_ticket: DF.Link | None
		complaints_route_requested: DF.Check
		contact: DF.Link | None
		contact_name: DF.Data | None
		decided_on: DF.Date | None
		decision: DF.Literal["", "Upheld", "Varied", "Overturned"]
		decision_reasons: DF.Text | None
		director: DF.Link | None
		grounds: DF.Text
		outcome_letter_sent_on: DF.Date | None
		protocol: DF.Link
		received_on: DF.Date
		received_via: DF.Literal["Email", "Letter", "Phone", "In person", "Portal", "Third party"]
		status: DF.Literal["Received", "With Director", "Decided"]
	# end: auto-generated types
	"""A customer's one appeal against a protocol, decided by a Director (policy 6.5.5)."""

	def validate(self):
		self.validate_protocol()
		self.validate_one_appeal_per_protocol()

	def before_submit(self):
		require_role(("UAB Director", "System Manager"), _("decide an appeal"))
		if not self.decision or not (self.decision_reasons or "").strip():
			frappe.throw(
				_("Record the decision and the reasons for it before the appeal is decided."),
				frappe.MandatoryError,
			)
		self.director = self.director or frappe.session.user
		self.decided_on = today()
		self.status = "Decided"

	def validate_protocol(self) -> None:
		if frappe.db.get_value("UAB Communication Protocol", self.protocol, "docstatus") != 1:
			frappe.throw(_("Only an issued communication protocol can be appealed."))

	def validate_one_appeal_per_protocol(self) -> None:
		"""6.5.5: the customer 'may request one further assessment by a Director'."""
		other = frappe.db.exists(
			"UAB Appeal", {"protocol": self.protocol, "docstatus": ("!=", 2), "name": ("!=", self.name)}
		)
		if other:
			frappe.throw(
				_(
					"Protocol {0} has already been appealed ({1}): the policy allows one appeal (6.5.5). The customer may still use the complaints policy."
				).format(frappe.bold(self.protocol), frappe.bold(other))
			)
