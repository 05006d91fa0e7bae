"""Telephony endpoints that place a call before anything is logged (INTEGRATION §2 L, M): the
protocol is checked first, and only then does the original endpoint run."""

import frappe
from frappe import _

from uab_helpdesk.enforcement import judge_outgoing
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contact_for_phone, protocol_of_contact


def check_outgoing_call(
	to_number: str,
	link_doctype: str | None = None,
	link_docname: str | None = None,
	agent: str | None = None,
	refuse: bool = True,
):
	contact = link_docname if link_doctype == "Contact" else contact_for_phone(to_number)
	protocol = protocol_of_contact(contact)
	if not protocol:
		return None
	ticket = link_docname if link_doctype == "HD Ticket" else None
	return judge_outgoing(
		contact,
		protocol,
		channel=Channel.PHONE,
		agent=agent or frappe.session.user,
		ticket=ticket,
		refuse=refuse,
	)


@frappe.whitelist()
def make_a_call(
	to_number: str,
	from_number: str | None = None,
	caller_id: str | None = None,
	link_doctype: str | None = None,
	link_docname: str | None = None,
):
	"""Exotel: the call is placed before its log exists, so the check comes first."""
	from telephony.exotel.handler import make_a_call as place_call

	check_outgoing_call(to_number, link_doctype, link_docname)
	return place_call(
		to_number=to_number,
		from_number=from_number,
		caller_id=caller_id,
		link_doctype=link_doctype,
		link_docname=link_docname,
	)


@frappe.whitelist(allow_guest=True)
def voice(**kwargs):
	"""Twilio's webhook (runs as Guest): a refused call is answered with a spoken refusal and hung up."""
	from telephony.twilio.api import voice as dial
	from telephony.twilio.twilio_handler import Twilio

	args = frappe._dict(kwargs)
	agent = (
		Twilio.emailid_from_identity((args.Caller or "").replace("client:", "").strip())
		if args.Caller
		else None
	)
	decision = check_outgoing_call(args.To, args.link_doctype, args.link_docname, agent=agent, refuse=False)
	if decision is not None and decision.refused:
		from werkzeug.wrappers import Response

		message = frappe.utils.escape_html(
			_("This call was not placed: the customer's communication protocol does not allow it.")
		)
		return Response(f"<Response><Say>{message}</Say><Hangup/></Response>", mimetype="text/xml")
	return dial(**kwargs)
