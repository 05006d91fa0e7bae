"""Complaints are never held (issue 21; policy 6.5.5; the Housing Ombudsman's Complaint Handling Code).

A message from a protected customer that may be a complaint (policy/complaint.py), or a held one the
screening officer reads as one, goes to the complaints process: the ticket takes the landlord's complaint
type, is released from any hold, the single point of contact has it, and its timeline says why. The
protocol still decides *how* we reply (channel, officer); it never stops the complaint being dealt with.
"""

import frappe
from frappe import _

from uab_helpdesk.policy import safety_model
from uab_helpdesk.policy.complaint import find_complaint
from uab_helpdesk.setup.defaults import COMPLAINT_TICKET_TYPE
from uab_helpdesk.ticket_state import set_ticket_state, ticket_state
from uab_helpdesk.utils import log_failure


def complaint_score_of(words: str) -> float:
	return safety_model.complaint_probability(words)


def complaint_in(subject: str | None, body: str | None) -> str | None:
	"""The words of a possible complaint, or the model's reading of the whole message (policy 6.5.5).
	Should the model fail, the words decide alone."""
	by_words = find_complaint(subject, body)
	try:
		return safety_model.judged_complaint(subject, body, by_words, score=complaint_score_of)
	except Exception:
		log_failure("UAB Helpdesk: the complaint model could not read a message")
		return by_words


def complaint_type() -> str | None:
	return COMPLAINT_TICKET_TYPE if frappe.db.exists("HD Ticket Type", COMPLAINT_TICKET_TYPE) else None


def mark_new_ticket(doc, words: str) -> None:
	"""A new ticket, before it is saved: it is the complaint."""
	if ticket_type := complaint_type():
		doc.ticket_type = ticket_type


def mark_ticket(ticket: str, words: str, protocol: str | None) -> None:
	"""A later message, or the screening officer: the ticket goes to the complaints process, released
	from its hold. Once: a ticket already marked is left as it is."""
	state = ticket_state(ticket)
	if state.complaint or not frappe.db.exists("HD Ticket", ticket):
		return
	if ticket_type := complaint_type():
		frappe.db.set_value("HD Ticket", ticket, "ticket_type", ticket_type)
	set_ticket_state(ticket, complaint=words[:140], held=0, protocol=state.protocol or protocol)
	announce(ticket, words, released=bool(state.held))


def announce(ticket: str, words: str, released: bool = False) -> None:
	text = _(
		"Possible complaint (\u201c{0}\u201d): never held; it goes to the complaints process. The protocol limits how we reply, never the right to complain (policy 6.5.5; Complaint Handling Code)."
	).format(frappe.utils.escape_html(words))
	if released:
		text += " " + _("The ticket is released from its hold for screening.")
	frappe.get_doc("HD Ticket", ticket).add_comment("Info", text)
