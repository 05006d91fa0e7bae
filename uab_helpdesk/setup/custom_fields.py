"""The app's fields on Helpdesk's and Frappe's records (prefix `uab_`): since issue 20 there are none, and
the fields earlier versions made are dropped with their columns."""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.utils import cint, cstr

# Until issue 20 the app kept its state in these fields on Helpdesk's and Frappe's tables, where every
# route that returns a ticket or a message carried it to the customer. It now lives in UAB Ticket State and
# UAB Message State (ticket_state.py); patches/move_state_off_helpdesk_tables.py moves it and drops these.
LEGACY_FIELDS = {
	"HD Ticket": (
		"uab_section",
		"uab_protocol",
		"uab_protocol_summary",
		"uab_held",
		"uab_hold_reason",
		"uab_screening",
		"uab_screening_due",
		"uab_screened_by",
		"uab_screened_on",
		"uab_screening_escalated",
		"uab_safety_matter",
		"uab_opened_by_staff",
	),
	"Communication": (
		"uab_language_score",
		"uab_language_flagged",
		"uab_language_kinds",
		"uab_letter_status",
		"uab_posted_by",
		"uab_posted_on",
	),
}


def get_custom_fields() -> dict[str, list[dict]]:
	"""The app's fields on other apps' DocTypes: none. What it knows of a ticket or a message is in its
	own DocTypes, which no customer can read (docs/access.md)."""
	return {}


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
	"""Uninstall, and the move of issue 20: the fields and their columns go. Frappe keeps a deleted Custom
	Field's column, and with it what it held (why a ticket was held, a safety matter): nothing of a case
	may stay behind."""
	fields = {
		doctype: [field["fieldname"] for field in rows] for doctype, rows in get_custom_fields().items()
	}
	for doctype, legacy in LEGACY_FIELDS.items():
		fields.setdefault(doctype, []).extend(legacy)
	for doctype, fieldnames in fields.items():
		for fieldname in fieldnames:
			frappe.db.delete("Custom Field", {"dt": doctype, "fieldname": fieldname})
			if frappe.db.has_column(doctype, fieldname):
				frappe.db.sql_ddl(f"alter table `tab{doctype}` drop column `{fieldname}`")
		frappe.clear_cache(doctype=doctype)
