"""Communication: agent replies, Desk "New Email", REST and client inserts (INTEGRATION §2 A, D, E),
and messages received from a protected customer (H, F)."""

import frappe
from frappe import _

from uab_helpdesk import complaints
from uab_helpdesk.complaints import complaint_in
from uab_helpdesk.enforcement import judge_incoming, judge_outgoing
from uab_helpdesk.health_and_safety import mark_ticket, safety_matter_in
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import (
	contacts_for_addresses,
	emails_of,
	prefetch_for_message,
	protected_readers_of_ticket,
	protocol_of_contact,
	readers_row,
	third_party_protocols,
)
from uab_helpdesk.ticket_state import set_message_state, ticket_state
from uab_helpdesk.utils import UABValidationError, log_failure, received_text

LETTER = "Letter"

# How each Communication medium reaches the customer. Helpdesk's "skip email workflow" leaves the
# medium empty: the reply is then read in the customer portal.
MEDIUM_CHANNELS = {
	"Email": Channel.EMAIL,
	"": Channel.PORTAL,
	"Chat": Channel.PORTAL,
	"Phone": Channel.PHONE,
	"SMS": Channel.SMS,
	"Visit": Channel.IN_PERSON,
	"Meeting": Channel.IN_PERSON,
	"Other": Channel.LETTER,
	"Letter": Channel.LETTER,  # a reply sent as a letter (replies.py); the medium is ours (setup/defaults.py)
}


def validate(doc, method=None):
	guard_letter(doc)
	if not doc.is_new() or frappe.flags.uab_exempt:
		return
	if doc.sent_or_received == "Received" or doc.flags.in_receive:
		# The language signal is read after the message is stored (language.queue_reading, after_insert).
		flag_received(doc)
	elif (doc.communication_type or "Communication") == "Communication":
		enforce_sent(doc)


def guard_letter(doc) -> None:
	"""A letter stays a letter: its posting record (UAB Message State) is the server's alone, and
	nobody turns a letter into something else afterwards (`api.replies.mark_letters_posted` posts it)."""
	if doc.is_new():
		return
	before = doc.get_doc_before_save()
	if before and before.communication_medium == LETTER and doc.communication_medium != LETTER:
		frappe.throw(_("A letter's posting record is kept by the server."), exc=UABValidationError)


def after_insert(doc, method=None):
	"""A letter written is queued "To post" in the app's record of the message (Letters to Post)."""
	if doc.communication_medium == LETTER and doc.sent_or_received == "Sent":
		ticket = doc.reference_name if doc.reference_doctype == "HD Ticket" else None
		set_message_state(doc.name, ticket=ticket, letter_status="To post")


def enforce_sent(doc) -> None:
	"""Refuse a message to a protected customer that breaches the protocol; keep what was written.
	A message on a ticket is judged for everyone who will read it: its recipients, and the ticket's
	customer, who reads it in the portal whatever its To says (Helpdesk v1.28 posts a reply with no
	recipients at all)."""
	ticket = doc.reference_name if doc.reference_doctype == "HD Ticket" else None
	ticket_row = readers_row(ticket) if ticket else None
	# One Redis round trip for every lookup below: this runs on every reply (issue 20, SPEC §9).
	prefetch_for_message(emails_of(doc.recipients, doc.cc, doc.bcc), ticket_row)
	addressed = contacts_for_addresses(doc.recipients, doc.cc, doc.bcc)
	readers = protected_readers_of_ticket(ticket, ticket_row or {}) - addressed if ticket else set()
	enforce_to_third_parties(doc, ticket, ticket_row)
	if not addressed and not readers:
		return
	sent_by = MEDIUM_CHANNELS.get(doc.communication_medium or "", Channel.EMAIL)
	for contact in sorted(addressed | readers):
		decision = judge_outgoing(
			contact,
			protocol_of_contact(contact),
			# A letter reaches the ticket's customer on paper; any other message, in the portal.
			channel=sent_by if contact in addressed or sent_by == Channel.LETTER else Channel.PORTAL,
			agent=doc.user or frappe.session.user,
			ticket=ticket,
			about_policy=is_policy_letter(doc, contact),
			content=doc.content,
			subject=doc.subject,
			recipients=", ".join(filter(None, (doc.recipients, doc.cc, doc.bcc))),
		)
		if not decision.refused:
			# Judged here by the way it was said to go. Whatever becomes mail is judged again as e-mail at the
			# Email Queue, the last word (issue 20): a client names the medium, the queue is what leaves.
			frappe.flags.setdefault("uab_judged_communications", {})[doc.name] = sent_by


