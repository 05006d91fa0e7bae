"""No held message waits unread (issue 21; policy 6.4.3, 6.4.4).

A message held from a protected customer is assigned at once to the single point of contact and the
deputy, with a deadline in the landlord's working hours (UAB Settings, default 4); when it passes unread,
their managers are assigned it too. So a health-and-safety matter the terms missed costs hours, not days.
The working calendar is the one Helpdesk keeps on its default SLA (working hours and holiday list).
"""

from datetime import time, timedelta

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.utils import flt, get_datetime, getdate, now_datetime

from uab_helpdesk.policy.values import Screening
from uab_helpdesk.policy.working_time import WorkingCalendar, add_working_hours
from uab_helpdesk.ticket_state import TICKET_STATE, set_ticket_state
from uab_helpdesk.utils import log_failure

DEFAULT_HOURS = 4
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def landlord_calendar() -> WorkingCalendar:
	"""The default SLA's working days, hours and holidays; office hours Monday to Friday without one."""
	sla = frappe.db.get_value("HD Service Level Agreement", {"default_sla": 1, "enabled": 1}, "name")
	if not sla:
		return WorkingCalendar()
	doc = frappe.get_cached_doc("HD Service Level Agreement", sla)
	hours = {
		WEEKDAYS.index(row.workday): (_as_time(row.start_time), _as_time(row.end_time))
		for row in doc.get("support_and_resolution") or []
		if row.workday in WEEKDAYS
	}
	holidays = frozenset(
		getdate(day)
		for day in frappe.get_all(
			"HD Holiday",
			filters={"parent": doc.holiday_list, "parenttype": "HD Service Holiday List"},
			pluck="holiday_date",
		)
	)
	return WorkingCalendar(hours=hours, holidays=holidays) if hours else WorkingCalendar(holidays=holidays)


def _as_time(value) -> time:
	if isinstance(value, timedelta):
		return (get_datetime("2000-01-01") + value).time()
	return get_datetime(f"2000-01-01 {value}").time()


def screening_due(arrived):
	hours = flt(frappe.db.get_single_value("UAB Settings", "screening_hours")) or DEFAULT_HOURS
	try:
		return add_working_hours(get_datetime(arrived), hours, landlord_calendar())
	except ValueError:  # a calendar with no opening hours: office hours, rather than no deadline
		return add_working_hours(get_datetime(arrived), hours, WorkingCalendar())


def assign_for_screening(ticket: str, due, protocol: str) -> None:
	"""A held ticket: a ToDo due at its screening deadline (recorded with its state at intake) for the
	single point of contact and the deputy."""
	officers = frappe.db.get_value(
		"UAB Communication Protocol", protocol, ["single_point_of_contact", "deputy_contact"]
	)
	wanted = [officer for officer in dict.fromkeys(officers or ()) if officer]
	if wanted:
		assign(
			{
				"assign_to": wanted,
				"doctype": "HD Ticket",
				"name": ticket,
				"date": getdate(due),
				"description": _("Held for screening: read it by {0} (policy 6.4.3).").format(
					frappe.utils.format_datetime(due)
				),
				"priority": "High",
			},
			ignore_permissions=True,
		)


def escalate_overdue_screening() -> None:
	"""Hourly: a held ticket still unread past its deadline goes to the officers' managers, once."""
	from uab_helpdesk.staff_support import managers_of

	overdue = frappe.get_all(
		TICKET_STATE,
		filters={
			"held": 1,
			"screening": Screening.AWAITING.value,
			"screening_due": ("<", now_datetime()),
			"screening_escalated": 0,
		},
		fields=["ticket as name", "protocol", "screening_due"],
		order_by="screening_due asc",
	)
	for ticket in overdue:
		# A savepoint, not a rollback: one ticket that fails undoes only itself.
		frappe.db.savepoint("uab_screening")
		try:
			officers = frappe.db.get_value(
				"UAB Communication Protocol",
				ticket.protocol,
				["single_point_of_contact", "deputy_contact"],
			)
			managers = sorted(
				{manager for officer in officers or () if officer for manager in managers_of(officer)}
			)
			if managers:
				assign(
					{
						"assign_to": managers,
						"doctype": "HD Ticket",
						"name": ticket.name,
						"description": _(
							"A held message was not read by {0}: read it now, or see that it is (policy 6.4.3)."
						).format(frappe.utils.format_datetime(ticket.screening_due)),
						"priority": "High",
					},
					ignore_permissions=True,
				)
			set_ticket_state(ticket.name, screening_escalated=1)
			frappe.get_doc("HD Ticket", ticket.name).add_comment(
				"Info", _("Not screened by its deadline: the officers' managers are told (policy 6.4.3).")
			)
			if not frappe.flags.in_test:
				frappe.db.commit()  # nosemgrep: a scheduled job, one ticket at a time
		except Exception:
			frappe.db.rollback(save_point="uab_screening")
			log_failure("UAB Helpdesk: could not escalate a held ticket", "HD Ticket", ticket.name)
