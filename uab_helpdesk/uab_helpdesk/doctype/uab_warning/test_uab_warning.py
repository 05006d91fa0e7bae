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
		name = make_warning(
			self.contact,
			"Formal",
			[self.incident],
			immediate_action=1,
			authorising_director=self.staff.director,
			immediate_action_reason="Threat to burn the office down.",
		)
		self.assertEqual(
			frappe.db.get_value("UAB Warning", name, "authorising_director"), self.staff.director
		)

	def test_immediate_action_needs_a_director_6_5(self):
		with self.assertRaises(frappe.ValidationError) as refusal:
			make_warning(
				self.contact,
				"Formal",
				[self.incident],
				immediate_action=1,
				authorising_director=self.staff.manager,
				immediate_action_reason="Serious threat.",
			)
		self.assertIn("UAB Director", str(refusal.exception))