def enforce_to_third_parties(doc, ticket: str | None, ticket_row: dict | None = None) -> None:
	"""6.3.2 / 6.4.1: a message to a protected customer's third party, about that customer, goes by the
	route "Third party" and only while their authority stands. A solicitor's mail about other clients
	is not this customer's contact, so only a message on the customer's ticket (or one the third party
	raised for them) or a letter of the customer's own records is judged."""
	protocols = third_party_protocols(doc.recipients, doc.cc, doc.bcc)
	if not protocols:
		return
	about = _customer_of_message(doc, ticket, ticket_row)
	for protocol in sorted(protocols):
		customer = frappe.db.get_value("UAB Communication Protocol", protocol, "contact")
		if customer not in about and protocol not in about:
			continue
		judge_outgoing(
			customer,
			protocol,
			channel=MEDIUM_CHANNELS.get(doc.communication_medium or "", Channel.EMAIL),
			agent=doc.user or frappe.session.user,
			ticket=ticket,
			about_policy=is_policy_letter(doc, customer),
			to_third_party=True,
			content=doc.content,
			subject=doc.subject,
			recipients=", ".join(filter(None, (doc.recipients, doc.cc, doc.bcc))),
		)


def _customer_of_message(doc, ticket: str | None, ticket_row: dict | None) -> set[str]:
	"""The contacts (and protocols) the message is about: its ticket's contact and linked protocol, or
	the contact of the UAB record it is a letter of. ``ticket_row`` is the ticket's `readers_row`,
	already read by `enforce_sent`."""
	if ticket:
		contact = (ticket_row or readers_row(ticket) or {}).get("contact")
		return {value for value in (contact, ticket_state(ticket).protocol) if value}
	if (doc.reference_doctype or "").startswith("UAB ") and doc.reference_name:
		meta = frappe.get_meta(doc.reference_doctype)
		if meta.has_field("contact"):
			return {frappe.db.get_value(doc.reference_doctype, doc.reference_name, "contact")}
	return set()


def read_first_message(doc, ticket: str) -> None:
	"""E-mail intake makes a ticket from the subject alone and then stores the message: a protected
	customer's danger (6.4.4) or complaint (6.5.5) in the body is read here, and releases the hold the
	subject alone may have earned. The ticket itself was judged when it was made; nothing is judged twice."""
	state = ticket_state(ticket)
	if not state.protocol or state.safety_matter or state.complaint:
		return
	if frappe.db.get_value("HD Ticket", ticket, "description"):
		return  # the portal: the ticket was made from this message and read with it
	text = received_text(doc)
	if matter := safety_matter_in(doc.subject, text):
		mark_ticket(ticket, matter, state.protocol)
	elif complaint := complaint_in(doc.subject, text):
		complaints.mark_ticket(ticket, complaint, state.protocol)


def is_policy_letter(doc, contact: str) -> bool:
	"""SPEC §5.1 rule 1: exactly the letter `send_letter` is sending, for a UAB record of this same
	customer. Any other message that merely references a UAB record is ordinary contact."""
	letter = frappe.flags.uab_policy_letter
	return bool(
		letter
		and doc.reference_doctype == letter.doctype
		and doc.reference_name == letter.name
		and contact == letter.contact
	)


def flag_received(doc) -> None:
	"""A customer's message is never refused or lost (SPEC §5): at most it is logged as flagged."""
	try:
		ticket = doc.reference_name if doc.reference_doctype == "HD Ticket" else None
		if ticket and ticket == frappe.flags.uab_ticket_in_intake:
			# The first message of a new ticket is judged with the ticket; later ones on their own.
			frappe.flags.uab_ticket_in_intake = None
			read_first_message(doc, ticket)
			return
		contacts = contacts_for_addresses(doc.sender)
		# A protected ticket is read whoever writes on it: the customer, their advocate, a household member.
		ticket_protocol = ticket_state(ticket).protocol if ticket else None
		if not contacts and not ticket_protocol:
			# Nothing to hold: the language job reads it for a danger after it is stored (Awaab's Law
			# clocks for every tenant, health_and_safety.read_for_danger), off the request path.
			return
		contact = next(iter(contacts), None)
		protocol = protocol_of_contact(contact) if contact else None
		text = received_text(doc)  # read only here: most senders are under no protocol
		matter = safety_matter_in(doc.subject, text)
		if matter and ticket:
			mark_ticket(ticket, matter, protocol or ticket_protocol)
		complaint = None if matter else complaint_in(doc.subject, text)
		if complaint and ticket:
			complaints.mark_ticket(ticket, complaint, protocol or ticket_protocol)
		if not contact:
			return  # the writer is under no protocol of their own: there is nothing of theirs to judge
		judge_incoming(
			contact,
			protocol,
			channel=Channel.EMAIL
			if (doc.flags.in_receive or doc.uid or doc.email_account)
			else Channel.PORTAL,
			ticket=ticket,
			ticket_type=frappe.db.get_value("HD Ticket", ticket, "ticket_type") if ticket else None,
			safety_matter=bool(matter),
			complaint=bool(complaint),
			content=text,
			subject=doc.subject,
		)
	except Exception:
		log_failure(
			title="UAB Helpdesk: could not screen a received message", reference_doctype="Communication"
		)
