"""Phone contact (INTEGRATION §2 K, L): calls logged or placed through telephony."""

import frappe

from uab_helpdesk.overrides.telephony import make_a_call
from uab_helpdesk.tests.enforcement_case import TUESDAY_11, WEDNESDAY_11, ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import make_contact

TWILIO_TOKEN = "uab-test-auth-token"


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
	def test_a_logged_call_outside_the_window_is_kept_and_flagged_6_3_5_6_4_2(self):
		"""The call happened: its log is the record 6.3.5 asks for, so it is kept, and the breach flagged."""
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertTrue(log_call("Outgoing", self.phone, self.staff.agent))
		flagged = self.attempts(action="Flagged")
		self.assertTrue(any("Contact window" in row.rules_breached for row in flagged))

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

	def twilio_webhook(self, params: dict, signed: bool = True):
		"""Call our voice webhook as Twilio would: a POST signed with the account's auth token."""
		from frappe.utils.password import set_encrypted_password
		from twilio.request_validator import RequestValidator
		from werkzeug.test import EnvironBuilder
		from werkzeug.wrappers import Request

		from uab_helpdesk.overrides.telephony import voice

		frappe.db.set_single_value("TP Twilio Settings", "enabled", 1)
		set_encrypted_password("TP Twilio Settings", "TP Twilio Settings", TWILIO_TOKEN, "auth_token")
		path = "/api/method/telephony.twilio.api.voice"
		url = "http://uab.test" + path
		headers = {"X-Twilio-Signature": RequestValidator(TWILIO_TOKEN).compute_signature(url, params)}
		environ = EnvironBuilder(
			path=path,
			base_url="http://uab.test",
			method="POST",
			data=params,
			headers=headers if signed else {},
		).get_environ()
		previous = getattr(frappe.local, "request", None)
		frappe.local.request = Request(environ)
		try:
			with self.set_user("Guest"):
				return voice(**params)
		finally:
			frappe.local.request = previous

	def test_twilio_call_by_another_agent_is_answered_with_a_refusal_not_dialled_6_4_2(self):
		"""Twilio asks its guest webhook what to do; a refused call gets spoken words and a hang-up."""
		params = {
			"To": self.phone,
			"Caller": "client:uab.agent2(at)housing.test",
			"link_doctype": "HD Ticket",
			"link_docname": str(self.ticket),
		}
		with self.freeze_time(TUESDAY_11, tick=True):
			response = self.twilio_webhook(params)
		self.assertIn("<Hangup/>", response.get_data(as_text=True))
		self.assertIn("Blocked", [row.action for row in self.attempts()])

	def test_an_unsigned_webhook_learns_nothing_and_writes_nothing(self):
		"""Attack: anyone can call the guest webhook; only Twilio can sign it. A forged request is
		turned away before any protocol is read: the same answer for a protected number as for any."""
		params = {"To": self.phone, "Caller": "client:uab.agent2(at)housing.test"}
		before = len(self.attempts())
		with self.freeze_time(WEDNESDAY_11, tick=True):
			protected = self.twilio_webhook(params, signed=False)
			unknown = self.twilio_webhook({**params, "To": "01632 960999"}, signed=False)
		self.assertEqual(protected.status_code, 403)
		self.assertEqual(protected.get_data(), unknown.get_data())
		self.assertEqual(len(self.attempts()), before)

	def test_the_number_dialled_decides_who_is_called_not_a_contact_link(self):
		"""Attack: place a call to a protected customer's number, naming someone else's Contact."""
		other = make_contact("Someone Else")
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: make_a_call(self.phone, link_doctype="Contact", link_docname=other),
				rule="Phone contact is only",
			)
