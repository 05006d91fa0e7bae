# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import add_days, cint, getdate, today

from uab_helpdesk.policy.dates import review_due_date
from uab_helpdesk.uab_helpdesk.case_record import EvidenceRecord
from uab_helpdesk.utils import require_role


class UABProtocolReview(EvidenceRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amended_from: DF.Link | None
		blocked_attempts: DF.Int
		contact: DF.Link | None
		contact_count: DF.Int
		contact_name: DF.Data | None
		customer_notified_on: DF.Date | None
		decision: DF.Literal["", "Continue", "Vary", "End"]
		due_date: DF.Date
		held_messages: DF.Int
		incident_count: DF.Int
		next_review_date: DF.Date | None
		notification_method: DF.Literal["", "Letter", "Email", "Portal"]
		period_from: DF.Date | None
		period_to: DF.Date | None
		protocol: DF.Link
		reasons: DF.Text | None
		reviewer: DF.Link | None
	# end: auto-generated types
	"""The six-monthly review of a protocol, notified to the customer in writing (policy 6.5.6)."""

	def validate(self):
		self.validate_protocol()
		if self.docstatus == 0:
			self.set_review_dates()
		self.validate_next_review_date()
		if self.docstatus == 0:
			self.set_evidence()
			# Letters are recorded by Send letter after completion, never typed into a draft; the
			# assigned reviewer is the review job's, not a client's.
			self.customer_notified_on = self.notification_method = None
			if before := self.get_doc_before_save():
				self.reviewer = before.reviewer

	def before_submit(self):
		"""Completing the review is the act: the reviewer is whoever completes it; the customer is told
		in writing afterwards, in a letter that reviewer signs (6.5.6)."""
		require_role(("UAB Manager", "UAB Head of Service"), _("complete a protocol review"))
		if not self.decision or not (self.reasons or "").strip():
			frappe.throw(_("Record the decision and the reasons for it."), frappe.MandatoryError)
		if self.decision == "Continue" and not self.next_review_date:
			frappe.throw(
				_("Set the next review date: a protocol that continues is reviewed again."),
				frappe.MandatoryError,
			)
		self.set_actor("reviewer")

	def set_evidence(self) -> None:
		"""6.5.6: the review decides on the evidence of its period, counted from the records by the same
		code as the assessment's: from the protocol's start (or the last completed review) to today."""
		from uab_helpdesk.uab_helpdesk.doctype.uab_assessment.evidence import left_out_text, load_evidence

		self.contact = self.contact or frappe.db.get_value(
			"UAB Communication Protocol", self.protocol, "contact"
		)
		start = frappe.db.get_value("UAB Communication Protocol", self.protocol, "start_date")
		last_review_ended = frappe.db.get_value(
			"UAB Protocol Review",
			{"protocol": self.protocol, "docstatus": 1, "name": ("!=", self.name)},
			"period_to",
			order_by="period_to desc",
		)
		self.period_from = min(getdate(last_review_ended or start or today()), getdate(today()))
		self.period_to = max(self.period_from, getdate(today()))
		evidence = load_evidence(self.contact, self.period_from, self.period_to)
		self.incident_count = evidence.incident_count
		self.contact_count = evidence.contact_count
		self.blocked_attempts = evidence.blocked_attempts
		self.evidence_left_out = left_out_text(evidence)
		self.held_messages = frappe.db.count(
			"UAB Contact Attempt",
			{
				"contact": self.contact,
				"action": "Held",
				"attempted_on": ("between", [self.period_from, add_days(self.period_to, 1)]),
			},
		)

	def on_submit(self):
		self.apply_decision()
		close_all_assignments(self.doctype, self.name)

	def apply_decision(self) -> None:
		"""Continue sets the next review; Vary drafts the amended protocol; End ends it (6.5.6)."""
		protocol = frappe.get_doc("UAB Communication Protocol", self.protocol)
		if protocol.status != "Active":
			return
		reason = _("Review {0}: {1}").format(self.name, self.reasons.strip())
		if self.decision == "Continue":
			protocol.db_set("review_due_date", self.next_review_date)
		elif self.decision == "Vary":
			self.db_set("varied_protocol", protocol.make_variation(reason).name)
		elif self.decision == "End":
			protocol.end_protocol(reason)

	def validate_protocol(self) -> None:
		if frappe.db.get_value("UAB Communication Protocol", self.protocol, "docstatus") != 1:
			frappe.throw(_("Only an issued communication protocol can be reviewed."))

	def set_review_dates(self) -> None:
		"""The dates the policy fixes are the server's (6.5.6): this review is the one the protocol has due,
		and a protocol that continues is reviewed again one review period later, unless the reviewer
		brings it forward (validate_next_review_date refuses anything later)."""
		self.due_date = frappe.db.get_value("UAB Communication Protocol", self.protocol, "review_due_date")
		if self.decision == "Continue" and not self.next_review_date and self.due_date:
			self.next_review_date = review_due_date(getdate(self.due_date), review_period_months())

	def validate_next_review_date(self) -> None:
		"""Restrictions are not indefinite: the next review is at most one review period ahead."""
		if not self.next_review_date:
			return
		months = review_period_months()
		latest = review_due_date(getdate(self.due_date), months)
		if not getdate(self.due_date) < getdate(self.next_review_date) <= latest:
			frappe.throw(
				_("The next review must fall after this one and no later than {0} ({1} months).").format(
					frappe.format(latest, "Date"), months
				)
			)


def review_period_months() -> int:
	"""UAB Settings keeps it between 1 and 6 (policy 6.5.6); a site that never saved them has six."""
	return min(cint(frappe.db.get_single_value("UAB Settings", "review_period_months")) or 6, 6)
