# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import cint, get_datetime, now_datetime

from uab_helpdesk.policy.incident import IncidentFacts, validate_incident
from uab_helpdesk.policy.values import Channel, PhysicalViolence
from uab_helpdesk.uab_helpdesk.case_record import CaseRecord
from uab_helpdesk.utils import throw_problems


class UABIncident(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amended_from: DF.Link | None
		behaviour_type: DF.Literal[
			"Aggressive",
			"Abusive \u2013 physical",
			"Abusive \u2013 verbal",
			"Intimidation or threatening",
			"Unreasonable demands",
			"Unreasonable persistence",
			"Vexatious",
			"Social media or online abuse",
		]
		call_ended_by_staff: DF.Check
		case_closed_on: DF.Date | None
		channel: DF.Literal["Email", "Letter", "Phone", "SMS", "In person", "Portal", "Third party"]
		contact: DF.Link
		contact_name: DF.Data | None
		correspondence_not_answered: DF.Check
		customer: DF.Link | None
		description: DF.Text
		occurred_on: DF.Datetime
		outcome: DF.SmallText | None
		physical_violence: DF.Literal["None", "Threatened", "Used"]
		police_reference: DF.Data | None
		police_reported: DF.Check
		staff_affected: DF.Link | None
		support_needs_noted: DF.SmallText | None
		ticket: DF.Link | None
	# end: auto-generated types
	"""One occurrence of unacceptable behaviour, recorded factually (policy 6.3.5)."""

	def before_insert(self):
		# The abusive message is linked by `record_abusive_correspondence` only, never typed in.
		if not self.flags.uab_correspondence:
			self.communication = None

	def validate(self):
		self.set_contact_from_ticket()
		self.set_customer()
		self.validate_facts()

	def on_submit(self):
		# 2.2 / 5.2 the affected staff member's manager; 6.3.1 a marker for the colleagues who come next.
		from uab_helpdesk.staff_support import after_incident_submitted

		after_incident_submitted(self)

	def set_contact_from_ticket(self) -> None:
		if self.ticket and not self.contact:
			self.contact = frappe.db.get_value("HD Ticket", self.ticket, "contact")
		if not self.contact:
			frappe.throw(_("Say which contact behaved unacceptably."), frappe.MandatoryError)

	def validate_facts(self) -> None:
		"""6.3.1 police reports, 6.3.3/6.3.4 channel-specific actions, 6.3.5 factual description."""
		facts = IncidentFacts(
			occurred_on=get_datetime(self.occurred_on),
			channel=Channel(self.channel),
			description=self.description or "",
			physical_violence=PhysicalViolence(self.physical_violence or PhysicalViolence.NONE.value),
			police_reported=bool(cint(self.police_reported)),
			police_reference=self.police_reference,
			call_ended_by_staff=bool(cint(self.call_ended_by_staff)),
			correspondence_not_answered=bool(cint(self.correspondence_not_answered)),
		)
		submitting = self.docstatus == 1 or self._action == "submit"
		throw_problems(validate_incident(facts, now_datetime(), submitting), title=_("Incident Not Recorded"))


def on_doctype_update():
	"""Registers and the monthly trend filter submitted incidents by date and group them by type."""
	frappe.db.add_index("UAB Incident", ["docstatus", "occurred_on", "behaviour_type"])
