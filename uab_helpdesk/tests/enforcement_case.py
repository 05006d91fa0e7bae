"""A protected customer for enforcement tests: letter, email or phone (Tuesday 10–12), through one officer."""

import random

import frappe

from uab_helpdesk.attempts import discard_pending
from uab_helpdesk.enforcement import ProtocolViolationError
from uab_helpdesk.protection import clear_protected_index
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_ticket

TUESDAY_11 = "2026-11-24 11:00:00"  # Europe/London, GMT in November
WEDNESDAY_11 = "2026-11-25 11:00:00"


class ProtectedCustomerTestCase(UABTestCase):
	protocol_fields: dict = {}

	@classmethod
	def setUpClass(cls):
		# Registered first, so it runs last: after the class's rollback, not before it.
		cls.addClassCleanup(clear_protected_index)
		super().setUpClass()
		cls.staff = make_staff()
		cls.phone = f"07700 9{random.randint(10000, 99999)}"
		cls.contact = make_contact("Protected Tenant", phone=cls.phone)
		cls.protocol = make_protocol(
			cls.contact,
			director=cls.staff.director,
			activate_as=cls.staff.head,
			single_point_of_contact=cls.staff.agent,
			**cls.protocol_fields_for(),
		).name
		cls.ticket = make_ticket(cls.contact)

	@classmethod
	def protocol_fields_for(cls) -> dict:
		"""The protocol's own fields; a class that needs records made first (a third party) overrides it."""
		return cls.protocol_fields

	def attempts(self, **filters) -> list:
		return frappe.get_all(
			"UAB Contact Attempt",
			filters={"contact": self.contact, **filters},
			fields=["action", "rules_breached", "content"],
		)

	def assertRefused(self, send, *, rule: str) -> str:
		"""The attempt is refused with a sentence naming ``rule``'s breach. The audit record of a refusal
		is written after the request's rollback; that is tested on its own (test_refusal_survives_rollback),
		so here the callback is dropped to keep this test's transaction its own."""
		with self.assertRaises(ProtocolViolationError) as refusal:
			send()
		self.assertTrue(discard_pending(), "a refusal must leave its audit record to be written")
		message = str(refusal.exception)
		self.assertIn(self.protocol, message)
		self.assertIn(rule, message)
		return message
