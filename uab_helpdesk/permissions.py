"""Need to know (UK GDPR data minimisation; policy 8): an agent reads the incidents they recorded or that
concern tickets assigned to them, and the warnings they issued. Managers, heads of service, directors
and auditors read the register as their roles allow. The rules live here once, for lists
(`permission_query_conditions`) and single records (`has_permission`) alike."""

import json

import frappe

from uab_helpdesk.utils import has_any_role

# Roles that read the whole register (what each may do with it is the DocType's own permissions).
REGISTER_READERS = ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor", "System Manager")


def _reads_register(user: str) -> bool:
	return user == "Administrator" or has_any_role(*REGISTER_READERS, user=user)


def _assigned_pattern(user: str) -> str:
	"""`HD Ticket._assign` is a JSON list of users; match the quoted address, not a substring of another."""
	return f"%{json.dumps(user)}%"


def incident_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if _reads_register(user):
		return ""
	owner, assigned = frappe.db.escape(user), frappe.db.escape(_assigned_pattern(user))
	return (
		f"(`tabUAB Incident`.owner = {owner} or `tabUAB Incident`.ticket in "
		f"(select name from `tabHD Ticket` where `_assign` like {assigned}))"
	)


def incident_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if _reads_register(user) or doc.is_new() or doc.owner == user:
		return None  # the role permissions decide
	if doc.get("ticket") and _is_assigned(doc.ticket, user):
		return None
	return False


def warning_query(user: str | None = None) -> str:
	user = user or frappe.session.user
	if _reads_register(user):
		return ""
	escaped = frappe.db.escape(user)
	return f"(`tabUAB Warning`.owner = {escaped} or `tabUAB Warning`.issued_by = {escaped})"


def warning_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if _reads_register(user) or doc.is_new() or user in (doc.owner, doc.get("issued_by")):
		return None
	return False


def _is_assigned(ticket: str, user: str) -> bool:
	return _in_assign(frappe.db.get_value("HD Ticket", ticket, "_assign"), user)


# The records around a reply (issue 20): a reply waiting for approval, a contact attempt. Each says who is
# restricted and holds the words; an agent sees those they wrote or act on, and those of their tickets.
_PEOPLE = {
	"UAB Reply Draft": ("owner", "written_by", "approver"),
	"UAB Contact Attempt": ("owner", "attempted_by"),
}


def _around_a_reply_query(doctype: str, user: str | None) -> str:
	user = user or frappe.session.user
	if _reads_register(user):
		return ""
	escaped, assigned = frappe.db.escape(user), frappe.db.escape(_assigned_pattern(user))
	table = f"`tab{doctype}`"
	own = " or ".join(f"{table}.`{field}` = {escaped}" for field in _PEOPLE[doctype])
	return (
		f"({own} or {table}.`_assign` like {assigned} or {table}.ticket in "
		f"(select name from `tabHD Ticket` where `_assign` like {assigned}))"
	)


def _around_a_reply_permission(doc, user: str | None) -> bool | None:
	user = user or frappe.session.user
	if _reads_register(user) or doc.is_new() or user in (doc.get(field) for field in _PEOPLE[doc.doctype]):
		return None
	if _in_assign(doc.get("_assign"), user) or (doc.get("ticket") and _is_assigned(doc.ticket, user)):
		return None
	return False


def reply_draft_query(user: str | None = None) -> str:
	return _around_a_reply_query("UAB Reply Draft", user)


def reply_draft_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	return _around_a_reply_permission(doc, user)


def contact_attempt_query(user: str | None = None) -> str:
	return _around_a_reply_query("UAB Contact Attempt", user)


def contact_attempt_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	return _around_a_reply_permission(doc, user)


def reads_register(user: str | None = None) -> bool:
	return _reads_register(user or frappe.session.user)


def _in_assign(assigned: str | None, user: str) -> bool:
	try:
		return user in json.loads(assigned or "[]")
	except ValueError:
		return False
