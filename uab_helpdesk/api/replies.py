"""The agent's reply by the way the protocol allows (policy 6.4.2): *Send as letter*, *Send to {officer}
for approval* and the officer's *Send* or *Return*, and the letters waiting to be posted. Each method
checks its caller first, then decides on the server again whatever the page offered."""

import json
from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.language import flagged_on_ticket
from uab_helpdesk.policy.reply import ReplyRoute
from uab_helpdesk.protection import load_rules, protocol_of_contact, rules_read_once
from uab_helpdesk.replies import (
	LETTER,
	POSTED,
	TO_POST,
	decide_draft,
	open_draft,
	post_letter,
	reply_offer,
	require_route,
	require_text,
	return_to_writer,
	send_reply,
	way_for,
)
from uab_helpdesk.ticket_state import message_state, set_message_state
from uab_helpdesk.utils import STAFF_ROLES, require_role, translated_option

LETTER_FORMAT = "UAB Reply Letter"


def _ticket_to_reply_on(ticket: str | int):
	require_role(STAFF_ROLES, _("reply to a customer"))
	doc = frappe.get_doc("HD Ticket", str(ticket))
	doc.check_permission("write")
	return doc


def print_url(communication: str) -> str:
	query = urlencode({"communications": json.dumps([communication])})
	return f"/api/method/uab_helpdesk.api.replies.print_letters?{query}"


def _letters(communications: str | list, to_post: bool = False) -> list:
	"""The letters named, each checked: a reply sent as a letter on a ticket the caller may read. Frappe
	lets a user read a Communication only if they wrote it, so the ticket is what gives need to know."""
	letters = []
	for name in frappe.parse_json(communications) or ():
		values = frappe.db.get_value(
			"Communication",
			name,
			["name", "communication_medium", "reference_doctype", "reference_name"],
			as_dict=True,
		)
		if not values or values.communication_medium != LETTER or values.reference_doctype != "HD Ticket":
			frappe.throw(_("{0} is not a letter on a ticket.").format(name), frappe.DoesNotExistError)
		frappe.has_permission("HD Ticket", "read", doc=values.reference_name, throw=True)
		if to_post and message_state(name).letter_status != TO_POST:
			frappe.throw(_("{0} is not a letter waiting to be posted.").format(name))
		letters.append(values)
	return letters


@frappe.whitelist()
def print_letters(communications: str | list) -> None:
	"""One PDF of the letters named (Letters to Post: "Print all"), each rendered by Frappe's own
	`get_print` with the site's Letter Head; the permission is checked here, on each letter's ticket.
	Frappe's `download_multi_pdf` is not used: it leaves out, without a word, a document that fails to
	render, and a letter missing from the print must not then be marked posted."""
	from io import BytesIO

	from pypdf import PdfWriter

	require_role(STAFF_ROLES, _("print letters"))
	letters = _letters(communications)
	writer = PdfWriter()
	checked_before = frappe.flags.ignore_print_permissions
	frappe.flags.ignore_print_permissions = True
	try:
		for letter in letters:
			writer = frappe.get_print("Communication", letter.name, LETTER_FORMAT, as_pdf=True, output=writer)
	finally:
		frappe.flags.ignore_print_permissions = checked_before
	pdf = BytesIO()
	writer.write(pdf)
	frappe.local.response.update({"filename": "letters.pdf", "filecontent": pdf.getvalue(), "type": "pdf"})


@frappe.whitelist(methods=["POST"])
def send_as_letter(ticket: str | int, message: str) -> dict:
	"""The agent's text as a letter on the ticket, to print and post: where e-mail is not allowed but
	letters are."""
	doc = _ticket_to_reply_on(ticket)
	require_text(message)
	way, _contact, _protocol = way_for(doc.name, frappe.session.user)
	require_route(way, ReplyRoute.LETTER)
	communication = post_letter(doc, message)
	return {
		"communication": communication,
		"print_url": print_url(communication),
		"no_address": not frappe.db.get_value("Contact", doc.contact, "address"),
	}


@frappe.whitelist(methods=["POST"])
def send_for_approval(ticket: str | int, message: str) -> dict:
	"""Where only the single point of contact may reply: the agent's text waits on the ticket for them."""
	doc = _ticket_to_reply_on(ticket)
	require_text(message)
	way, contact, protocol = way_for(doc.name, frappe.session.user)
	require_route(way, ReplyRoute.APPROVAL)
	return {"draft": open_draft(doc, message, contact, protocol)}


