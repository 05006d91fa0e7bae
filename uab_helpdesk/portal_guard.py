"""No portal customer ever gets a UAB field (need to know; policy 8).

The `uab_` fields on HD Ticket say whether a customer is under a protocol, why their message was held,
and what the screening found. Helpdesk's portal returns whole tickets by several routes (its own
`get_one` reads every column; `frappe.client.set_value` and `run_doc_method` return the saved document;
a ticket's version history carries old values), and which routes exist changes between releases. So the
guard is at the edge, not on each route:

- a request from anyone who is not staff that names a `uab_` field (a filter, a field list, a write) is
  refused before it runs, so nothing can be read, tested or changed through one;
- every JSON answer to anyone who is not staff is stripped of `uab_` keys, at any depth, including the
  JSON text of version history.
"""

import json
import re

import frappe

from uab_helpdesk.utils import STAFF_ROLES, has_any_role

PREFIX = "uab_"
# Only this app's own field names count as asking for one: a customer's message that happens to hold
# the letters "uab_" is never refused (incoming contact is never refused).
_FIELD_NAMED = re.compile(
	r"\buab_(?:section|protocol|protocol_summary|held|hold_reason|screening|safety_matter|opened_by_staff)\b"
)


def is_staff() -> bool:
	user = frappe.session.user if getattr(frappe.local, "session", None) else "Guest"
	return user != "Guest" and (user == "Administrator" or has_any_role(*STAFF_ROLES, user=user))


def refuse_uab_fields_in_request() -> None:
	"""`before_request`: a non-staff request that names a UAB field is refused (403), before it runs.
	Every request comes here: the text is looked at first, the user's roles only when it names one."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	asked = request.query_string.decode("utf-8", "replace") + json.dumps(frappe.form_dict, default=str)
	if _FIELD_NAMED.search(asked) and not is_staff():
		raise frappe.PermissionError


def strip_uab_fields(response=None, request=None) -> None:
	"""`after_request`: remove UAB fields from a JSON answer to anyone who is not staff. Every answer
	comes here: one that holds no `uab_` text is left without a role lookup or a parse."""
	if response is None or response.mimetype != "application/json":
		return
	body = response.get_data()
	if PREFIX.encode() not in body or is_staff():
		return
	try:
		answer = json.loads(body)
	except ValueError:
		return
	response.set_data(json.dumps(without_uab_fields(answer), default=str))


def without_uab_fields(value):
	"""The value with every `uab_` key removed; JSON text inside it (a Version's `data`) is cleaned too."""
	if isinstance(value, dict):
		return {key: without_uab_fields(item) for key, item in value.items() if not _is_uab(key)}
	if isinstance(value, list):
		return [without_uab_fields(item) for item in value if not _names_uab_field(item)]
	if isinstance(value, str) and PREFIX in value and value[:1] in "[{":
		try:
			return json.dumps(without_uab_fields(json.loads(value)))
		except ValueError:
			return value
	return value


def _is_uab(key) -> bool:
	return isinstance(key, str) and key.startswith(PREFIX)


def _names_uab_field(item) -> bool:
	"""A version's change row (["uab_held", 0, 1]) or a field's definition ({"fieldname": "uab_held"})."""
	if isinstance(item, dict):
		return _is_uab(item.get("fieldname"))
	return isinstance(item, list) and bool(item) and _is_uab(item[0])
