# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _


def execute(filters: dict | None = None):
	"""How appeals (6.5.5) and reviews (6.5.6) were decided in a period: for the board (9.2)."""
	filters = frappe._dict(filters or {})
	rows = []
	for doctype, date_field, label in (
		("UAB Appeal", "decided_on", _("Appeal")),
		("UAB Protocol Review", "customer_notified_on", _("Review")),
	):
		conditions = {"docstatus": 1}
		if filters.from_date and filters.to_date:
			conditions[date_field] = ("between", [filters.from_date, filters.to_date])
		for row in frappe.get_list(
			doctype, filters=conditions, fields=["decision", "count(name) as decided"], group_by="decision"
		):
			rows.append({"kind": label, "decision": row.decision, "decided": row.decided})
	columns = [
		{"fieldname": "kind", "label": _("Kind"), "fieldtype": "Data", "width": 100},
		{"fieldname": "decision", "label": _("Decision"), "fieldtype": "Data", "width": 140},
		{"fieldname": "decided", "label": _("Number"), "fieldtype": "Int", "width": 100},
	]
	return columns, rows
