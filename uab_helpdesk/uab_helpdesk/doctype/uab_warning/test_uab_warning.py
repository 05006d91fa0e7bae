# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_staff, make_warning
from uab_helpdesk.utils import UABValidationError


class TestUABWarning(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.contact = make_contact("Warned Tenant")
		self.incident = make_incident(self.contact, hours=48)

	def test_agent_gives_an_initial_warning_6_5_1(self):
		with self.set_user(self.staff.agent):
			name = make_warning(self.contact, "Initial", [self.incident], method="Phone")
		self.assertEqual(frappe.db.get_value("UAB Warning", name, "docstatus"), 1)

	def test_initial_warning_needs_an_incident_of_the_same_contact_6_5_1(self):
		someone_else = make_incident(make_contact("Other Tenant"))
		with self.assertRaises(frappe.ValidationError) as refusal:
			make_warning(self.contact, "Initial", [someone_else])
		self.assertIn("different contact", str(refusal.exception))

	def test_formal_warning_without_initial_warning_is_refused_6_5_2(self):
		before = frappe.db.count("UAB Warning")
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError) as refusal:
			make_warning(self.contact, "Formal", [self.incident])
		self.assertIn("earlier initial warning", str(refusal.exception))
		self.assertEqual(frappe.db.count("UAB Warning"), before)

	def test_formal_warning_needs_behaviour_after_the_initial_warning_6_5_2(self):
		make_warning(self.contact, "Initial", [self.incident], hours=24)
		with self.set_user(self.staff.manager):
			with self.assertRaises(UABValidationError):
				make_warning(self.contact, "Formal", [self.incident], hours=1)
			later = make_incident(self.contact, hours=12)
			self.assertTrue(make_warning(self.contact, "Formal", [later], hours=1))

	def test_formal_warning_is_written_6_5_2(self):
		make_warning(self.contact, "Initial", [self.incident], hours=24)
		later = make_incident(self.contact, hours=12)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError) as refusal:
			make_warning(self.contact, "Formal", [later], method="Phone")
		self.assertIn("in writing", str(refusal.exception))

	def test_agent_cannot_give_a_formal_warning_spec_3(self):
		make_warning(self.contact, "Initial", [self.incident], hours=24)
		later = make_incident(self.contact, hours=12)
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			make_warning(self.contact, "Formal", [later])

	def test_director_immediate_action_skips_the_initial_warning_6_5(self):
		with self.set_user(self.staff.manager):
			name = make_warning(self.contact, "Formal", [self.incident], director=self.staff.director)
		self.assertEqual(
			frappe.db.get_value("UAB Warning", name, ["authorising_director", "issued_by"]),
			(self.staff.director, self.staff.manager),
		)

	def test_immediate_action_is_authorised_only_by_a_director_themselves_6_5(self):
		"""Attack: a manager types a Director (or themselves) into the authorisation and submits."""
		with self.set_user(self.staff.manager):
			for director in (self.staff.director, self.staff.manager):
				with self.assertRaises(frappe.ValidationError):  # the ladder applies: no immediate action
					make_warning(
						self.contact,
						"Formal",
						[self.incident],
						immediate_action=1,
						authorising_director=director,
						immediate_action_reason="Serious threat.",
					)
			draft = make_warning(
				self.contact, "Formal", [self.incident], submit=False, immediate_action_reason="Threats."
			)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc("UAB Warning", draft).authorise_immediate_action("Serious threat.")
		self.assertFalse(frappe.db.get_value("UAB Warning", draft, "immediate_action"))

	def test_the_issuer_is_whoever_issues_it_and_signs_its_letter_6_5_1(self):
		"""Attack: a warning issued in another officer's name."""
		from uab_helpdesk.letters import uab_letter

		with self.set_user(self.staff.agent):
			name = make_warning(self.contact, "Initial", [self.incident], issued_by=self.staff.manager)
		doc = frappe.get_doc("UAB Warning", name)
		self.assertEqual(doc.issued_by, self.staff.agent)
		letter = uab_letter(doc)
		self.assertEqual(letter.signed_by, frappe.utils.get_fullname(self.staff.agent))
		self.assertEqual(letter.body["reason"], doc.reason_for_customer)
		self.assertNotIn("description", letter.body["incidents"][0])

	def test_a_warning_needs_the_reason_given_to_the_customer_6_5_1(self):
		with self.set_user(self.staff.agent), self.assertRaises(frappe.MandatoryError):
			make_warning(self.contact, "Initial", [self.incident], reason_for_customer=" ")

	def test_a_warning_given_minutes_after_the_incident_the_same_day_is_allowed_6_3_4_6_5_1(self):
		"""The officer records the incident at 10:00 and warns the caller there and then, at 10:05."""
		contact = make_contact("Same Day Tenant")
		incident = make_incident(contact, hours=5 / 60)
		with self.set_user(self.staff.agent):
			warning = make_warning(contact, "Initial", [incident], hours=0)
		self.assertEqual(frappe.db.get_value("UAB Warning", warning, "docstatus"), 1)

	def test_an_initial_warning_from_a_case_closed_years_ago_does_not_open_a_formal_warning_6_5_3(self):
		"""The 12-month rule: the old case closed over a lookback ago, so only new behaviour counts."""
		from frappe.utils import add_months, today

		contact = make_contact("Old Case Tenant")
		old = make_incident(contact, hours=3 * 365 * 24)
		make_warning(contact, "Initial", [old], hours=3 * 365 * 24 - 1)
		frappe.db.set_value("UAB Incident", old, "case_closed_on", add_months(today(), -24))
		new = make_incident(contact, hours=1)
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError) as refusal:
			make_warning(contact, "Formal", [new])
		self.assertIn("earlier initial warning", str(refusal.exception))
		self.assertIn("earlier records are left out", str(refusal.exception))
		with self.set_user(self.staff.agent):  # a new initial warning is the way, on the new behaviour
			make_warning(contact, "Initial", [new], hours=0)

	def test_a_case_closes_with_its_protocol_and_when_quiet_for_a_lookback_6_5_3(self):
		from frappe.utils import add_months, getdate, today

		from uab_helpdesk.tasks import close_quiet_cases
		from uab_helpdesk.tests.utils import make_protocol

		protected = make_contact("Closing Tenant")
		incident = make_incident(protected, hours=24)
		protocol = make_protocol(protected, director=self.staff.director, activate_as=self.staff.head)
		with self.set_user(self.staff.head):
			protocol.end_protocol("Review: behaviour improved.")
		self.assertEqual(str(frappe.db.get_value("UAB Incident", incident, "case_closed_on")), today())

		quiet = make_contact("Quiet Tenant")
		long_ago = make_incident(quiet, hours=400 * 24)
		recent = make_contact("Recent Tenant")
		lately = make_incident(recent, hours=30 * 24)
		close_quiet_cases()
		closed = frappe.db.get_value(
			"UAB Incident", long_ago, ["case_closed_on", "occurred_on"], as_dict=True
		)
		self.assertEqual(getdate(closed.case_closed_on), getdate(add_months(closed.occurred_on, 12)))
		self.assertIsNone(frappe.db.get_value("UAB Incident", lately, "case_closed_on"))
