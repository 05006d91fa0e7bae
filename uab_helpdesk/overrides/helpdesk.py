"""Helpdesk endpoints wrapped so the protocol applies the way the policy means it to."""

import inspect

import frappe
from frappe import _

from uab_helpdesk.utils import STAFF_ROLES, require_role


def _exempt(method, **kwargs):
	"""Merging and splitting copy a ticket's existing messages: no new contact, so no rule applies
	to the copies (SPEC §5). Automatic notices they send are still screened as automatic mail.
	Only staff get the exemption: anyone else is refused before anything runs."""
	require_role(STAFF_ROLES, _("merge or split tickets"))
	frappe.flags.uab_exempt = True
	try:
		return method(**as_declared(method, kwargs))
	finally:
		frappe.flags.uab_exempt = False


def as_declared(method, kwargs: dict) -> dict:
	"""Helpdesk changed its declared types (merge_ticket takes ints in v1.15, strings in v1.28, and
	Frappe validates them): hand over each argument as the wrapped endpoint declares it."""
	parameters = inspect.signature(method).parameters
	declared = {name: parameters[name].annotation for name in kwargs if name in parameters}
	return {
		name: declared[name](value) if declared.get(name) in (int, str) and value is not None else value
		for name, value in kwargs.items()
	}


@frappe.whitelist()
def merge_ticket(source: str | int, target: str | int):
	from helpdesk.helpdesk.doctype.hd_ticket.api import merge_ticket as merge

	return _exempt(merge, source=source, target=target)


@frappe.whitelist()
def split_ticket(subject: str, communication_id: str):
	from helpdesk.helpdesk.doctype.hd_ticket.api import split_ticket as split

	return _exempt(split, subject=subject, communication_id=communication_id)


@frappe.whitelist()
def bulk_reply(ticket_ids: list, message: str, attachments: list | None = None):
	"""Helpdesk's bulk reply swallows every failure into the Error Log and the agent sees success.
	Tickets whose customer's protocol refuses the reply are taken out first, logged with the text,
	and named to the agent; the rest go through Helpdesk's own bulk reply (Helpdesk v1.2x+)."""
	# The caller first: a refused caller learns nothing of any protocol and writes no attempt.
	require_role(STAFF_ROLES, _("reply to tickets"))
	for ticket in ticket_ids:
		frappe.has_permission("HD Ticket", "write", doc=str(ticket), throw=True)
	try:
		from helpdesk.api.ticket import bulk_reply as helpdesk_bulk_reply
	except ImportError:
		frappe.throw(_("This Helpdesk version has no bulk reply."))
	refused = screen_bulk_reply(ticket_ids, message)
	allowed = [ticket for ticket in ticket_ids if str(ticket) not in refused]
	if allowed:
		helpdesk_bulk_reply(ticket_ids=allowed, message=message, attachments=attachments)
	if refused:
		frappe.msgprint(
			"<br>".join(
				_("Ticket {0} not sent: {1}").format(frappe.bold(ticket), reason)
				for ticket, reason in refused.items()
			),
			title=_("Some replies were not sent"),
			indicator="red",
		)
	return {"sent": allowed, "refused": refused}


def screen_bulk_reply(ticket_ids: list, message: str) -> dict[str, str]:
	"""{ticket: why} for every ticket whose reply a communication protocol refuses (each one logged)."""
	from uab_helpdesk.enforcement import judge_outgoing
	from uab_helpdesk.events.communication import MEDIUM_CHANNELS
	from uab_helpdesk.protection import contacts_for_addresses, protocol_of_contact
	from uab_helpdesk.utils import render

	skip_email = frappe.db.get_single_value("HD Settings", "skip_email_workflow")
	refused = {}
	for ticket in map(str, ticket_ids):
		raised_by = frappe.db.get_value("HD Ticket", ticket, "raised_by")
		for contact in sorted(contacts_for_addresses(raised_by)):
			decision = judge_outgoing(
				contact,
				protocol_of_contact(contact),
				channel=MEDIUM_CHANNELS["" if skip_email else "Email"],
				agent=frappe.session.user,
				ticket=ticket,
				content=message,
				recipients=raised_by,
				refuse=False,
			)
			if decision.refused:
				refused[ticket] = render(decision.message)
	return refused
