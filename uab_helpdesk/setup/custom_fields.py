"""The app's fields on Helpdesk's and Frappe's records (prefix `uab_`), created or corrected on install and
on every migrate; a field already as it should be is not written again."""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.utils import cint, cstr

from uab_helpdesk.policy.values import Screening


def get_custom_fields() -> dict[str, list[dict]]:
	"""HD Ticket fields (prefix `uab_`): which protocol applies, and the screening of held messages;
	Communication fields: the language signal of a message received (6.3.3)."""
	return {
		"Communication": [
			{
				"fieldname": "uab_language_score",
				"fieldtype": "Float",
				"label": "Language Signal",
				"insert_after": "sent_or_received",
				"read_only": 1,
				"no_copy": 1,
				"precision": "4",
				"description": "0–1 from the app's own classifier (policy/abuse_model.py); above 0.5 it flags a message "
				"the terms placed in no kind. A signal for staff, never a decision (policy 6.3.3).",
			},
			{
				"fieldname": "uab_language_flagged",
				"fieldtype": "Check",
				"label": "May Contain Abusive Language",
				"insert_after": "uab_language_score",
				"read_only": 1,
				"no_copy": 1,
				"in_standard_filter": 1,
			},
			{
				"fieldname": "uab_language_kinds",
				"fieldtype": "Small Text",
				"label": "What the Message Shows",
				"insert_after": "uab_language_flagged",
				"read_only": 1,
				"no_copy": 1,
				"description": "Threats, harassment, sexual remarks, slurs or abuse aimed at staff, with the words that "
				"showed each: a signal for staff, never a decision (policy 6.3.1, 6.3.3).",
			},
			{
				"fieldname": "uab_letter_status",
				"fieldtype": "Select",
				"label": "Letter",
				"options": "\nTo post\nPosted",
				"insert_after": "uab_language_kinds",
				"read_only": 1,
				"no_copy": 1,
				"in_standard_filter": 1,
				"depends_on": "eval:doc.communication_medium=='Letter'",
				"description": "A reply sent as a letter waits in Letters to Post until it is marked posted.",
			},
			{
				"fieldname": "uab_posted_by",
				"fieldtype": "Link",
				"label": "Posted by",
				"options": "User",
				"insert_after": "uab_letter_status",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "eval:doc.uab_letter_status=='Posted'",
			},
			{
				"fieldname": "uab_posted_on",
				"fieldtype": "Datetime",
				"label": "Posted on",
				"insert_after": "uab_posted_by",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "eval:doc.uab_letter_status=='Posted'",
			},
		],
		"HD Ticket": [
			{
				"fieldname": "uab_section",
				"fieldtype": "Section Break",
				"label": "Communication Protocol",
				"insert_after": "customer",
				"collapsible": 1,
				"depends_on": "uab_protocol",
			},
			{
				"fieldname": "uab_protocol",
				"fieldtype": "Link",
				"label": "Communication Protocol",
				"options": "UAB Communication Protocol",
				"insert_after": "uab_section",
				"read_only": 1,
				"search_index": 1,
				"no_copy": 1,
			},
			{
				"fieldname": "uab_protocol_summary",
				"fieldtype": "Small Text",
				"label": "Protocol",
				"insert_after": "uab_protocol",
				"read_only": 1,
				"no_copy": 1,
				"description": "What the customer's communication protocol allows, in one sentence.",
			},
			{
				"fieldname": "uab_held",
				"fieldtype": "Check",
				"label": "Held for Screening",
				"insert_after": "uab_protocol_summary",
				"read_only": 1,
				"no_copy": 1,
				"in_standard_filter": 1,
			},
			{
				"fieldname": "uab_hold_reason",
				"fieldtype": "Small Text",
				"label": "Why Held",
				"insert_after": "uab_held",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "uab_held",
			},
			{
				"fieldname": "uab_screening",
				"fieldtype": "Select",
				"label": "Screening",
				"options": "\n" + "\n".join(screening.value for screening in Screening),
				"insert_after": "uab_hold_reason",
				"no_copy": 1,
				"depends_on": "uab_held",
				"description": "Held messages are still read for new information and safeguarding concerns.",
			},
			{
				"fieldname": "uab_screening_due",
				"fieldtype": "Datetime",
				"label": "Read By",
				"insert_after": "uab_screening",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "uab_held",
				"description": "Working hours from when it arrived (UAB Settings); past it, the officer's manager is told.",
			},
			{
				"fieldname": "uab_screened_by",
				"fieldtype": "Link",
				"options": "User",
				"label": "Screened By",
				"insert_after": "uab_screening_due",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "uab_screened_by",
			},
			{
				"fieldname": "uab_screened_on",
				"fieldtype": "Datetime",
				"label": "Screened On",
				"insert_after": "uab_screened_by",
				"read_only": 1,
				"no_copy": 1,
				"depends_on": "uab_screened_by",
			},
			{
				"fieldname": "uab_screening_escalated",
				"fieldtype": "Check",
				"label": "Screening Escalated",
				"insert_after": "uab_screened_on",
				"read_only": 1,
				"no_copy": 1,
				"hidden": 1,
			},
			{
				"fieldname": "uab_safety_matter",
				"fieldtype": "Data",
				"label": "Health and Safety Matter",
				"insert_after": "uab_screening_escalated",
				"read_only": 1,
				"no_copy": 1,
				"in_standard_filter": 1,
				"description": "What the customer wrote shows a health-and-safety matter (policy 6.4.4): never held, routed as urgent.",
			},
			{
				"fieldname": "uab_opened_by_staff",
				"fieldtype": "Check",
				"label": "Opened by Staff",
				"insert_after": "uab_safety_matter",
				"read_only": 1,
				"no_copy": 1,
				"hidden": 1,
				"description": "Opened by staff (a split, a complaint an appeal asked for): not the customer's new issue (6.4.3).",
			},
		],
	}


