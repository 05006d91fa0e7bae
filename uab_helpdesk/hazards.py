"""Awaab's Law clocks on the site (issue 21; policy/hazards.py holds the law's timescales).

A clock starts when a health-and-safety matter is found in what a customer wrote (the terms, at intake or
on a later message) or when an officer marks one (`api.hazards.mark_hazard`, with who, when and why). It
runs from the moment the landlord became aware — the message's arrival — whether or not a protocol held
the message. Its steps are recorded only by `api.hazards.record_step`, as the session user, now. Hourly,
the officers are told before a step falls due, and their managers when one is breached.
"""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.utils import get_datetime, now_datetime

from uab_helpdesk.policy.hazards import Step, clock_state, due_dates, kind_of
from uab_helpdesk.utils import log_failure, translated_option

CLOCK = "UAB Hazard Clock"
# Where each step is kept: (due, done on, done by).
STEP_FIELDS = {
	Step.INVESTIGATED: ("investigate_by", "investigated_on", "investigated_by"),
	Step.MADE_SAFE: ("make_safe_by", "made_safe_on", "made_safe_by"),
	Step.SUMMARY_SENT: ("summary_by", "summary_sent_on", "summary_sent_by"),
	Step.WORK_STARTED: ("work_by", "work_started_on", "work_started_by"),
}


def start_clock(
	ticket: str,
	category: str,
	aware_on,
	protocol: str | None = None,
	started_by: str | None = None,
	reason: str | None = None,
) -> str | None:
	"""The clock of this hazard on this ticket; one a category and ticket, never a second. None when the
	category starts no clock (safeguarding)."""
	kind = kind_of(category)
	if not kind:
		return None
	if existing := frappe.db.get_value(CLOCK, {"ticket": str(ticket), "category": category}):
		return existing
	doc = frappe.get_doc(
		{
			"doctype": CLOCK,
			"ticket": str(ticket),
			"contact": frappe.db.get_value("HD Ticket", ticket, "contact"),
			"protocol": protocol,
			"category": category,
			"kind": kind.value,
			"aware_on": get_datetime(aware_on),
			"started_by": started_by,
			"start_reason": reason,
		}
	)
	refresh(doc, save=False)
	doc.insert(ignore_permissions=True)
	frappe.get_doc("HD Ticket", ticket).add_comment(
		"Info",
		_("Awaab's Law clock started ({0}, {1}): {2} by {3}.").format(
			translated_option(category),
			translated_option(kind.value),
			translated_option(doc.next_due_step),
			frappe.utils.format_datetime(doc.next_due_by),
		),
	)
	return doc.name


def refresh(doc, save: bool = True, now=None) -> None:
	"""Dues, status and the next step, from the law and the steps done; tells whoever must be told."""
	from uab_helpdesk.screening import landlord_calendar

	calendar, now = landlord_calendar(), get_datetime(now or now_datetime())
	kind, aware = kind_of(doc.category), get_datetime(doc.aware_on)
	done = {
		step: get_datetime(doc.get(fields[1])) if doc.get(fields[1]) else None
		for step, fields in STEP_FIELDS.items()
	}
	for due in due_dates(kind, aware, calendar, done.get(Step.INVESTIGATED)):
		doc.set(STEP_FIELDS[due.step][0], due.by)
	state = clock_state(kind, aware, done, now, calendar)
	doc.status = state.status
	doc.next_due_step = state.next_due.step.value if state.next_due else None
	doc.next_due_by = state.next_due.by if state.next_due else None
	doc.breached_steps = ", ".join(step.value for step in state.breached) or None
	if save and state.warn and not doc.warned:
		tell(
			doc,
			officers_of(doc),
			_("Awaab's Law: {0} due by {1} ({2}, ticket {3}).").format(
				translated_option(doc.next_due_step),
				frappe.utils.format_datetime(doc.next_due_by),
				translated_option(doc.category),
				doc.ticket,
			),
		)
		doc.warned = 1
	if save and state.breached and not doc.breach_notified:
		tell(
			doc,
			managers_of_officers(doc),
			_("Awaab's Law breached: {0} ({1}, ticket {2}). Act now and record it.").format(
				doc.breached_steps, translated_option(doc.category), doc.ticket
			),
		)
		doc.breach_notified = 1
	if save:
		doc.save(ignore_permissions=True)


def officers_of(doc) -> list[str]:
	officers = set(frappe.parse_json(frappe.db.get_value("HD Ticket", doc.ticket, "_assign") or "[]"))
	if doc.protocol:
		officers |= set(
			frappe.db.get_value(
				"UAB Communication Protocol", doc.protocol, ["single_point_of_contact", "deputy_contact"]
			)
			or ()
		)
	return sorted(officer for officer in officers if officer)


def managers_of_officers(doc) -> list[str]:
	from uab_helpdesk.staff_support import managers_of

	welfare = frappe.get_cached_doc("UAB Settings").get("welfare_manager")
	managers = {manager for officer in officers_of(doc) for manager in managers_of(officer)}
	return sorted(managers | ({welfare} - {None}))


def tell(doc, users: list[str], text: str) -> None:
	if users:
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": "HD Ticket",
				"document_name": doc.ticket,
				"subject": text,
				"from_user": "Administrator",
			},
			users,
		)


def watch_clocks() -> None:
	"""Hourly: every open clock refreshed, one at a time; officers warned, managers told of a breach."""
	for name in frappe.get_all(CLOCK, filters={"status": ("!=", "Met")}, pluck="name"):
		# A savepoint, not a rollback: one clock that fails undoes only itself.
		frappe.db.savepoint("uab_clock")
		try:
			refresh(frappe.get_doc(CLOCK, name))
			if not frappe.flags.in_test:
				frappe.db.commit()  # nosemgrep: a scheduled job, one clock at a time
		except Exception:
			frappe.db.rollback(save_point="uab_clock")
			log_failure("UAB Helpdesk: could not refresh an Awaab's Law clock", CLOCK, name)


def open_clocks_of(ticket: str) -> list[dict]:
	return frappe.get_all(
		CLOCK,
		filters={"ticket": str(ticket), "status": ("!=", "Met")},
		fields=["name", "category", "kind", "status", "next_due_step", "next_due_by", "breached_steps"],
		order_by="next_due_by asc",
	)


def send_written_summary(doc, planned_work: str, method: str) -> str:
	"""Awaab's Law: the written summary of a significant hazard's investigation, to the tenant, as a reply on
	their ticket, by e-mail or by post (a letter queued in Letters to Post). As a reply it is judged like
	any other: a customer under a protocol gets it only by a route the protocol allows, from the officer it
	names; a refusal says so and records nothing. Returns the message."""
	from frappe.utils import getdate

	from uab_helpdesk.policy.letters import hazard_summary
	from uab_helpdesk.replies import post_letter, send_reply

	summary = hazard_summary(
		doc.category,
		getdate(doc.aware_on),
		getdate(doc.investigated_on),
		doc.findings or "",
		planned_work,
		getdate(doc.work_by) if doc.work_by else None,
	)
	text = frappe.render_template("uab_helpdesk/templates/includes/hazard_summary.html", {"summary": summary})
	ticket = frappe.get_doc("HD Ticket", doc.ticket)
	return post_letter(ticket, text) if method == "Letter" else send_reply(ticket, text)
