# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import add_days, date_diff, getdate, today


def execute(filters: dict | None = None):
	"""Active protocols whose review (6.5.6) is due within the window, or overdue, with the review's state.
	One query: the protocol and its current review are joined, not looked up row by row."""
	filters = frappe._dict(filters or {})
	frappe.has_permission("UAB Communication Protocol", "report", throw=True)
	within = int(filters.within_days or 30)
	protocol = frappe.qb.DocType("UAB Communication Protocol")
	review = frappe.qb.DocType("UAB Protocol Review")
	rows = (
		frappe.qb.from_(protocol)
		.left_join(review)
		.on(
			(review.protocol == protocol.name)
			& (review.due_date == protocol.review_due_date)
			& (review.docstatus != 2)
		)
		.select(
			protocol.name,
			protocol.contact_name,
			protocol.review_due_date,
			protocol.authorised_by,
			review.name.as_("review"),
			review.reviewer,
			review.escalated_on,
		)
		.where(
			(protocol.status == "Active")
			& (protocol.docstatus == 1)
			& (protocol.review_due_date <= add_days(today(), within))
		)
		.orderby(protocol.review_due_date)
		.run(as_dict=True)
	)
	current = getdate(today())
	for row in rows:
		row.days_left = date_diff(getdate(row.review_due_date), current)
		row.state = _("Overdue") if row.days_left < 0 else _("Due")
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