def _draft_to_decide(draft: str):
	"""A draft still awaiting approval, and a caller who is the customer's single point of contact or
	deputy under the protocol in force now (a changed protocol changes who decides)."""
	require_role(STAFF_ROLES, _("send or return a reply for approval"))
	# Locked until this request ends: a second click (or the deputy at the same moment) waits, then
	# finds it decided, so a reply is never sent twice.
	doc = frappe.get_doc("UAB Reply Draft", draft, for_update=True)
	doc.check_permission("read")
	protocol = protocol_of_contact(doc.contact)
	if protocol and not load_rules(protocol).is_named_officer(frappe.session.user):
		frappe.throw(
			_("Only the single point of contact or the deputy may send or return this reply."),
			frappe.PermissionError,
		)
	if doc.status != "Awaiting approval":
		frappe.throw(
			_("This reply is no longer awaiting approval: it is {0}.").format(translated_option(doc.status))
		)
	return doc, _ticket_to_reply_on(doc.ticket)


@frappe.whitelist(methods=["POST"])
def send_draft(draft: str) -> dict:
	"""The officer sends the reply as it was written, by the way the protocol allows them now."""
	doc, ticket = _draft_to_decide(draft)
	way, _contact, _protocol = way_for(ticket.name, frappe.session.user)
	if way.route == ReplyRoute.LETTER:
		communication, sent_as = post_letter(ticket, doc.content), "Letter"
	else:
		require_route(way, ReplyRoute.SEND)
		communication, sent_as = send_reply(ticket, doc.content), "Email"
	decide_draft(doc, "Sent", sent_as=sent_as, communication=communication)
	answer = {"draft": doc.name, "communication": communication, "sent_as": sent_as}
	if sent_as == "Letter":
		answer["print_url"] = print_url(communication)
	return answer


@frappe.whitelist(methods=["POST"])
def return_draft(draft: str, reason: str) -> None:
	"""The officer returns the reply to its writer, saying why; nothing is sent."""
	doc, _ticket = _draft_to_decide(draft)
	if not (reason or "").strip():
		frappe.throw(_("Say why the reply is returned."), frappe.MandatoryError)
	return_to_writer(doc, reason.strip())


@frappe.whitelist()
def ticket_view(ticket: str | int) -> dict:
	"""Everything the agent UI's form script shows on a ticket, for the caller, in one call (one
	permission check, one round trip: `benchmarks/ticket_open.py`): the banner (`get_banner`'s answer),
	what the reply editor offers in place of Send (None: Helpdesk's own Send), the replies waiting for
	approval or returned, and the messages to show collapsed (6.3.3). The server decides again on
	every action."""
	from uab_helpdesk.api.protocol import banner_of_ticket

	require_role(STAFF_ROLES, _("read a ticket"))
	ticket = str(ticket)
	frappe.has_permission("HD Ticket", "read", doc=ticket, throw=True)
	with rules_read_once():
		offer = reply_offer(ticket)
		return {
			"banner": banner_of_ticket(ticket),
			"reply": offer if offer["label"] else None,
			"drafts": _drafts_of(ticket),
			"flagged": flagged_on_ticket(ticket),
		}


def _drafts_of(ticket: str) -> list[dict]:
	"""``can_decide``: the caller is the customer's single point of contact or deputy now."""
	from frappe.utils.html_utils import sanitize_html

	drafts = frappe.get_all(
		"UAB Reply Draft",
		filters={"ticket": ticket, "status": ("in", ["Awaiting approval", "Returned"])},
		fields=["name", "status", "content", "written_by", "approver", "return_reason", "contact"],
		order_by="creation desc",
		limit=20,
	)
	for draft in drafts:
		protocol = protocol_of_contact(draft.contact)
		draft.can_decide = draft.status == "Awaiting approval" and bool(
			protocol and load_rules(protocol).is_named_officer(frappe.session.user)
		)
		draft.content_html = sanitize_html(draft.pop("content") or "")
		draft.written_by_name = frappe.utils.get_fullname(draft.written_by)
		draft.status_label = translated_option(draft.status)
	return drafts


@frappe.whitelist(methods=["POST"])
def mark_letters_posted(communications: str | list) -> int:
	"""Letters to Post: the letters printed and posted, by the session user, now. Returns how many."""
	require_role(STAFF_ROLES, _("mark letters as posted"))
	letters = _letters(communications, to_post=True)
	now = now_datetime()
	for letter in letters:
		set_message_state(letter.name, letter_status=POSTED, posted_by=frappe.session.user, posted_on=now)
	return len(letters)
