"""Idempotent setup run on install and on every migrate, and its undoing on uninstall."""

import json
from pathlib import Path

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.utils import cint, cstr, get_datetime, now_datetime

from uab_helpdesk.policy.values import Screening

# Topics that always get through a protocol (policy 6.4.4; SPEC §5.1 rule 5-6).
DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES = ("Health and safety", "Emergency repair")


FORM_SCRIPT_NAME = "UAB Protocol Banner"
# The agent UI's HD Form Script, kept in this app's files: the banner, then the reply editor's ways (one
# script, so that opening a ticket costs one call: benchmarks/ticket_open.py).
FORM_SCRIPT_FILES = ("hd_form_script_banner.js", "hd_form_script_reply.js")


def before_install() -> None:
	"""Frappe v15 before frappe/frappe#41437 keeps the bench's map of app modules in Redis. A site command
	run before `bench get-app` caches it without this app; `bench install-app` loads that map when it starts,
	then syncs no DocType of ours and fails ("No module named 'frappe.core.doctype.uab_settings'"),
	leaving the app marked installed. Rebuild the map this process uses if it lacks this app."""
	if "uab_helpdesk" not in (frappe.local.app_modules or {}):
		frappe.cache.delete_value(["app_modules", "installed_app_modules"])
		frappe.local.app_modules = None
		frappe.setup_module_map()


def after_install() -> None:
	make_custom_fields()
	make_letter_medium()
	make_default_ticket_types()
	make_default_safety_terms()
	make_agent_ui_banner()
	make_number_cards()


def after_migrate() -> None:
	make_custom_fields()
	make_letter_medium()
	make_agent_ui_banner()
	make_number_cards()


def before_uninstall() -> None:
	for doctype, fields in get_custom_fields().items():
		for fieldname in (field["fieldname"] for field in fields):
			frappe.db.delete("Custom Field", {"dt": doctype, "fieldname": fieldname})
	if not frappe.db.exists("Communication", {"communication_medium": "Letter"}):
		# Letters already sent keep the medium they were recorded with.
		frappe.db.delete(
			"Property Setter",
			{
				"doc_type": "Communication",
				"field_name": "communication_medium",
				"property": "options",
				"value": ("like", "%\nLetter"),
			},
		)
	if frappe.db.exists("DocType", "HD Form Script"):
		frappe.db.delete("HD Form Script", {"name": FORM_SCRIPT_NAME})
	if frappe.db.exists("DocType", "HD Ticket Template Field"):
		frappe.db.delete("HD Ticket Template Field", {"fieldname": "uab_protocol_summary"})
	# Frappe drops an app's Scheduled Job Types only on the next migrate; the jobs must stop now.
	frappe.db.delete("Scheduled Job Type", {"method": ("like", "uab_helpdesk.%")})
	frappe.clear_cache(doctype="HD Ticket")
	frappe.clear_cache(doctype="Communication")


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
				"description": "0–1 from an offline classifier; a signal for staff, never a decision (policy 6.3.3).",
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
				"fieldname": "uab_letter_status",
				"fieldtype": "Select",
				"label": "Letter",
				"options": "\nTo post\nPosted",
				"insert_after": "uab_language_flagged",
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
				"fieldname": "uab_safety_matter",
				"fieldtype": "Data",
				"label": "Health and Safety Matter",
				"insert_after": "uab_screening",
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
	return bool(current) and _same(current, field)


def _same(current: dict, wanted: dict) -> bool:
	"""Stored values as Frappe keeps them: checks as 0/1, empty text as None or ""."""
	return all(
		(cint(current.get(key)) == cint(value))
		if isinstance(value, int)
		else (cstr(current.get(key)) == cstr(value))
		for key, value in wanted.items()
	)


def _set_if_changed(doctype: str, name: str, values: dict) -> None:
	current = frappe.db.get_value(doctype, name, list(values), as_dict=True) or {}
	if not _same(current, values):
		frappe.db.set_value(doctype, name, values)


