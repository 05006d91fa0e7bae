"""Loads a contact's records for the assessment's evidence pack; the counting is in `policy.evidence`."""

from datetime import date

import frappe
from frappe.utils import add_days, get_datetime, getdate

from uab_helpdesk.policy.evidence import (
	Evidence,
	IncidentRecord,
	MessageRecord,
	compute_evidence,
	left_out_note,
)
from uab_helpdesk.utils import render_text


def load_evidence(contact: str, period_from: date, period_to: date) -> Evidence:
	lookback = frappe.db.get_single_value("UAB Settings", "lookback_months") or 12
	start, end = get_datetime(period_from), get_datetime(add_days(period_to, 1))
	span = ["between", [start, end]]

	incidents = frappe.get_all(
		"UAB Incident",
		filters={"contact": contact, "docstatus": 1, "occurred_on": span},
		fields=["name", "occurred_on", "case_closed_on"],
	)
	tickets = frappe.get_all("HD Ticket", filters={"contact": contact, "creation": span}, pluck="creation")
	messages = _messages_from(contact, start, end)
	blocked = frappe.get_all(
		"UAB Contact Attempt",
		filters={"contact": contact, "action": "Blocked", "attempted_on": span},
		pluck="attempted_on",
	)
	return compute_evidence(
		period_from,
		period_to,
		[
			IncidentRecord(
				row.name,
				get_datetime(row.occurred_on),
				getdate(row.case_closed_on) if row.case_closed_on else None,
			)
			for row in incidents
		],
		[
			MessageRecord(
				get_datetime(row.communication_date), row.content, row.name, bool(row.language_flagged)
			)
			for row in messages
		],
		[get_datetime(created) for created in tickets],
		[get_datetime(moment) for moment in blocked],
		lookback_months=lookback,
	)


def left_out_text(evidence: Evidence) -> str | None:
	"""The form's note of what the counts left out and why (6.5.3); empty when nothing was."""
	lookback = frappe.db.get_single_value("UAB Settings", "lookback_months") or 12
	note = left_out_note(evidence, lookback)
	return render_text(note) if note else None


def _messages_from(contact: str, start, end) -> list:
	"""Messages the contact sent us: received Communications linked to them by Helpdesk's timeline and
	sent from one of their own addresses. A message they were only copied into is not theirs (issue 20)."""
	addresses = addresses_of(contact)
	if not addresses:
		return []
	communication = frappe.qb.DocType("Communication")
	link = frappe.qb.DocType("Communication Link")
	state = frappe.qb.DocType("UAB Message State")
	return (
		frappe.qb.from_(communication)
		.join(link)
		.on(link.parent == communication.name)
		.left_join(state)
		.on(state.communication == communication.name)
		.select(
			communication.name,
			communication.communication_date,
			communication.content,
			state.language_flagged,
		)
		.where(
			(link.link_doctype == "Contact")
			& (link.link_name == contact)
			& (communication.sent_or_received == "Received")
			& (communication.sender.isin(addresses))
			& (communication.communication_date >= start)
			& (communication.communication_date < end)
		)
		.distinct()
		.run(as_dict=True)
	)


def addresses_of(contact: str) -> list[str]:
	"""The contact's own e-mail addresses: what makes a message theirs."""
	return frappe.get_all("Contact Email", filters={"parent": contact}, pluck="email_id", distinct=True)
