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
	"""One occurrence of unacceptable behaviour, recorded factually (policy 6.3.5)."""

	def validate(self):
		self.set_contact_from_ticket()
		self.set_customer()
		self.validate_facts()

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
		throw_problems(validate_incident(facts, now_datetime()), title=_("Incident Not Recorded"))
