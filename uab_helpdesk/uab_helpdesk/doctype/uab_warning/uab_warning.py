# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import cint

from uab_helpdesk.facts import case_history
from uab_helpdesk.policy.ladder import Step, check_step
from uab_helpdesk.policy.values import WarningLevel
from uab_helpdesk.uab_helpdesk.case_record import CaseRecord
from uab_helpdesk.utils import MANAGER_ROLES, require_role, throw_problems

# 6.5.2: a formal warning is "a formal written warning".
WRITTEN_METHODS = ("Letter", "Email", "Within complaint response")


class UABWarning(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from uab_helpdesk.uab_helpdesk.doctype.uab_linked_incident.uab_linked_incident import (
			UABLinkedIncident,
		)

		amended_from: DF.Link | None
		authorising_director: DF.Link | None
		complaint_stage: DF.Literal["", "Stage 1", "Stage 2"]
		contact: DF.Link
		contact_name: DF.Data | None
		customer: DF.Link | None
		immediate_action: DF.Check
		immediate_action_authorised_on: DF.Datetime | None
		immediate_action_reason: DF.SmallText | None
		incidents: DF.Table[UABLinkedIncident]
		issued_by: DF.Link | None
		issued_on: DF.Datetime
		level: DF.Literal["Initial", "Formal"]
		method: DF.Literal["In person", "Phone", "Letter", "Email", "Within complaint response"]
		reason_for_customer: DF.Text | None
		summary: DF.Text | None
	# end: auto-generated types
	"""An initial (6.5.1) or formal (6.5.2) warning about behaviour recorded as incidents."""

	def validate(self):
		self.keep_immediate_action_server_set()
		self.set_customer()
		self.validate_incidents()
		self.validate_formal_warning()
		self.validate_director()
		if not self.awaiting_director():
			self.validate_ladder()

	def before_submit(self):
		"""Issuing the warning is the act: the issuer is whoever submits it, and the letter quotes only
		what was written for the customer."""
		if not (self.reason_for_customer or "").strip():
			frappe.throw(
				_(
					"Write the reason given to the customer: the warning letter quotes it, and never staff's incident notes."
				),
				frappe.MandatoryError,
			)
		self.set_actor("issued_by")

	def validate_incidents(self) -> None:
		if not self.incidents:
			frappe.throw(_("List the incidents this warning is about."), frappe.MandatoryError)
		for row in self.incidents:
			self.validate_linked_record("UAB Incident", row.incident, label=_("Incident"))

	def validate_formal_warning(self) -> None:
		if self.level != WarningLevel.FORMAL.value:
			return
		require_role(MANAGER_ROLES, _("issue a formal warning"))
		if self.method not in WRITTEN_METHODS:
			frappe.throw(
				_(
					"A formal warning is given in writing (policy 6.5.2): choose Letter, Email or Within complaint response."
				)
			)

	def validate_ladder(self) -> None:
		"""6.5.1–6.5.2: an initial warning needs an incident; a formal one an initial warning and an
		incident after it — unless a Director authorised immediate action (6.5)."""
		step = Step.FORMAL_WARNING if self.level == WarningLevel.FORMAL.value else Step.INITIAL_WARNING
		history = case_history(
			self.contact, immediate_action=bool(cint(self.immediate_action)), before=self.issued_on
		)
		throw_problems(check_step(step, history), title=_("Warning Not Allowed Yet"))
