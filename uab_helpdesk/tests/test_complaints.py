"""Complaints are never held (issue 21; policy 6.5.5; the Housing Ombudsman's Complaint Handling Code,
statutory since 1 April 2024). A protocol restricts how we talk with a customer, never their right to
complain: a complaint sent in a health-and-safety-only period, over the issue limit, reaches the
complaints process; a held message the screening officer reads as a complaint is released to it."""

import frappe

from uab_helpdesk.api.screening import screen_held_ticket
from uab_helpdesk.setup.defaults import COMPLAINT_TICKET_TYPE, make_complaint_ticket_type
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.test_outgoing_enforcement import reply
from uab_helpdesk.tests.utils import email_of
from uab_helpdesk.ticket_state import ticket_state

COMPLAINT = "I want to make a formal complaint about how my repair has been handled"


class TestComplaintsAreNeverHeld(ProtectedCustomerTestCase):
	"""Health and safety only until 2099, one new issue a month, topics: Repairs only."""

	protocol_fields = {
		"health_and_safety_only": 1,
		"health_and_safety_only_until": "2099-12-31",
		"issue_limit": 1,
		"issue_limit_period": "Month",
	}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_complaint_ticket_type()

	def test_a_complaint_in_a_health_and_safety_only_period_reaches_the_complaints_process_6_5_5(self):
		control = receive_email(email_of(self.contact), "Parking permit renewal")
		self.assertTrue(ticket_state(control).held, "an ordinary message is held in the period")
		ticket = receive_email(email_of(self.contact), COMPLAINT)
		state = ticket_state(ticket)
		self.assertFalse(state.held, "a complaint is never held")
		self.assertIn("formal complaint", state.complaint)
		self.assertEqual(frappe.db.get_value("HD Ticket", ticket, "ticket_type"), COMPLAINT_TICKET_TYPE)
		self.assertIn(self.staff.agent, frappe.db.get_value("HD Ticket", ticket, "_assign") or "")
		comments = frappe.get_all(
			"Comment", {"reference_doctype": "HD Ticket", "reference_name": ticket}, pluck="content"
		)
		self.assertTrue(any("complaints process" in (text or "") for text in comments))

	def test_the_officer_answers_a_complaint_by_the_channel_the_protocol_allows_6_5_5(self):
		"""The complaint passes the topic rules; the channel and officer rules still apply."""
		ticket = receive_email(email_of(self.contact), COMPLAINT)
		with self.set_user(self.staff.agent):
			reply(ticket, "<p>complaint-acknowledged</p>")
		self.assertTrue(frappe.db.exists("Communication", {"content": ("like", "%complaint-acknowledged%")}))
		with self.set_user(self.staff.other_agent):
			self.assertRefused(lambda: reply(ticket, "<p>not-the-officer</p>"), rule="only Uab Agent")

	def test_a_complaint_in_a_later_message_releases_the_held_ticket_to_the_process_6_5_5(self):
		held = receive_email(email_of(self.contact), "Bins not collected")
		self.assertTrue(ticket_state(held).held)
		receive_email(email_of(self.contact), "I am not happy with your service at all", ticket=held)
		state = ticket_state(held)
		self.assertEqual((state.held, bool(state.complaint)), (0, True))
		self.assertEqual(frappe.db.get_value("HD Ticket", held, "ticket_type"), COMPLAINT_TICKET_TYPE)

	def test_the_screening_officer_sends_a_held_message_to_the_complaints_process_6_5_5(self):
		held = receive_email(email_of(self.contact), "Why am I being treated like this")
		self.assertTrue(ticket_state(held).held, "the words did not show a complaint: held")
		with self.set_user(self.staff.agent):
			screen_held_ticket(held, "Complaint – sent to the complaints process")
		state = ticket_state(held)
		self.assertEqual((state.held, state.screened_by), (0, self.staff.agent))
		self.assertIn("read as a complaint", state.complaint)
		self.assertEqual(frappe.db.get_value("HD Ticket", held, "ticket_type"), COMPLAINT_TICKET_TYPE)
