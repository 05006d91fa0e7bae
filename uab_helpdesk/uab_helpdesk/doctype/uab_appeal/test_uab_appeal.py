# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff


class TestUABAppeal(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		# Each test needs a protocol of its own: one appeal per protocol is the rule under test.
		contact = make_contact("Appealing Tenant")
		self.protocol = make_protocol(contact, director=self.staff.director, activate_as=self.staff.head).name

	def appeal(self):
		with self.set_user(self.staff.manager):
			return frappe.get_doc(
				{
					"doctype": "UAB Appeal",
					"protocol": self.protocol,
					"received_via": "Letter",
					"grounds": "I was not violent.",
				}
			).insert()

	def test_one_appeal_per_protocol_6_5_5(self):
		self.appeal()
		with self.assertRaises(frappe.ValidationError) as refusal:
			self.appeal()
		self.assertIn("one appeal", str(refusal.exception))

	def test_a_director_decides_6_5_5(self):
		doc = self.appeal()
		doc.decision, doc.decision_reasons = "Upheld", "The threats were recorded by two officers."
		with self.set_user(self.staff.manager), self.assertRaises(frappe.PermissionError):
			doc.submit()
		with self.set_user(self.staff.director):
			doc.reload()
			doc.decision, doc.decision_reasons = "Upheld", "The threats were recorded by two officers."
			doc.submit()
		self.assertEqual((doc.status, doc.director), ("Decided", self.staff.director))

	def test_decision_needs_reasons_6_5_5(self):
		doc = self.appeal()
		with self.set_user(self.staff.director), self.assertRaises(frappe.MandatoryError):
			doc.reload()
			doc.decision = "Upheld"
			doc.submit()
