# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.query_builder.functions import Count, DateFormat

from uab_helpdesk.policy.values import BehaviourType
from uab_helpdesk.utils import translated_option


def execute(filters: dict | None = None):
	"""Submitted incidents per month and behaviour type (policy 3.2–3.6), with a stacked chart."""
	filters = frappe._dict(filters or {})
	# A monthly trend: the last twelve months unless asked otherwise, so the history's size does not
	# set the report's cost (the index on docstatus, occurred_on, behaviour_type covers the query).
	filters.from_date = filters.from_date or frappe.utils.add_months(frappe.utils.today(), -12)
	incident = frappe.qb.DocType("UAB Incident")
	month = DateFormat(incident.occurred_on, "%Y-%m")
	query = (
		frappe.qb.from_(incident)
		.select(month.as_("month"), incident.behaviour_type, Count("*").as_("incidents"))
		.where(incident.docstatus == 1)
		.groupby(month, incident.behaviour_type)
		.orderby(month)
	)
	if filters.from_date:
		query = query.where(incident.occurred_on >= filters.from_date)
	if filters.to_date:
		query = query.where(incident.occurred_on < frappe.utils.add_days(filters.to_date, 1))
	if filters.behaviour_type:
		query = query.where(incident.behaviour_type == filters.behaviour_type)
	if filters.team:  # the Helpdesk team (HD Team) of the ticket the incident arose on
		ticket = frappe.qb.DocType("HD Ticket")
		query = (
			query.join(ticket).on(ticket.name == incident.ticket).where(ticket.agent_group == filters.team)
		)
	frappe.has_permission("UAB Incident", "report", throw=True)
	counts = query.run(as_dict=True)

	months = sorted({row.month for row in counts})
	behaviours = [behaviour.value for behaviour in BehaviourType]
	table = {month: {"month": month, "total": 0} for month in months}
	for row in counts:
		table[row.month][frappe.scrub(row.behaviour_type)] = row.incidents
		table[row.month]["total"] += row.incidents
	columns = [{"fieldname": "month", "label": _("Month"), "fieldtype": "Data", "width": 100}]
	columns += [
		{"fieldname": frappe.scrub(b), "label": translated_option(b), "fieldtype": "Int", "width": 120}
		for b in behaviours
	]
	columns.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 80})
	chart = {
		"data": {
			"labels": months,
			"datasets": [
				{"name": translated_option(b), "values": [table[m].get(frappe.scrub(b), 0) for m in months]}
				for b in behaviours
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}
	return columns, list(table.values()), None, chart
