"""Data for the browser test (browser_tests/): a protected customer's ticket and two agents.

    bench --site SITE execute uab_helpdesk.tests.browser_fixture.create

prints JSON the browser test reads. Safe to run again: it reuses what it made before.
"""

import json

import frappe

from uab_helpdesk.tests.utils import PASSWORD, make_protocol, make_staff, make_ticket, make_user
from uab_helpdesk.ticket_state import message_state

CONTACT = "Browser Test Tenant"
LETTERS_CONTACT = "Browser Letters Tenant"  # letters only, through the officer (send as letter)
PHONE_CONTACT = "Browser Phone Tenant"  # phone only: a written reply has no way, and is refused
ABUSIVE = "You are a useless fucking idiot and I hope you rot in hell"


def _contact(first_name: str, email: str) -> str:
	"""Found again by address: Frappe renames a contact after the portal user linked to it."""
	return frappe.db.get_value("Contact Email", {"email_id": email, "parenttype": "Contact"}, "parent") or (
		frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": first_name,
				"email_ids": [{"email_id": email, "is_primary": 1}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def _protected(first_name: str, email: str, staff, **protocol) -> str:
	"""A customer with an Active protocol through the officer, and a ticket of theirs."""
	contact = _contact(first_name, email)
	if not frappe.db.exists("UAB Communication Protocol", {"contact": contact, "status": "Active"}):
		make_protocol(
			contact,
			director=staff.director,
			activate_as=staff.head,
			single_point_of_contact=staff.agent,
			**protocol,
		)
	return str(frappe.db.get_value("HD Ticket", {"contact": contact}, "name") or make_ticket(contact))


def create() -> None:
	frappe.set_user("Administrator")
	staff = make_staff()
	for agent in (staff.agent, staff.other_agent):
		if not frappe.db.exists("HD Agent", agent):
			frappe.get_doc({"doctype": "HD Agent", "user": agent, "agent_name": agent.split("@")[0]}).insert(
				ignore_permissions=True
			)
	contact = _contact(CONTACT, "browser.tenant@tenant.test")
	if not frappe.db.exists("UAB Communication Protocol", {"contact": contact, "status": "Active"}):
		make_protocol(
			contact, director=staff.director, activate_as=staff.head, single_point_of_contact=staff.agent
		)
	ticket = frappe.db.get_value("HD Ticket", {"contact": contact}, "name") or make_ticket(
		contact, subject="Repeated complaints about the lift"
	)
	# Helpdesk's agent managers use Desk; plain agents work in /helpdesk.
	desk_user = make_user("uab.desk@housing.test", "Agent Manager", "System Manager")
	# The tenant in Helpdesk's customer portal (v1.28 gives portal customers the HD Customer role).
	portal_roles = ["HD Customer"] if frappe.db.exists("Role", "HD Customer") else []
	customer = make_user("browser.tenant@tenant.test", *portal_roles, website_user=True)
	frappe.db.set_value("Contact", contact, "user", customer)
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	print(
		json.dumps(
			{
				"ticket": str(ticket),
				"letter_ticket": _protected(
					LETTERS_CONTACT,
					"browser.letters@tenant.test",
					staff,
					allowed_channels=[{"channel": "Letter"}],
					contact_windows=[],
				),
				"phone_ticket": _protected(
					PHONE_CONTACT,
					"browser.phone@tenant.test",
					staff,
					allowed_channels=[{"channel": "Phone"}],
					contact_windows=[],
				),
				"officer": staff.agent,
				"other_agent": staff.other_agent,
				"desk_user": desk_user,
				"customer": customer,
				"password": PASSWORD,
			}
		)
	)


def last_attempt() -> None:
	"""The newest contact attempt for the browser test's customers, as JSON."""
	contacts = frappe.get_all(
		"Contact", filters={"first_name": ("in", [CONTACT, PHONE_CONTACT])}, pluck="name"
	)
	attempt = frappe.get_all(
		"UAB Contact Attempt",
		filters={"contact": ("in", contacts)},
		fields=["action", "content", "attempted_by", "rules_breached"],
		order_by="creation desc",
		limit=1,
	)
	print(json.dumps(attempt[0] if attempt else None, default=str))


def abusive_message() -> None:
	"""A new ticket from an (unprotected) tenant, with an abusive message received on it, as JSON."""
	frappe.set_user("Administrator")
	contact = _contact("Browser Abusive Tenant", "browser.abusive@tenant.test")
	ticket = make_ticket(contact, subject="My repair")
	message = frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Email",
			"sent_or_received": "Received",
			"sender": "browser.abusive@tenant.test",
			"subject": "Re: My repair",
			"content": f"<p>{ABUSIVE}</p>",
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	# The signal is read by a worker after the commit; read it here, as the worker would, so the page has it.
	from uab_helpdesk.language import read_message

	read_message(message.name)
	frappe.db.commit()  # nosemgrep
	flagged = message_state(message.name).language_flagged
	print(json.dumps({"ticket": str(ticket), "message": message.name, "flagged": flagged}))


def replies() -> None:
	"""For each browser test customer's ticket: the letters and e-mails sent on it, its replies for approval
	and its incidents, newest first, as JSON keyed by ticket. Found by the address that raised it: Frappe
	renames a contact after the portal user linked to it, so a first name does not find it again."""
	tickets = frappe.get_all(
		"HD Ticket", filters={"raised_by": ("like", "browser.%@tenant.test")}, pluck="name"
	)
	print(json.dumps({str(ticket): _replies_on(ticket) for ticket in tickets}, default=str))


def _replies_on(ticket: str) -> dict:
	sent = frappe.get_all(
		"Communication",
		filters={"reference_doctype": "HD Ticket", "reference_name": ticket, "sent_or_received": "Sent"},
		fields=["name", "communication_medium", "content", "user"],
		order_by="creation desc",
	)
	for message in sent:  # the browser test reads it under its old name
		message.uab_letter_status = message_state(message.name).letter_status
	drafts = frappe.get_all(
		"UAB Reply Draft",
		filters={"ticket": ticket},
		fields=["name", "status", "written_by", "decided_by", "sent_as", "communication"],
		order_by="creation desc",
	)
	incidents = frappe.get_all(
		"UAB Incident",
		filters={"ticket": ticket},
		fields=["name", "communication", "owner"],
		order_by="creation desc",
	)
	return {"sent": sent, "drafts": drafts, "incidents": incidents}


def await_screening() -> None:
	"""The guide walk screens the demo's held ticket: set it back to awaiting screening first, as the
	server does when a message is held (only the server writes the screening: issue 20)."""
	from uab_helpdesk.ticket_state import set_ticket_state

	frappe.set_user("Administrator")
	ticket = frappe.db.get_value("HD Ticket", {"subject": "Complaint about the neighbours' bins"}, "name")
	set_ticket_state(ticket, held=1, screening="Awaiting screening", screened_by=None, screened_on=None)
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	print(json.dumps({"ticket": str(ticket)}))
