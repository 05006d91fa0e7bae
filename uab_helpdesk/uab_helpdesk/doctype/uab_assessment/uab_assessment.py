# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from uab_helpdesk.facts import case_history
from uab_helpdesk.policy.ladder import Step, check_step
from uab_helpdesk.policy.values import AssessmentOutcome, WarningLevel
from uab_helpdesk.uab_helpdesk.case_record import CaseRecord
from uab_helpdesk.uab_helpdesk.doctype.uab_assessment.evidence import left_out_text, load_evidence
from uab_helpdesk.utils import require_role, throw_problems


class UABAssessment(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from uab_helpdesk.uab_helpdesk.doctype.uab_linked_incident.uab_linked_incident import (
			UABLinkedIncident,
		)

		amended_from: DF.Link | None
		assessed_by: DF.Link | None
		average_message_words: DF.Float
		blocked_attempts: DF.Int
		contact: DF.Link
		contact_count: DF.Int
		contact_name: DF.Data | None
		contacts_per_week: DF.Float
		customer: DF.Link | None
		formal_warning: DF.Link
		incident_count: DF.Int
		incidents: DF.Table[UABLinkedIncident]
		language_notes: DF.Text | None
		needs_and_circumstances: DF.Text
		other_support_considered: DF.Text | None
		outcome: DF.Literal[
			"", "Unacceptable \u2013 protocol recommended", "Not unacceptable", "Further warning"
		]
		period_from: DF.Date
		period_to: DF.Date
		proportionality: DF.Text | None
		reasonable_adjustments: DF.Text
		tenancy_action: DF.Literal[
			"None", "Considered", "Notice Seeking Possession", "Notice Requiring Possession", "Injunction"
		]
		tenancy_type: DF.Literal["", "Starter", "Assured", "Fixed term", "Other"]
		tickets_opened: DF.Int
	# end: auto-generated types
	"""The Unacceptable Behaviour Assessment, completed by a manager (policy 6.5.3)."""

	def validate(self):
		require_role(("UAB Manager", "System Manager"), _("complete an assessment"))
		self.set_customer()
		self.validate_period()
		self.validate_formal_warning()
		self.validate_ladder()
		self.validate_proportionality()
		self.set_evidence()
		self.set_actor("assessed_by")  # whoever last worked on the draft; at submission, the assessor

	def before_submit(self):
		self.set_actor("assessed_by")

	def validate_period(self) -> None:
		if getdate(self.period_to) < getdate(self.period_from):
			frappe.throw(_("The assessment period ends before it starts."))

	def validate_formal_warning(self) -> None:
		warning = self.validate_linked_record("UAB Warning", self.formal_warning, label=_("Warning"))
		if warning.level != WarningLevel.FORMAL.value:
			frappe.throw(
				_("An assessment follows a formal warning (policy 6.5.3); {0} is an initial warning.").format(
					frappe.bold(warning.name)
				)
			)

	def validate_ladder(self) -> None:
		"""6.5.3: the customer continued the behaviour after the formal warning."""
		throw_problems(
			check_step(Step.ASSESSMENT, case_history(self.contact)), title=_("Assessment Not Allowed Yet")
		)

	def validate_proportionality(self) -> None:
		if self.outcome == AssessmentOutcome.UNACCEPTABLE.value and not (self.proportionality or "").strip():
			frappe.throw(
				_("Explain why restricting contact is proportionate before recommending a protocol."),
				frappe.MandatoryError,
			)

	def set_evidence(self) -> None:
		"""Counted from the records, never typed (policy 6.5.3)."""
		evidence = load_evidence(self.contact, getdate(self.period_from), getdate(self.period_to))
		self.incident_count = evidence.incident_count
		self.contact_count = evidence.contact_count
		self.contacts_per_week = evidence.contacts_per_week
		self.average_message_words = evidence.average_message_words
		self.tickets_opened = evidence.tickets_opened
		self.blocked_attempts = evidence.blocked_attempts
		self.set("incidents", [{"incident": name} for name in evidence.incidents])
		self.evidence_left_out = left_out_text(evidence)
		# 6.5.3 "assess the language of communication received": the messages to read, not a verdict.
		self.flagged_messages = len(evidence.flagged)
		self.set("flagged", [{"communication": name, "received_on": at} for name, at in evidence.flagged])
