# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import json

import frappe
from frappe import _

from uab_helpdesk.permissions import reads_register
from uab_helpdesk.utils import STAFF_ROLES, require_role


def execute(filters: dict | None = None):
	"""Replies sent as letters (policy 6.4.2) waiting to be printed and posted, or already posted: each
	with the customer and their postal address, oldest first. One query joins the ticket and contact."""
	require_role(STAFF_ROLES, _("read the letters to post"))
	filters = frappe._dict(filters or {})
	communication = frappe.qb.DocType("Communication")
	state = frappe.qb.DocType("UAB Message State")
	ticket = frappe.qb.DocType("HD Ticket")
	contact = frappe.qb.DocType("Contact")
	query = (
		frappe.qb.from_(communication)
		.join(state)
		.on(state.communication == communication.name)
		.left_join(ticket)
		.on((communication.reference_doctype == "HD Ticket") & (ticket.name == communication.reference_name))
		.left_join(contact)
		.on(contact.name == ticket.contact)
		.select(
			communication.name.as_("communication"),
			communication.communication_date,
			communication.reference_name.as_("ticket"),
			ticket.contact,
			contact.full_name.as_("customer"),
			contact.address,
			communication.user.as_("written_by"),
			state.letter_status.as_("status"),
			state.posted_by,
			state.posted_on,
		)
		.where(
			(communication.communication_medium == "Letter")
			& (state.letter_status == (filters.status or "To post"))
		)
		.orderby(communication.communication_date)
	)
	if filters.ticket:
		query = query.where(communication.reference_name == filters.ticket)
	if not reads_register():
		# Need to know (issue 20): an agent lists the letters they wrote and those of their tickets.
		user = frappe.session.user
		query = query.where((communication.user == user) | (ticket._assign.like(f"%{json.dumps(user)}%")))
	return columns(), query.run(as_dict=True)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "communication",
			"label": _("Letter"),
			"fieldtype": "Link",
			"options": "Communication",
			"width": 120,
		},
		{"fieldname": "communication_date", "label": _("Written On"), "fieldtype": "Datetime", "width": 160},
		{
			"fieldname": "ticket",
			"label": _("Ticket"),
			"fieldtype": "Link",
			"options": "HD Ticket",
			"width": 90,
		},
		{"fieldname": "customer", "label": _("Customer"), "fieldtype": "Data", "width": 160},
		{
			"fieldname": "address",
			"label": _("Address"),
			"fieldtype": "Link",
			"options": "Address",
			"width": 160,
		},
		{
			"fieldname": "written_by",
			"label": _("Sent By"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "posted_by",
			"label": _("Posted By"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
		{"fieldname": "posted_on", "label": _("Posted On"), "fieldtype": "Datetime", "width": 160},
	]
