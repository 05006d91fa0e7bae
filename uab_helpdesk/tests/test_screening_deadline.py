"""No held message waits unread (issue 21; policy 6.4.3): assigned at once with a deadline in working hours,
escalated to the managers when it passes, and who read it and when on the record."""

from datetime import datetime

import frappe
from frappe.utils import add_to_date, get_datetime, getdate, now_datetime

from uab_helpdesk.api.screening import screen_held_ticket
from uab_helpdesk.screening import escalate_overdue_screening, screening_due
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.utils import email_of, use_christmas_calendar
from uab_helpdesk.ticket_state import set_ticket_state, ticket_state


class TestHeldMessagesAreRead(ProtectedCustomerTestCase):
	"""One new issue a month: the second e-mail is held."""

	@classmethod
	def protocol_fields_for(cls):
		return {"issue_limit": 1, "issue_limit_period": "Month", "deputy_contact": cls.staff.other_agent}

	def setUp(self):
		super().setUp()
		self.isolate()

	def held_ticket(self) -> frappe._dict:
		for subject in ("First issue", "Second issue"):
			ticket = receive_email(email_of(self.contact), f"{subject} {frappe.generate_hash(length=4)}")
		doc = frappe.get_doc("HD Ticket", ticket)
		self.assertTrue(ticket_state(doc.name).held, "over the issue limit: held (6.4.3)")
		return doc

	def todos(self, ticket: str) -> dict:
		return {
			row.allocated_to: row
			for row in frappe.get_all(
				"ToDo",
				filters={"reference_type": "HD Ticket", "reference_name": ticket, "status": "Open"},
				fields=["allocated_to", "date", "description"],
			)
		}

	def test_a_held_message_goes_to_the_officer_and_the_deputy_with_a_deadline_6_4_3(self):
		ticket = self.held_ticket()
		self.assertEqual(
			get_datetime(ticket_state(ticket.name).screening_due), screening_due(ticket.creation)
		)
		self.assertGreater(
			get_datetime(ticket_state(ticket.name).screening_due), get_datetime(ticket.creation)
		)
		todos = self.todos(ticket.name)
		for officer in (self.staff.agent, self.staff.other_agent):
			self.assertIn(officer, todos)
			self.assertEqual(getdate(todos[officer].date), getdate(ticket_state(ticket.name).screening_due))

	def test_the_deadline_counts_the_landlords_working_hours_and_holidays_6_4_3(self):
		"""Four working hours from Christmas Eve at 16:00, with Christmas Day and the Boxing Day holiday
		(Monday 28 December 2026) shut: Tuesday 29 December at 12:00."""
		use_christmas_calendar(self)
		frappe.db.set_single_value("UAB Settings", "screening_hours", 4)
		self.assertEqual(screening_due(datetime(2026, 12, 24, 16, 0)), datetime(2026, 12, 29, 12, 0))

	def test_unread_past_its_deadline_it_goes_to_the_managers_once_6_4_3(self):
		ticket = self.held_ticket()
		frappe.db.set_single_value("UAB Settings", "welfare_manager", self.staff.manager)
		frappe.clear_document_cache("UAB Settings", "UAB Settings")
		self.addCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		set_ticket_state(ticket.name, screening_due=add_to_date(now_datetime(), hours=-1))
		escalate_overdue_screening()
		todos = self.todos(ticket.name)
		managers = set(todos) - {self.staff.agent, self.staff.other_agent}
		self.assertTrue(managers, "a manager is assigned the unread message")
		self.assertEqual(ticket_state(ticket.name).screening_escalated, 1)
		escalate_overdue_screening()
		self.assertEqual(len(self.todos(ticket.name)), len(todos), "once")

	def test_a_message_read_in_time_is_not_escalated_6_4_3(self):
		ticket = self.held_ticket()
		with self.set_user(self.staff.agent):
			screen_held_ticket(ticket.name, "No new information")
		set_ticket_state(ticket.name, screening_due=add_to_date(now_datetime(), hours=-1))
		escalate_overdue_screening()
		self.assertEqual(ticket_state(ticket.name).screening_escalated, 0)

	def test_who_read_it_and_when_is_set_by_the_server_6_4_3(self):
		ticket = self.held_ticket()
		before = now_datetime()
		with self.set_user(self.staff.agent):
			screen_held_ticket(ticket.name, "No new information")
		state = ticket_state(ticket.name)
		screened_by, screened_on = state.screened_by, state.screened_on
		self.assertEqual(screened_by, self.staff.agent)
		self.assertGreaterEqual(get_datetime(screened_on), before.replace(microsecond=0))
