"""Phone contact (INTEGRATION §2 K, L): calls logged or placed through telephony."""

import frappe

from uab_helpdesk.overrides.telephony import make_a_call
from uab_helpdesk.tests.enforcement_case import TUESDAY_11, WEDNESDAY_11, ProtectedCustomerTestCase


def log_call(call_type: str, number: str, user: str):
	from telephony.api import create_call_log

	return create_call_log(
		id=frappe.generate_hash(length=12),
		telephony_medium="Manual",
		from_number=number if call_type == "Incoming" else "01632960000",
		to_number=number if call_type == "Outgoing" else "01632960000",
		duration=60,
		status="Completed",
		call_type=call_type,
		caller=user,
		receiver=user,
		links=[],
	)


class TestPhoneEnforcement(ProtectedCustomerTestCase):
	def test_outgoing_call_outside_the_window_is_refused_6_4_2(self):
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: log_call("Outgoing", self.phone, self.staff.agent),
				rule="Phone contact is only Tuesday 10:00–12:00",
			)

	def test_outgoing_call_by_the_officer_inside_the_window_is_logged_6_4_2(self):
		with self.freeze_time(TUESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertTrue(log_call("Outgoing", "+44" + self.phone.replace(" ", "")[1:], self.staff.agent))

	def test_incoming_call_outside_the_window_is_logged_and_flagged_never_refused_6_4_2(self):
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.other_agent):
			self.assertTrue(log_call("Incoming", self.phone.replace(" ", ""), self.staff.other_agent))
		self.assertIn("Flagged", [row.action for row in self.attempts()])

	def test_exotel_call_is_checked_before_it_is_placed_6_4_2(self):
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertRefused(lambda: make_a_call(self.phone), rule="Phone contact is only")

	def test_twilio_call_by_another_agent_is_answered_with_a_refusal_not_dialled_6_4_2(self):
		"""Twilio asks its guest webhook what to do; a refused call gets spoken words and a hang-up."""
		from uab_helpdesk.overrides.telephony import voice

		with self.freeze_time(TUESDAY_11, tick=True), self.set_user("Guest"):
			response = voice(
				To=self.phone,
				Caller="client:uab.agent2(at)housing.test",
				link_doctype="HD Ticket",
				link_docname=self.ticket,
			)
		self.assertIn("<Hangup/>", response.get_data(as_text=True))
		self.assertIn("Blocked", [row.action for row in self.attempts()])
