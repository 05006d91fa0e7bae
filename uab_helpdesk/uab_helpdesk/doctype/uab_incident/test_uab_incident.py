# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import hours_ago, make_contact, make_incident, make_staff
from uab_helpdesk.utils import UABValidationError


class TestUABIncident(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.contact = make_contact("Incident Tenant")

	def test_factual_incident_is_recorded_6_3_5(self):
		name = make_incident(self.contact)
		self.assertEqual(frappe.db.get_value("UAB Incident", name, "docstatus"), 1)
		self.assertTrue(name.startswith("UAB-INC-"))

	def test_violence_threatened_without_police_report_is_refused_6_3_1(self):
		"""A draft may say so while the report is made; it is submitted, and counts, only with the report."""
		before = frappe.db.count("UAB Incident", {"docstatus": 1})
		with self.assertRaises(UABValidationError) as refusal:
			make_incident(self.contact, physical_violence="Threatened")
		self.assertIn("reported to the police", str(refusal.exception))
		self.assertEqual(frappe.db.count("UAB Incident", {"docstatus": 1}), before)

	def test_violence_used_with_police_reference_is_recorded_6_3_1(self):
		name = make_incident(
			self.contact, physical_violence="Used", police_reported=1, police_reference="CAD-4471"
		)
		self.assertEqual(frappe.db.get_value("UAB Incident", name, "police_reference"), "CAD-4471")

	def test_incident_in_the_future_is_refused_6_3_5(self):
		with self.assertRaises(UABValidationError):
			make_incident(self.contact, hours=-5)

	def test_call_ended_by_staff_only_for_phone_6_3_4(self):
		with self.assertRaises(UABValidationError):
			make_incident(self.contact, channel="Email", call_ended_by_staff=1)

	def test_agent_records_an_incident_and_a_customer_cannot(self):
		with self.set_user(self.staff.agent):
			self.assertTrue(make_incident(self.contact))
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			make_incident(self.contact)

	def test_contact_is_taken_from_the_ticket(self):
		ticket = frappe.get_doc(
			{
				"doctype": "HD Ticket",
				"subject": "Noise",
				"raised_by": "noise.tenant@tenant.test",
				"contact": self.contact,
			}
		).insert(ignore_permissions=True)
		doc = frappe.get_doc(
			{
				"doctype": "UAB Incident",
				"ticket": ticket.name,
				"occurred_on": hours_ago(1),
				"channel": "Email",
				"behaviour_type": "Unreasonable persistence",
				"description": "Forty emails in one day demanding the same repair.",
			}
		).insert()
		self.assertEqual(doc.contact, self.contact)
