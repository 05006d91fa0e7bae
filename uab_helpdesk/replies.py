"""The agent's reply by the way the protocol allows (policy 6.4.2): as a letter to post, or to the single
point of contact for approval. The way is decided in `policy.reply`; this loads the facts and writes the
records. Whatever is written still passes the Communication enforcement hook: nothing here bypasses it."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import cint, now_datetime, strip_html

from uab_helpdesk.events.communication import MEDIUM_CHANNELS
from uab_helpdesk.policy.decision import OutgoingContact
from uab_helpdesk.policy.reply import ReplyRoute, ReplyWay, reply_way
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import load_rules, protocol_of_contact, site_context
from uab_helpdesk.ticket_state import ticket_state
from uab_helpdesk.utils import UABValidationError, render

LETTER = "Letter"  # the Communication medium a Property Setter adds (setup/defaults.py)
TO_POST, POSTED = "To post", "Posted"


def way_for(ticket: str, user: str) -> tuple[ReplyWay, str | None, str | None]:
	"""How ``user``'s reply on the ticket can go to its customer, with the customer and their protocol.
	The reply is judged as the enforcement hook will judge Helpdesk's agent reply: by e-mail, or, where
	Helpdesk skips the e-mail workflow (HD Settings), by the medium it then uses, the portal."""
	values = frappe.db.get_value("HD Ticket", ticket, ["contact", "ticket_type"], as_dict=True)
	protocol = protocol_of_contact(values.contact) if values else None
	if not protocol:
		return ReplyWay(ReplyRoute.SEND, Channel.EMAIL), values and values.contact, protocol
	skips_email = cint(frappe.db.get_single_value("HD Settings", "skip_email_workflow"))
	state = ticket_state(ticket)  # once: this runs on every ticket opened in the agent UI
	reply = OutgoingContact(
		channel=MEDIUM_CHANNELS["" if skips_email else "Email"],
		at=now_datetime(),
		agent=user,
		ticket_type=values.ticket_type,
		safety_matter=bool(state.safety_matter),
		complaint=bool(state.complaint),
	)
	return reply_way(reply, load_rules(protocol), site_context()), values.contact, protocol


def reply_offer(ticket: str) -> dict:
	"""What the agent UI offers in place of Send, for the session user: the server's decision, as the
	page shows it (``route`` send / letter / approval / refused)."""
	way, _contact, protocol = way_for(ticket, frappe.session.user)
	offer = {"route": way.route.value, "label": None}
	if way.route == ReplyRoute.LETTER:
		offer["label"] = _("Send as letter")
	elif way.route == ReplyRoute.APPROVAL:
		rules = load_rules(protocol)
		officer = rules.single_point_of_contact_name or rules.single_point_of_contact
		offer["label"], offer["officer"] = _("Send to {0} for approval").format(officer), officer
	elif way.route == ReplyRoute.REFUSED:
		offer["reason"] = render(way.decision.message)
	return offer


def require_route(way: ReplyWay, route: ReplyRoute) -> None:
	"""The server's own answer, whatever the page offered: a refusal keeps its explanation."""
	if way.route == route:
		return
	if way.route == ReplyRoute.REFUSED:
		frappe.throw(render(way.decision.message), exc=UABValidationError, title=_("Communication Protocol"))
	frappe.throw(
		{
			ReplyRoute.SEND: _("This reply may be sent as usual: use Send."),
			ReplyRoute.LETTER: _("This reply goes as a letter: use Send as letter."),
			ReplyRoute.APPROVAL: _(
				"Only the single point of contact may reply: send it to them for approval."
			),
		}[way.route],
		exc=UABValidationError,
		title=_("Communication Protocol"),
	)


def require_text(message: str | None) -> None:
	if not strip_html(message or "").strip():
		frappe.throw(_("Write the reply first."), frappe.MandatoryError)


def post_letter(ticket, content: str) -> str:
	"""The reply as a letter on the ticket, queued to print and post. It is a Communication of medium
	Letter, sent by the session user: the ticket counts it as the agent's response, the enforcement
	hook judges it as a letter, and "Letters to Post" lists it until someone marks it posted."""
	sender = frappe.session.user
	communication = frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": LETTER,
			"sent_or_received": "Sent",
			"reference_doctype": "HD Ticket",
			"reference_name": ticket.name,
			"subject": ticket.subject,
			"content": content,
			"sender": frappe.db.get_value("User", sender, "email") or sender,
			"sender_full_name": frappe.utils.get_fullname(sender),
			"user": sender,
		}
	)
	communication.flags.uab_letter_reply = True
	communication.insert(ignore_permissions=True)  # the caller checked the ticket and the route
	return communication.name


def send_reply(ticket, content: str) -> str:
	"""Helpdesk's own agent reply, by e-mail to whoever raised the ticket, as the session user (Helpdesk
	v1.28 sends a reply with no addressee to no one: it is read in the portal only)."""
	ticket.reply_via_agent(message=content, to=ticket.raised_by)
	return frappe.db.get_value(
		"Communication",
		{"reference_doctype": "HD Ticket", "reference_name": ticket.name, "sent_or_received": "Sent"},
		"name",
		order_by="creation desc",
	)


def open_draft(ticket, content: str, contact: str, protocol: str) -> str:
	"""The reply, as written, waiting on the ticket for the single point of contact (assigned to them)."""
	rules = load_rules(protocol)
	draft = frappe.get_doc(
		{
			"doctype": "UAB Reply Draft",
			"ticket": ticket.name,
			"contact": contact,
			"protocol": protocol,
			"content": content,
		}
	)
	draft.approver = rules.single_point_of_contact
	draft.flags.uab_action = True
	draft.insert(ignore_permissions=True)
	assign(  # the deputy too: a reply should not wait for one person's return (6.4.2 names a deputy)
		{
			"assign_to": [user for user in (rules.single_point_of_contact, rules.deputy_contact) if user],
			"doctype": "UAB Reply Draft",
			"name": draft.name,
			"description": _("A reply on ticket {0} waits for your approval").format(ticket.name),
		},
		ignore_permissions=True,
	)
	ticket.add_comment(
		"Info",
		_("Reply by {0} waiting for approval by {1} (policy 6.4.2): {2}.").format(
			frappe.utils.get_fullname(draft.written_by),
			rules.single_point_of_contact_name or rules.single_point_of_contact,
			draft.name,
		),
	)
	return draft.name


def decide_draft(draft, status: str, **values) -> None:
	"""Sent or returned, by the session user, now; its assignment is closed."""
	draft.update(
		{"status": status, "decided_by": frappe.session.user, "decided_on": now_datetime(), **values}
	)
	draft.flags.uab_action = True
	draft.save(ignore_permissions=True)
	close_all_assignments("UAB Reply Draft", draft.name, ignore_permissions=True)


def return_to_writer(draft, reason: str) -> None:
	decide_draft(draft, "Returned", return_reason=reason)
	assign(
		{
			"assign_to": [draft.written_by],
			"doctype": "UAB Reply Draft",
			"name": draft.name,
			"description": _("Your reply on ticket {0} was returned: {1}").format(draft.ticket, reason),
		},
		ignore_permissions=True,
	)
