# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	make_assessment,
	make_contact,
	make_incident,
	make_staff,
	make_warning,
	walk_ladder,
)
from uab_helpdesk.utils import UABValidationError


class TestUABAssessment(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.contact = make_contact("Assessed Tenant")

	def test_manager_assesses_after_formal_warning_and_later_incident_6_5_3(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager):
			name = make_assessment(self.contact, steps.formal_warning)
		doc = frappe.get_doc("UAB Assessment", name)
		self.assertEqual(doc.incident_count, 3)
		self.assertEqual(
			{row.incident for row in doc.incidents},
			{steps.first_incident, steps.second_incident, steps.third_incident},
		)

	def test_evidence_sets_aside_cases_closed_twelve_months_ago_6_5_3(self):
		steps = walk_ladder(self.contact)
		frappe.db.set_value("UAB Incident", steps.first_incident, "case_closed_on", "2020-01-01")
		with self.set_user(self.staff.manager):
			doc = frappe.get_doc(
				"UAB Assessment", make_assessment(self.contact, steps.formal_warning, submit=False)
			)
		self.assertEqual(doc.incident_count, 2)
		# The form says what it left out and why, so the manager is not left wondering.
		self.assertIn(steps.first_incident, doc.evidence_left_out)
		self.assertIn("more than 12 months before the period ends (policy 6.5.3)", doc.evidence_left_out)

	def test_assessment_without_later_incident_is_refused_6_5_3(self):
		incident = make_incident(self.contact, hours=50)
		make_warning(self.contact, "Initial", [incident], hours=40)
		second = make_incident(self.contact, hours=30)
		formal = make_warning(self.contact, "Formal", [second], hours=20)
		before = frappe.db.count("UAB Assessment")
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError):
			make_assessment(self.contact, formal)
		self.assertEqual(frappe.db.count("UAB Assessment"), before)

	def test_initial_warning_is_not_a_formal_warning_6_5_3(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError) as refusal:
			make_assessment(self.contact, steps.initial_warning)
		self.assertIn("initial warning", str(refusal.exception))

	def test_agent_cannot_assess_6_5_3(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			make_assessment(self.contact, steps.formal_warning)

	def test_unacceptable_needs_a_proportionality_statement(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.MandatoryError):
			make_assessment(self.contact, steps.formal_warning, proportionality="")

	def test_needs_and_adjustments_are_required_6_5_3(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.MandatoryError):
			make_assessment(self.contact, steps.formal_warning, reasonable_adjustments="")

	def test_period_out_of_order_is_refused(self):
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError):
			make_assessment(
				self.contact, steps.formal_warning, period_from="2026-12-01", period_to="2026-01-01"
			)
