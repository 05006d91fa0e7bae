"""Issue 20: what the app knew of tickets and messages moves from its `uab_` columns on HD Ticket and
Communication into UAB Ticket State and UAB Message State, and the columns go. Every route that returns a
ticket or a message (Helpdesk's portal `get_one`, reportview, export, print) carried those columns to the
customer; the app's own DocTypes give a customer nothing.

Rows are written straight to the tables, as they were, in one statement per table: a site with years of
mail moves in seconds, and no document hook runs on history. Safe to run again: a row already moved is
left as it is."""

import frappe

from uab_helpdesk.setup.custom_fields import drop_custom_fields

TICKET_COLUMNS = {
	"protocol": "uab_protocol",
	"protocol_summary": "uab_protocol_summary",
	"opened_by_staff": "uab_opened_by_staff",
	"held": "uab_held",
	"hold_reason": "uab_hold_reason",
	"screening": "uab_screening",
	"screening_due": "uab_screening_due",
	"screened_by": "uab_screened_by",
	"screened_on": "uab_screened_on",
	"screening_escalated": "uab_screening_escalated",
	"safety_matter": "uab_safety_matter",
}
MESSAGE_COLUMNS = {
	"language_score": "uab_language_score",
	"language_flagged": "uab_language_flagged",
	"language_kinds": "uab_language_kinds",
	"letter_status": "uab_letter_status",
	"posted_by": "uab_posted_by",
	"posted_on": "uab_posted_on",
}


# A row is worth moving when one of these says the app knew something of it (text, or a number not 0).
TICKET_SIGNS = {
	"uab_protocol": "text",
	"uab_safety_matter": "text",
	"uab_held": "number",
	"uab_opened_by_staff": "number",
}
MESSAGE_SIGNS = {
	"uab_letter_status": "text",
	"uab_language_flagged": "number",
	"uab_language_score": "number",
}


def execute():
	_move("HD Ticket", "UAB Ticket State", "ticket", TICKET_COLUMNS, TICKET_SIGNS)
	_move(
		"Communication",
		"UAB Message State",
		"communication",
		MESSAGE_COLUMNS,
		MESSAGE_SIGNS,
		extra={"ticket": "if(source.reference_doctype = 'HD Ticket', source.reference_name, null)"},
	)
	drop_custom_fields()


def _move(source: str, target: str, key: str, columns: dict, signs: dict, extra: dict | None = None) -> None:
	"""Columns added by later versions may be missing on an old site: only those present are moved."""
	present = {field: column for field, column in columns.items() if frappe.db.has_column(source, column)}
	which = [
		f"ifnull(source.`{column}`, '') != ''" if kind == "text" else f"ifnull(source.`{column}`, 0) != 0"
		for column, kind in signs.items()
		if frappe.db.has_column(source, column)
	]
	if not which:
		return
	selected = {
		key: "source.name",
		**(extra or {}),
		**{field: f"source.`{column}`" for field, column in present.items()},
	}
	frappe.db.sql(
		f"""insert into `tab{target}` (name, {", ".join(f"`{field}`" for field in selected)},
			owner, modified_by, creation, modified, docstatus)
		select source.name, {", ".join(selected.values())},
			'Administrator', 'Administrator', source.creation, source.modified, 0
		from `tab{source}` source
		where ({" or ".join(which)}) and source.name not in (select name from `tab{target}`)"""
	)
