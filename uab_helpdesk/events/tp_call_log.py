"""TP Call Log: manual call logs and the telephony integrations' logs (INTEGRATION §2 K).

An outgoing call outside the protocol's channel or window is refused before it is logged; an
incoming call is never refused, only logged and flagged."""

import frappe

from uab_helpdesk.enforcement import judge_incoming, judge_outgoing
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contact_for_phone, protocol_of_contact


def validate(doc, method=None):
	if not doc.is_new():
		return
	outgoing = doc.type == "Outgoing"
	contact = _linked("Contact", doc) or contact_for_phone(doc.get("to") if outgoing else doc.get("from"))
	protocol = protocol_of_contact(contact)
	if not protocol:
		return
	ticket = _linked("HD Ticket", doc)
	if outgoing:
		judge_outgoing(
			contact, protocol, channel=Channel.PHONE, agent=doc.caller or frappe.session.user, ticket=ticket
		)
		return
	try:
		judge_incoming(contact, protocol, channel=Channel.PHONE, ticket=ticket)
	except Exception:
		frappe.log_error(
			title="UAB Helpdesk: could not screen an incoming call", reference_doctype="TP Call Log"
		)


def _linked(doctype: str, doc) -> str | None:
	return next((row.link_name for row in doc.get("links") or [] if row.link_doctype == doctype), None)
