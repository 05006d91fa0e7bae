"""Telephony endpoints that place a call before anything is logged (INTEGRATION §2 L, M): the caller
is checked first, then the protocol, and only then does the original endpoint run."""

import frappe
from frappe import _

from uab_helpdesk.enforcement import judge_outgoing
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contact_for_phone, protocol_of_contact
from uab_helpdesk.utils import STAFF_ROLES, require_role


def check_outgoing_call(
	to_number: str,
	link_doctype: str | None = None,
	link_docname: str | None = None,
	agent: str | None = None,
	refuse: bool = True,
):
	"""The number dialled decides who is called, never a caller-supplied Contact link; and the call's
	topic is taken only from a ticket of the person called (issue 20): another customer's health-and-safety
	ticket named as the link gives a call about rent nothing."""
	contact = contact_for_phone(to_number)
	protocol = protocol_of_contact(contact)
	if not protocol:
		return None
	ticket = link_docname if link_doctype == "HD Ticket" and link_docname else None
	if ticket and frappe.db.get_value("HD Ticket", ticket, "contact") != contact:
		ticket = None
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
	"""Exotel: the call is placed before its log exists, so the checks come first."""
	require_role(STAFF_ROLES, _("place a call"))
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
	"""Twilio's webhook (runs as Guest). Only a request Twilio signed is looked at; a refused call is
	answered with a spoken refusal and hung up."""
	from werkzeug.wrappers import Response

	if not signed_by_twilio():
		return Response("<Response><Reject/></Response>", status=403, mimetype="text/xml")
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
		message = frappe.utils.escape_html(
			_("This call was not placed: the customer's communication protocol does not allow it.")
		)
		return Response(f"<Response><Say>{message}</Say><Hangup/></Response>", mimetype="text/xml")
	return dial(**kwargs)


def signed_by_twilio() -> bool:
	"""Twilio signs each webhook with the account's auth token (X-Twilio-Signature over the URL and
	the posted parameters). Without enabled settings, a token and a valid signature: not Twilio."""
	request = getattr(frappe.local, "request", None)
	if request is None or not frappe.db.get_single_value("TP Twilio Settings", "enabled"):
		return False
	from frappe.utils.password import get_decrypted_password

	token = get_decrypted_password(
		"TP Twilio Settings", "TP Twilio Settings", "auth_token", raise_exception=False
	)
	signature = request.headers.get("X-Twilio-Signature")
	if not (token and signature):
		return False
	from twilio.request_validator import RequestValidator

	params = request.form.to_dict() if request.method == "POST" else {}
	return RequestValidator(token).validate(request.url, params, signature)
