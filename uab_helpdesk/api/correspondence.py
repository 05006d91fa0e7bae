"""Abusive correspondence, handled as policy 6.3.3 says: one action records the incident, linking the
message, and prepares the letter (that the language is offensive, unnecessary and unhelpful, that it
should stop, and that such correspondence will not be answered). The letter then goes by
`send_letter`, through a channel the customer's protocol (if any) allows for letters about the policy."""

import frappe
from frappe import _
from frappe.utils import now_datetime, parse_addr

from uab_helpdesk.language import flagged_on_ticket
from uab_helpdesk.letters import PRINT_FORMATS
from uab_helpdesk.policy.abuse import THREAT
from uab_helpdesk.protection import contacts_for_addresses
from uab_helpdesk.ticket_state import MESSAGE_STATE, message_state
from uab_helpdesk.utils import STAFF_ROLES, require_role

# How the message reached us, as an incident's channel.
CHANNEL_OF_MEDIUM = {"Email": "Email", "": "Portal", "Chat": "Portal", "SMS": "SMS"}


@frappe.whitelist(methods=["POST"])
def record_abusive_correspondence(communication: str | None = None, ticket: str | int | None = None) -> dict:
	"""The incident for a message received (or, on a ticket, its latest flagged message, else its latest
	message received), recorded by the session user; the same one again if it was recorded already.
	Returns the incident and where its letter is printed."""
	require_role(STAFF_ROLES, _("record abusive correspondence"))
	if not communication and ticket:
		frappe.get_doc("HD Ticket", str(ticket)).check_permission("read")
		communication = _latest_received(str(ticket))
	if not communication:
		frappe.throw(_("There is no message received on this ticket."), frappe.DoesNotExistError)
	message = frappe.get_doc("Communication", communication)
	message.check_permission("read")
	if message.sent_or_received != "Received":
		frappe.throw(_("Only a message received from a customer can be recorded as abusive correspondence."))
	if existing := frappe.db.get_value(
		"UAB Incident", {"communication": message.name, "docstatus": ("<", 2)}
	):
		return _answer(existing)
	contact = _sender_contact(message)
	if not contact:
		frappe.throw(_("The sender of this message is not a known contact: record the incident by hand."))
	incident = frappe.get_doc(
		{
			"doctype": "UAB Incident",
			"contact": contact,
			"ticket": message.reference_name if message.reference_doctype == "HD Ticket" else None,
			"occurred_on": message.communication_date or now_datetime(),
			"channel": CHANNEL_OF_MEDIUM.get(message.communication_medium or "", "Email"),
			"behaviour_type": "Abusive – verbal",
			"correspondence_not_answered": 1,
			"description": _(
				"Abusive correspondence received: the message {0} is linked to this incident as it was received."
			).format(message.name),
		}
	)
	threat = THREAT in (message_state(message.name).language_kinds or "")
	if threat:
		# 6.3.1: violence threatened is reported to the police. The incident waits, as a draft, for the
		# officer to record the report; submitting it asks the staff-safety marker's question (staff_support).
		incident.update({"behaviour_type": "Intimidation or threatening", "physical_violence": "Threatened"})
		incident.description += " " + _(
			"The message threatens violence: report it to the police and record the reference, then submit "
			"(policy 6.3.1)."
		)
	incident.communication = message.name  # read-only on the form: set here, by the server only
	incident.flags.uab_correspondence = True
	incident.insert()
	if not threat:
		incident.submit()
	return _answer(incident.name)


def _latest_received(ticket: str) -> str | None:
	filters = {"reference_doctype": "HD Ticket", "reference_name": ticket, "sent_or_received": "Received"}
	flagged = frappe.get_all(
		MESSAGE_STATE, filters={"ticket": ticket, "language_flagged": 1}, pluck="communication"
	)
	if flagged and (
		found := frappe.db.get_value(
			"Communication", {**filters, "name": ("in", flagged)}, "name", order_by="communication_date desc"
		)
	):
		return found
	return frappe.db.get_value("Communication", filters, "name", order_by="communication_date desc")


def _sender_contact(message) -> str | None:
	"""Whoever wrote it (issue 20): the contact of the sender's address, never the ticket's customer, whose
	neighbour or advocate may be the one who replied. None when the address is nobody we know."""
	address = parse_addr(message.sender or "")[1] or message.sender
	if not address:
		return None
	protected = next(iter(contacts_for_addresses(address)), None)
	return protected or frappe.db.get_value("Contact Email", {"email_id": address}, "parent")


def _answer(incident: str) -> dict:
	return {
		"incident": incident,
		"print_url": f"/printview?doctype=UAB%20Incident&name={incident}&format={PRINT_FORMATS['UAB Incident']}",
	}


@frappe.whitelist()
def flagged_messages(ticket: str | int | None = None, communication: str | None = None) -> list[dict]:
	"""Desk's ticket and message forms: the flagged messages received on a ticket the caller may read, or
	the one message if it is flagged. The signal lives in the app's own record (ticket_state.py), which
	no customer and no plain agent reads directly."""
	require_role(STAFF_ROLES, _("read the language signal"))
	if communication:
		message = frappe.get_doc("Communication", communication)
		message.check_permission("read")
		if message.reference_doctype != "HD Ticket" or not message.reference_name:
			return []
		return [row for row in flagged_on_ticket(message.reference_name) if row["name"] == communication]
	frappe.get_doc("HD Ticket", str(ticket)).check_permission("read")
	return flagged_on_ticket(str(ticket))
