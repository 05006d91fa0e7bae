"""TP Call Log: manual call logs and the telephony integrations' logs (INTEGRATION §2 K).

A log records a call that already happened, so it is always kept (6.3.5 wants calls recorded): an
outgoing call that breached the protocol is flagged, and so is an incoming call on a channel or at a
time the protocol does not allow. Placing a call is refused before it is made, by the wrapped
telephony endpoints (overrides/telephony.py). The number decides who was called, not a Contact link."""

import frappe

from uab_helpdesk.enforcement import judge_incoming, judge_outgoing
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contact_for_phone, protocol_of_contact
from uab_helpdesk.utils import log_failure


def validate(doc, method=None):
	if not doc.is_new():
		return
	outgoing = doc.type == "Outgoing"
	contact = contact_for_phone(doc.get("to") if outgoing else doc.get("from"))
	protocol = protocol_of_contact(contact)
	if not protocol:
		return
	ticket = _linked("HD Ticket", doc)
	try:
		if outgoing:
			judge_outgoing(
				contact,
				protocol,
				channel=Channel.PHONE,
				agent=doc.caller or frappe.session.user,
				ticket=ticket,
				happened=True,
			)
		else:
			judge_incoming(contact, protocol, channel=Channel.PHONE, ticket=ticket)
	except Exception:
		log_failure(title="UAB Helpdesk: could not screen a call log", reference_doctype="TP Call Log")


def _linked(doctype: str, doc) -> str | None:
	return next((row.link_name for row in doc.get("links") or [] if row.link_doctype == doctype), None)
