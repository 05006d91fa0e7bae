# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import today

from uab_helpdesk.policy.appeals import AppealDecision, check_decider
from uab_helpdesk.uab_helpdesk.case_record import EvidenceRecord
from uab_helpdesk.uab_helpdesk.doctype.uab_appeal.routing import involvement_in, route_to_director
from uab_helpdesk.utils import has_any_role, throw_problems


class UABAppeal(EvidenceRecord):
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
		received_via: DF.Literal["Email", "Letter", "Phone", "SMS", "In person", "Portal", "Third party"]
		status: DF.Literal["Received", "With Director", "Decided"]
	# end: auto-generated types
	"""A customer's one appeal against a protocol, decided by a Director (policy 6.5.5)."""

	def validate(self):
		self.validate_protocol()
		self.validate_one_appeal_per_protocol()

	def after_insert(self):
		route_to_director(self)
		self.open_complaint_if_requested()

	def before_submit(self):
		"""6.5.5: the assigned Director, who took no part in the protocol, decides once, with reasons."""
		decider = frappe.session.user
		throw_problems(
			check_decider(decider, self.director, involvement_in(self.protocol), has_any_role("UAB Director"))
		)
		if not self.decision or not (self.decision_reasons or "").strip():
			frappe.throw(
				_("Record the decision and the reasons for it before the appeal is decided."),
				frappe.MandatoryError,
			)
		self.set_actor("director")  # the Director who decides is the one on the record
		self.decided_on = today()
		self.status = "Decided"

	def on_submit(self):
		# The decision takes effect now: it can only end or keep the protocol, or draft a variation that
		# itself applies only once authorised and told to the customer. The outcome letter follows.
		self.apply_decision()
		close_all_assignments(self.doctype, self.name)

	def apply_decision(self) -> None:
		"""Overturned ends the protocol; Varied drafts the amended protocol for activation; Upheld leaves it."""
		protocol = frappe.get_doc("UAB Communication Protocol", self.protocol)
		reason = _("Appeal {0}: {1}").format(self.name, self.decision_reasons.strip())
		if self.decision == AppealDecision.OVERTURNED.value and protocol.status == "Active":
			protocol.end_protocol(reason)
		elif self.decision == AppealDecision.VARIED.value:
			self.db_set("varied_protocol", protocol.make_variation(reason).name)

	def open_complaint_if_requested(self) -> None:
		"""6.5.5: 'Customers can also request that this matter be considered under HS' complaints' policy.'"""
		if not self.complaints_route_requested or self.complaint_ticket:
			return
		email = frappe.db.get_value(
			"Contact Email", {"parent": self.contact, "is_primary": 1}, "email_id"
		) or frappe.db.get_value("Contact Email", {"parent": self.contact}, "email_id")
		ticket = frappe.get_doc(
			{
				"doctype": "HD Ticket",
				"subject": _("Complaint about communication protocol {0}").format(self.protocol),
				"description": self.grounds,
				"raised_by": email,
				"contact": self.contact,
			}
		)
		ticket.flags.ignore_mandatory = True
		ticket.insert(ignore_permissions=True)
		self.db_set("complaint_ticket", ticket.name)

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
