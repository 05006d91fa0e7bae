# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import add_days, date_diff, getdate, today


def execute(filters: dict | None = None):
	"""Active protocols whose review (6.5.6) is due within the window, or overdue, with the review's state."""
	filters = frappe._dict(filters or {})
	within = int(filters.within_days or 30)
	protocols = frappe.get_list(
		"UAB Communication Protocol",
		filters={"status": "Active", "docstatus": 1, "review_due_date": ("<=", add_days(today(), within))},
		fields=[
			"name",
			"contact",
			"contact_name",
			"review_due_date",
			"single_point_of_contact",
			"authorised_by",
		],
		order_by="review_due_date asc",
	)
	rows = []
	for protocol in protocols:
		review = (
			frappe.db.get_value(
				"UAB Protocol Review",
				{"protocol": protocol.name, "due_date": protocol.review_due_date, "docstatus": ("!=", 2)},
				["name", "reviewer", "escalated_on", "docstatus"],
				as_dict=True,
			)
			or frappe._dict()
		)
		days = date_diff(getdate(protocol.review_due_date), getdate(today()))
		rows.append(
			{
				**protocol,
				"days_left": days,
				"state": _("Overdue") if days < 0 else _("Due"),
				"review": review.name,
				"reviewer": review.reviewer,
				"escalated_on": review.escalated_on,
			}
		)
	return columns(), rows


def columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Protocol"),
			"fieldtype": "Link",
			"options": "UAB Communication Protocol",
			"width": 160,
		},
		{"fieldname": "contact_name", "label": _("Customer"), "fieldtype": "Data", "width": 160},
		{"fieldname": "review_due_date", "label": _("Review Due"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_left", "label": _("Days Left"), "fieldtype": "Int", "width": 90},
		{"fieldname": "state", "label": _("State"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "review",
			"label": _("Review"),
			"fieldtype": "Link",
			"options": "UAB Protocol Review",
			"width": 160,
		},
		{
			"fieldname": "reviewer",
			"label": _("Reviewer"),
			"fieldtype": "Link",
			"options": "User",
			"width": 180,
		},
		{"fieldname": "escalated_on", "label": _("Escalated On"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "authorised_by",
			"label": _("Head of Service"),
			"fieldtype": "Link",
			"options": "User",
			"width": 180,
		},
	]
