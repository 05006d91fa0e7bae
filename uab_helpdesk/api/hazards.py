"""Awaab's Law: the named actions on a hazard clock (issue 21). Who and when are the server's."""

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.hazards import CLOCK, STEP_FIELDS, refresh, send_written_summary, start_clock
from uab_helpdesk.policy.hazards import KIND_OF_CATEGORY, STEPS, HazardKind, Step
from uab_helpdesk.ticket_state import set_ticket_state, ticket_state
from uab_helpdesk.utils import STAFF_ROLES, UABValidationError, require_role, translated_option


@frappe.whitelist(methods=["POST"])
def record_step(
	clock: str,
	step: str,
	findings: str | None = None,
	planned_work: str | None = None,
	method: str | None = None,
) -> str:
	"""A step of the clock done now, by the session user (an officer who may read its ticket). Each step
	once; the summary and the safety work only after the investigation. The investigation of a significant
	hazard records what it found; the written summary step sends the summary (`method`: Email or Letter),
	saying what will be done (`planned_work`). Returns the clock's status."""
	require_role(STAFF_ROLES, _("record a step of an Awaab's Law clock"))
	if not frappe.db.exists(CLOCK, clock):
		frappe.throw(_("There is no hazard clock {0}.").format(clock), frappe.DoesNotExistError)
	doc = frappe.get_doc(CLOCK, clock)
	frappe.has_permission("HD Ticket", "read", doc=doc.ticket, throw=True)
	try:
		chosen = Step(step)
	except ValueError:
		chosen = None
	if chosen not in STEPS[HazardKind(doc.kind)]:
		frappe.throw(
			_("Choose one of: {0}.").format(
				", ".join(translated_option(s.value) for s in STEPS[HazardKind(doc.kind)])
			),
			exc=UABValidationError,
		)
	_due, done_on, done_by = STEP_FIELDS[chosen]
	if doc.get(done_on):
		frappe.throw(
			_("{0} is already recorded on {1}.").format(translated_option(chosen.value), doc.name),
			exc=UABValidationError,
		)
	if chosen in (Step.SUMMARY_SENT, Step.WORK_STARTED) and not doc.investigated_on:
		frappe.throw(_("Record the investigation first: this step runs from it."), exc=UABValidationError)
	findings, planned_work = (findings or "").strip(), (planned_work or "").strip()
	if chosen == Step.INVESTIGATED:
		if doc.kind == HazardKind.SIGNIFICANT.value and not findings:
			frappe.throw(
				_("Say what the investigation found: the tenant's written summary tells them."),
				frappe.MandatoryError,
			)
		doc.findings = findings or None
	if chosen == Step.SUMMARY_SENT:
		if not planned_work:
			frappe.throw(
				_("Say what will be done: the written summary tells the tenant."), frappe.MandatoryError
			)
		if method not in ("Email", "Letter"):
			frappe.throw(_("Send the written summary by Email or Letter."), exc=UABValidationError)
		doc.planned_work = planned_work
		doc.summary_communication = send_written_summary(doc, planned_work, method)
	doc.set(done_on, now_datetime())
	doc.set(done_by, frappe.session.user)
	refresh(doc)
	frappe.get_doc("HD Ticket", doc.ticket).add_comment(
		"Info",
		_("Awaab's Law ({0}): {1} recorded by {2}. Clock: {3}.").format(
			translated_option(doc.category),
			translated_option(chosen.value),
			frappe.utils.get_fullname(),
			translated_option(doc.status),
		),
	)
	return doc.status


@frappe.whitelist(methods=["POST"])
def mark_hazard(ticket: str | int, category: str, reason: str) -> str:
	"""An officer marks a ticket as a health-and-safety matter the terms missed: the mark, who, when and
	why are recorded, and the clock runs from when the ticket arrived (the landlord was aware then)."""
	require_role(STAFF_ROLES, _("mark a health-and-safety matter"))
	ticket = str(ticket)
	frappe.has_permission("HD Ticket", "write", doc=ticket, throw=True)
	if category not in KIND_OF_CATEGORY:
		frappe.throw(
			_("Choose one of: {0}.").format(", ".join(translated_option(c) for c in KIND_OF_CATEGORY)),
			exc=UABValidationError,
		)
	if not (reason or "").strip():
		frappe.throw(_("Say why it is a health-and-safety matter."), frappe.MandatoryError)
	state = ticket_state(ticket)
	if not state.safety_matter:
		set_ticket_state(ticket, safety_matter=category, held=0)
	arrived = frappe.db.get_value("HD Ticket", ticket, "creation")
	return start_clock(ticket, category, arrived, state.protocol, frappe.session.user, reason.strip())