def make_letter_medium() -> None:
	"""A reply sent as a letter is a Communication of medium "Letter" (replies.py): Frappe's list of media
	gains it by a Property Setter, the supported way to change a standard field on both Frappe lines."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	options = frappe.get_meta("Communication").get_field("communication_medium").options or ""
	if "Letter" not in options.split("\n"):
		make_property_setter(
			"Communication",
			"communication_medium",
			"options",
			f"{options.rstrip()}\nLetter",
			"Text",
			validate_fields_for_doctype=False,
		)


def make_default_ticket_types() -> None:
	"""Create the always-allowed topics, and list them in UAB Settings if nothing is listed yet."""
	for ticket_type in DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES:
		if not frappe.db.exists("HD Ticket Type", ticket_type):
			frappe.get_doc({"doctype": "HD Ticket Type", "name": ticket_type}).insert(
				ignore_permissions=True, ignore_if_duplicate=True
			)
	settings = frappe.get_single("UAB Settings")
	if not settings.always_allowed_ticket_types:
		for ticket_type in DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES:
			settings.append("always_allowed_ticket_types", {"ticket_type": ticket_type})
		settings.save(ignore_permissions=True)


def make_default_safety_terms() -> None:
	"""The shipped health-and-safety terms (policy/safety.py) and the staff-support defaults, written into
	UAB Settings on install (and once by a patch on older sites) for the landlord to edit; a site that
	has terms or values keeps its own."""
	from uab_helpdesk.policy.safety import DEFAULT_TERMS

	settings = frappe.get_single("UAB Settings")
	settings.safety_ticket_type = settings.safety_ticket_type or DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES[0]
	settings.safety_priority = settings.safety_priority or "Urgent"
	if not frappe.db.exists("HD Ticket Priority", settings.safety_priority):
		settings.safety_priority = None
	settings.default_precaution = settings.default_precaution or "Visit in pairs"
	for term in () if settings.safety_terms else DEFAULT_TERMS:
		settings.append(
			"safety_terms", {"category": term.category, "phrase": term.phrase, "ignore": int(term.ignore)}
		)
	settings.save(ignore_permissions=True)


def make_agent_ui_banner() -> None:
	"""The agent UI (/helpdesk) runs no Desk JS; its one supported hook is HD Form Script. The script
	lives in this app's files and is written to the database on install and every migrate."""
	if frappe.db.exists("DocType", "HD Form Script"):
		folder = Path(frappe.get_app_path("uab_helpdesk", "public", "js"))
		_write_form_script(
			FORM_SCRIPT_NAME, "\n".join((folder / file).read_text() for file in FORM_SCRIPT_FILES)
		)
	_show_summary_in_ticket_sidebar()


def _write_form_script(name: str, script: str) -> None:
	values = {
		"dt": "HD Ticket",
		"apply_to": "Form",
		"enabled": 1,
		"script": script,
		"apply_to_customer_portal": 0,
	}
	if frappe.db.exists("HD Form Script", name):
		_set_if_changed("HD Form Script", name, values)
		_never_created_in_the_future(name)
	else:
		doc = frappe.get_doc({"doctype": "HD Form Script", **values})
		doc.name = name
		doc.insert(ignore_permissions=True)


def _never_created_in_the_future(name: str) -> None:
	"""A site installed before its time zone was set (Frappe then assumes Asia/Kolkata) has our script
	created hours "ahead" once the zone is set; Helpdesk lists form scripts newest first and its own
	tests take the first. Bring such a creation time back to now; otherwise write nothing."""
	now = now_datetime()
	stamps = frappe.db.get_value("HD Form Script", name, ["creation", "modified"], as_dict=True)
	fixed = {field: now for field in ("creation", "modified") if get_datetime(stamps[field]) > now}
	if fixed:
		fixed.setdefault("creation", min(now, get_datetime(stamps.modified)))
		frappe.db.set_value("HD Form Script", name, fixed, update_modified=False)


def _show_summary_in_ticket_sidebar() -> None:
	"""The agent UI's ticket sidebar lists the fields of the "Default" HD Ticket Template."""
	if not frappe.db.exists("HD Ticket Template", "Default"):
		return
	template = frappe.get_doc("HD Ticket Template", "Default")
	if not any(row.fieldname == "uab_protocol_summary" for row in template.fields):
		template.append("fields", {"fieldname": "uab_protocol_summary", "hide_from_customer": 1})
		template.save(ignore_permissions=True)


def get_number_cards() -> list[dict]:
	"""The workspace's number cards (the "Unacceptable Behaviour" workspace shows them by name)."""
	protocol, appeal, incident = "UAB Communication Protocol", "UAB Appeal", "UAB Incident"
	return [
		{
			"name": "UAB Active Protocols",
			"document_type": protocol,
			"color": "#E03636",
			"filters_json": [[protocol, "status", "=", "Active"], [protocol, "docstatus", "=", 1]],
		},
		{
			"name": "UAB Reviews Overdue",
			"document_type": protocol,
			"color": "#ECAD4B",
			"filters_json": [[protocol, "status", "=", "Active"], [protocol, "docstatus", "=", 1]],
			"dynamic_filters_json": [[protocol, "review_due_date", "<", "frappe.datetime.get_today()"]],
		},
		{
			"name": "UAB Open Appeals",
			"document_type": appeal,
			"color": "#7575FF",
			"filters_json": [[appeal, "status", "!=", "Decided"], [appeal, "docstatus", "=", 0]],
		},
		{
			"name": "UAB Incidents This Month",
			"document_type": incident,
			"color": "#449CF0",
			"filters_json": [
				[incident, "occurred_on", "Timespan", "this month"],
				[incident, "docstatus", "=", 1],
			],
		},
	]


def make_number_cards() -> None:
	for card in get_number_cards():
		values = {
			"doctype": "Number Card",
			"label": card["name"],
			"type": "Document Type",
			"function": "Count",
			"document_type": card["document_type"],
			"filters_json": json.dumps(card["filters_json"]),
			"dynamic_filters_json": json.dumps(card.get("dynamic_filters_json", [])),
			"is_public": 1,
			"show_percentage_stats": 0,
			"color": card["color"],
			"module": "UAB Helpdesk",
		}
		if frappe.db.exists("Number Card", card["name"]):
			_set_if_changed("Number Card", card["name"], {k: v for k, v in values.items() if k != "doctype"})
		else:
			doc = frappe.get_doc(values)
			doc.name = card["name"]
			doc.insert(ignore_permissions=True)
