"""What the app knows of Helpdesk's tickets and messages, kept in DocTypes the app owns (issue 20).

On Helpdesk's own tables the app's fields were read by every route that returns a ticket or a message:
Helpdesk's portal `get_one` selects every column, reportview and export return `*`, the print view
prints every field. Field-level permissions would not reach `get_one`, and no filter on the wire can be
complete. So HD Ticket and Communication carry nothing of the app: a customer has no permission on
`UAB Ticket State` or `UAB Message State`, and Frappe refuses every generic route to them. The agent sees
them only through the app's methods, which check that they may read the ticket (docs/access.md).

Only this module writes them, with `ignore_permissions`: no role has create or write, so a client cannot
set a value a decision rests on (whether a ticket is held, a safety matter, its protocol). Each change
is saved as a document, so its Version says who and when.
"""

import frappe

TICKET_STATE = "UAB Ticket State"
MESSAGE_STATE = "UAB Message State"
TICKET_FIELDS = (
	"protocol",
	"protocol_summary",
	"opened_by_staff",
	"held",
	"hold_reason",
	"screening",
	"screening_due",
	"screened_by",
	"screened_on",
	"screening_escalated",
	"safety_matter",
	"complaint",
)
MESSAGE_FIELDS = (
	"ticket",
	"language_score",
	"language_flagged",
	"language_kinds",
	"letter_status",
	"posted_by",
	"posted_on",
)


def ticket_state(ticket) -> frappe._dict:
	"""The ticket's state; a ticket the app never marked has none, read as empty."""
	return _state(TICKET_STATE, ticket, TICKET_FIELDS)


def message_state(communication: str) -> frappe._dict:
	return _state(MESSAGE_STATE, communication, MESSAGE_FIELDS)


def set_ticket_state(ticket, **values) -> None:
	_set(TICKET_STATE, "ticket", str(ticket), values)


def set_message_state(communication: str, **values) -> None:
	_set(MESSAGE_STATE, "communication", communication, values)


def tickets_of_protocol(protocol: str) -> list[str]:
	return frappe.get_all(TICKET_STATE, filters={"protocol": protocol}, pluck="ticket")


def _state(doctype: str, name, fields: tuple) -> frappe._dict:
	values = frappe.db.get_value(doctype, str(name), list(fields), as_dict=True) if name else None
	return values or frappe._dict.fromkeys(fields)


def _set(doctype: str, key_field: str, name: str, values: dict) -> None:
	"""Insert or update as a document (validated, versioned), writing nothing when nothing changes."""
	if frappe.db.exists(doctype, name):
		doc = frappe.get_doc(doctype, name)
		changed = {field: value for field, value in values.items() if doc.get(field) != value}
		if not changed:
			return
		doc.update(changed)
		doc.save(ignore_permissions=True)
	else:
		frappe.get_doc({"doctype": doctype, key_field: name, **values}).insert(ignore_permissions=True)
