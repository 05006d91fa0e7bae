"""Loads the facts the policy needs from the database and hands them over as plain values.

Everything here reads; nothing decides. The decisions are in `uab_helpdesk.policy`.
"""

import frappe
from frappe.utils import cint, get_datetime, getdate

from uab_helpdesk.policy.ladder import CaseHistory, leave_out_closed_cases
from uab_helpdesk.policy.values import AssessmentOutcome, WarningLevel


def customers_of_contact(contact: str) -> list[str]:
	"""The HD Customers a contact belongs to, on either Helpdesk contact model.

	Helpdesk v1.28 keeps contacts as rows of `HD Customer.contacts` (`HD Customer Member`);
	earlier releases link them with `Contact.links` Dynamic Link rows.
	"""
	if not contact:
		return []
	if frappe.db.exists("DocType", "HD Customer Member"):
		return frappe.get_all(
			"HD Customer Member",
			filters={"contact_name": contact, "parenttype": "HD Customer"},
			pluck="parent",
			distinct=True,
		)
	return frappe.get_all(
		"Dynamic Link",
		filters={"parenttype": "Contact", "parent": contact, "link_doctype": "HD Customer"},
		pluck="link_name",
		distinct=True,
	)


def case_history(contact: str, immediate_action: bool = False, before=None) -> CaseHistory:
	"""The contact's submitted incidents, warnings and assessments, for the 6.5 ladder.
	``before`` leaves out records made after a moment (a record being judged is not its own history);
	records of a case closed more than the lookback ago are left out too (6.5.3)."""
	before = get_datetime(before) if before else None

	def moments(doctype: str, field: str, **filters) -> tuple:
		rows = frappe.get_all(doctype, filters={"contact": contact, "docstatus": 1, **filters}, pluck=field)
		return tuple(sorted(m for m in map(get_datetime, rows) if before is None or m < before))

	assessments = frappe.get_all(
		"UAB Assessment", filters={"contact": contact, "docstatus": 1}, fields=["modified", "outcome"]
	)
	history = CaseHistory(
		incidents=moments("UAB Incident", "occurred_on"),
		initial_warnings=moments("UAB Warning", "issued_on", level=WarningLevel.INITIAL.value),
		formal_warnings=moments("UAB Warning", "issued_on", level=WarningLevel.FORMAL.value),
		assessments=tuple(
			(get_datetime(row.modified), AssessmentOutcome(row.outcome)) for row in assessments
		),
		immediate_action=immediate_action,
	)
	closures = frappe.get_all(
		"UAB Incident",
		filters={"contact": contact, "docstatus": 1, "case_closed_on": ("is", "set")},
		pluck="case_closed_on",
		distinct=True,
	)
	lookback = cint(frappe.db.get_single_value("UAB Settings", "lookback_months")) or 12
	return leave_out_closed_cases(history, tuple(map(getdate, closures)), getdate(), lookback)


def close_case(contact: str, closed_on) -> None:
	"""Stamp the closure of the contact's case on its incidents that are not closed yet (6.5.3)."""
	frappe.db.set_value(
		"UAB Incident",
		{"contact": contact, "docstatus": 1, "case_closed_on": ("is", "not set")},
		"case_closed_on",
		closed_on,
		update_modified=False,
	)


def contacts_of_customer(customer: str) -> list[str]:
	"""The contacts of an HD Customer, on either Helpdesk contact model (see customers_of_contact)."""
	if frappe.db.exists("DocType", "HD Customer Member"):
		return frappe.get_all(
			"HD Customer Member",
			filters={"parent": customer, "parenttype": "HD Customer"},
			pluck="contact_name",
		)
	return frappe.get_all(
		"Dynamic Link",
		filters={"parenttype": "Contact", "link_doctype": "HD Customer", "link_name": customer},
		pluck="parent",
	)


def customer_managers(customer: str | None) -> list[str]:
	"""Helpdesk v1.28+: contacts who manage an HD Customer and read all its members' tickets."""
	if not customer or not frappe.db.exists("DocType", "HD Customer Member"):
		return []
	return frappe.get_all(
		"HD Customer Member",
		filters={"parent": customer, "parenttype": "HD Customer", "is_manager": 1},
		pluck="contact_name",
	)


def issues_opened(contact: str, period, time_zone: str) -> int:
	"""New issues (tickets) a contact raised in the current calendar period, site time (6.4.3). Tickets
	staff opened (a split, the complaint an appeal asked for) are not the customer's new issues. The
	period is [start, end): a ticket opened at the first moment of the next period is not counted."""
	from frappe.utils import now_datetime

	from uab_helpdesk.policy.dates import issue_period_bounds, to_local

	start, end = issue_period_bounds(period, to_local(now_datetime(), time_zone).date())
	return frappe.db.sql(
		"""select count(*) from `tabHD Ticket` ticket
		where ticket.contact = %(contact)s and ticket.creation >= %(start)s and ticket.creation < %(end)s
		and not exists (select 1 from `tabUAB Ticket State` state
			where state.ticket = ticket.name and state.opened_by_staff = 1)""",
		{"contact": contact, "start": get_datetime(start), "end": get_datetime(end)},
	)[0][0]
