"""What agents and managers see of the app outside its own forms: the agent UI's HD Form Script (the banner
and the reply editor's ways), the protocol summary in the ticket sidebar, and the workspace's number cards.
Each is written only when it is missing or differs from this app's files."""

import json
from pathlib import Path

import frappe
from frappe.utils import get_datetime, now_datetime

from uab_helpdesk.setup.custom_fields import set_if_changed

FORM_SCRIPT_NAME = "UAB Protocol Banner"
# The agent UI's HD Form Script, kept in this app's files: the banner, then the reply editor's ways (one
# script, so that opening a ticket costs one call: benchmarks/ticket_open.py).
FORM_SCRIPT_FILES = ("hd_form_script_banner.js", "hd_form_script_reply.js")


def make_agent_ui_banner() -> None:
	"""The agent UI (/helpdesk) runs no Desk JS; its one supported hook is HD Form Script. The script
	lives in this app's files and is written to the database on install and every migrate."""
	if frappe.db.exists("DocType", "HD Form Script"):
		folder = Path(frappe.get_app_path("uab_helpdesk", "public", "js"))
		_write_form_script(
			FORM_SCRIPT_NAME, "\n".join((folder / file).read_text() for file in FORM_SCRIPT_FILES)
		)
	_drop_summary_from_ticket_sidebar()


def _write_form_script(name: str, script: str) -> None:
	values = {
		"dt": "HD Ticket",
		"apply_to": "Form",
		"enabled": 1,
		"script": script,
		"apply_to_customer_portal": 0,
	}
	if frappe.db.exists("HD Form Script", name):
		set_if_changed("HD Form Script", name, values)
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


def _drop_summary_from_ticket_sidebar() -> None:
	"""Earlier versions showed the protocol's summary as a field of the "Default" HD Ticket Template; the
	summary is now the app's own (ticket_state.py) and the banner shows it, so the row goes."""
	if frappe.db.exists("DocType", "HD Ticket Template Field"):
		frappe.db.delete("HD Ticket Template Field", {"fieldname": "uab_protocol_summary"})


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
			# Issue 21: a held message is never left unread; the oldest is at the top of its list.
			"name": "UAB Held Not Yet Read",
			"document_type": "UAB Ticket State",
			"color": "#E03636",
			"filters_json": [
				["UAB Ticket State", "held", "=", 1],
				["UAB Ticket State", "screening", "=", "Awaiting screening"],
			],
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
			set_if_changed("Number Card", card["name"], {k: v for k, v in values.items() if k != "doctype"})
		else:
			doc = frappe.get_doc(values)
			doc.name = card["name"]
			doc.insert(ignore_permissions=True)
