# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

"""Awaab's Law clocks by customer group (issue 21): open, met and breached, the breach rate and the median
hours to investigate, for customers under a communication protocol and everyone else. A protocol limits how
we talk with a customer; it must never make a hazard wait longer (the equality report's test, policy 7.1)."""

import frappe
from frappe import _
from frappe.utils import add_days, get_datetime

from uab_helpdesk.policy.hazards import summarise_clocks
from uab_helpdesk.utils import translated_option


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = {}
	if filters.from_date and filters.to_date:
		conditions["aware_on"] = (
			"between",
			[get_datetime(filters.from_date), get_datetime(add_days(filters.to_date, 1))],
		)
	clocks = frappe.get_all(
		"UAB Hazard Clock",
		filters=conditions,
		fields=["protocol", "kind", "status", "aware_on", "investigated_on"],
	)
	rows = summarise_clocks(
		[
			{
				"restricted": bool(clock.protocol),
				"kind": clock.kind,
				"status": clock.status,
				"aware_on": get_datetime(clock.aware_on),
				"investigated_on": get_datetime(clock.investigated_on) if clock.investigated_on else None,
			}
			for clock in clocks
		]
	)
	data = [
		{
			"group": translated_option(row.group),
			"kind": translated_option(row.kind),
			"open": row.open,
			"met": row.met,
			"breached": row.breached,
			"breach_rate": row.breach_rate * 100,
			"median_hours": row.median_hours_to_investigate,
			"flagged": _("Restricted customers wait longer: review") if row.flagged else "",
		}
		for row in rows
	]
	return columns(), data


def columns() -> list[dict]:
	return [
		{"fieldname": "group", "label": _("Customers"), "fieldtype": "Data", "width": 220},
		{"fieldname": "kind", "label": _("Hazard"), "fieldtype": "Data", "width": 110},
		{"fieldname": "open", "label": _("Open"), "fieldtype": "Int", "width": 80},
		{"fieldname": "met", "label": _("Met"), "fieldtype": "Int", "width": 80},
		{"fieldname": "breached", "label": _("Breached"), "fieldtype": "Int", "width": 90},
		{"fieldname": "breach_rate", "label": _("Breach Rate"), "fieldtype": "Percent", "width": 110},
		{
			"fieldname": "median_hours",
			"label": _("Median Hours to Investigate"),
			"fieldtype": "Float",
			"width": 180,
		},
		{"fieldname": "flagged", "label": _("Disproportion"), "fieldtype": "Data", "width": 260},
	]