def make_custom_fields() -> None:
	"""Create or correct our fields; a field that is already as it should be is not written again, so a
	migrate that changes nothing leaves their `modified` untouched."""
	changed = {
		doctype: [field for field in fields if not _custom_field_is_current(doctype, field)]
		for doctype, fields in get_custom_fields().items()
	}
	if any(changed.values()):
		create_custom_fields(changed, ignore_validate=True)


def _custom_field_is_current(doctype: str, field: dict) -> bool:
	current = frappe.db.get_value(
		"Custom Field", {"dt": doctype, "fieldname": field["fieldname"]}, list(field), as_dict=True
	)
	return bool(current) and same_values(current, field)


def same_values(current: dict, wanted: dict) -> bool:
	"""Stored values as Frappe keeps them: checks as 0/1, empty text as None or ""."""
	return all(
		(cint(current.get(key)) == cint(value))
		if isinstance(value, int)
		else (cstr(current.get(key)) == cstr(value))
		for key, value in wanted.items()
	)


def set_if_changed(doctype: str, name: str, values: dict) -> None:
	current = frappe.db.get_value(doctype, name, list(values), as_dict=True) or {}
	if not same_values(current, values):
		frappe.db.set_value(doctype, name, values)


def drop_custom_fields() -> None:
	"""Uninstall: the fields and their columns go. Frappe keeps a deleted Custom Field's column, and with it
	what it held (why a ticket was held, a safety matter): nothing of a case may stay behind."""
	for doctype, fields in get_custom_fields().items():
		for fieldname in (field["fieldname"] for field in fields):
			frappe.db.delete("Custom Field", {"dt": doctype, "fieldname": fieldname})
			if frappe.db.has_column(doctype, fieldname):
				frappe.db.sql_ddl(f"alter table `tab{doctype}` drop column `{fieldname}`")
		frappe.clear_cache(doctype=doctype)
