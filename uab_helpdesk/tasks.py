"""Scheduled jobs. Each is idempotent: run twice, it does its work once."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.utils import cint, getdate, today

from uab_helpdesk.policy.reviews import ReviewAction, ReviewState, review_actions
from uab_helpdesk.utils import log_failure


def activate_protocols_due() -> None:
	"""Daily (6.5.4): an authorised protocol whose letter was sent applies from its later start date."""
	_each_protocol(
		{"status": "Authorised", "letter_sent_on": ("is", "set"), "start_date": ("<=", today())},
		lambda protocol: frappe.get_doc("UAB Communication Protocol", protocol).activate(),
		"activation",
	)


def close_quiet_cases() -> None:
	"""Daily (6.5.3): a case with no protocol in force closes once a whole lookback passes with no new
	incident; the closure is stamped on its incidents, so that a year on they are no longer weighed."""
	from uab_helpdesk.facts import close_case
	from uab_helpdesk.policy.dates import quiet_case_closes_on

	lookback = cint(frappe.db.get_single_value("UAB Settings", "lookback_months")) or 12
	open_cases = frappe.get_all(
		"UAB Incident",
		filters={"docstatus": 1, "case_closed_on": ("is", "not set")},
		fields=["contact", "max(occurred_on) as last_incident"],
		group_by="contact",
	)
	for case in open_cases:
		in_force = frappe.db.exists(
			"UAB Communication Protocol",
			{"contact": case.contact, "docstatus": 1, "status": ("in", ("Authorised", "Active"))},
		)
		closes_on = quiet_case_closes_on(getdate(case.last_incident), getdate(today()), lookback)
		if case.contact and closes_on and not in_force:
			close_case(case.contact, closes_on)


def review_protocols() -> None:
	"""Daily (6.5.6): open each protocol's review before it is due, escalate overdue reviews to the Head
	of Service, and lapse overdue protocols where UAB Settings say so."""
	settings = frappe.get_cached_doc("UAB Settings")
	reminder_days, lapse = cint(settings.review_reminder_days), bool(cint(settings.lapse_on_overdue_review))
	_each_protocol(
		{"status": "Active"}, lambda protocol: review_protocol(protocol, reminder_days, lapse), "review"
	)


def _each_protocol(filters: dict, job, what: str) -> None:
	"""Run ``job`` for each submitted protocol that matches; one failing protocol never stops the rest."""
	for protocol in frappe.get_all(
		"UAB Communication Protocol", filters={"docstatus": 1, **filters}, pluck="name"
	):
		frappe.db.savepoint("uab_protocol_job")
		try:
			job(protocol)
		except Exception:
			frappe.db.rollback(save_point="uab_protocol_job")
			log_failure(
				title=f"UAB Helpdesk: {what} of {protocol} failed",
				reference_doctype="UAB Communication Protocol",
				reference_name=protocol,
			)


def review_protocol(protocol: str, reminder_days: int, lapse: bool) -> list[ReviewAction]:
	doc = frappe.get_doc("UAB Communication Protocol", protocol)
	if not doc.review_due_date:
		return []
	review = frappe.db.get_value(
		"UAB Protocol Review",
		{"protocol": protocol, "due_date": doc.review_due_date, "docstatus": ("!=", 2)},
		["name", "docstatus", "escalated_on"],
		as_dict=True,
	)
	state = ReviewState(
		review_due=getdate(doc.review_due_date),
		review_opened=bool(review),
		review_completed=bool(review and review.docstatus == 1),
		escalated=bool(review and review.escalated_on),
	)
	actions = review_actions(getdate(today()), state, reminder_days, lapse)
	for action in actions:
		if action == ReviewAction.OPEN_REVIEW:
			review = open_review(doc)
		elif action == ReviewAction.ESCALATE:
			escalate(doc, review.name)
		elif action == ReviewAction.LAPSE:
			doc.end_protocol(
				_("The review due on {0} did not take place, so the protocol lapsed (policy 6.5.6).").format(
					doc.review_due_date
				)
			)
	return actions


def open_review(protocol) -> frappe._dict:
	"""6.5.6: 'reviewed by the relevant manager' — the assessor, else the Head of Service who authorised it."""
	reviewer = (
		frappe.db.get_value("UAB Assessment", protocol.assessment, "assessed_by")
		if protocol.assessment
		else None
	) or protocol.authorised_by
	review = frappe.get_doc(
		{
			"doctype": "UAB Protocol Review",
			"protocol": protocol.name,
			"due_date": protocol.review_due_date,
			"reviewer": reviewer,
		}
	).insert(ignore_permissions=True)
	if reviewer:
		assign(
			{
				"assign_to": [reviewer],
				"doctype": "UAB Protocol Review",
				"name": review.name,
				"description": _("Review communication protocol {0} by {1} (policy 6.5.6)").format(
					protocol.name, protocol.review_due_date
				),
			},
			ignore_permissions=True,
		)
	return frappe._dict(name=review.name)


def escalate(protocol, review: str) -> None:
	head = protocol.authorised_by
	if head:
		assign(
			{
				"assign_to": [head],
				"doctype": "UAB Protocol Review",
				"name": review,
				"description": _("Overdue: the review of communication protocol {0} was due on {1}").format(
					protocol.name, protocol.review_due_date
				),
			},
			ignore_permissions=True,
		)
	frappe.db.set_value("UAB Protocol Review", review, "escalated_on", today())
