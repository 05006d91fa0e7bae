# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_months, today

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff


class TestUABProtocolReview(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.protocol = make_protocol(
			make_contact("Reviewed Tenant"), director=cls.staff.director, activate_as=cls.staff.head
		)

	def review(self, **fields):
		return frappe.get_doc(
			{
				"doctype": "UAB Protocol Review",
				"protocol": self.protocol.name,
				"due_date": self.protocol.review_due_date,
				"reviewer": self.staff.manager,
				**fields,
			}
		).insert()

	def test_review_is_complete_only_when_the_customer_is_notified_6_5_6(self):
		doc = self.review(decision="End", reasons="No incidents in six months.")
		with self.set_user(self.staff.manager), self.assertRaises(frappe.MandatoryError):
			doc.reload()
			doc.submit()
		doc.reload()
		doc.customer_notified_on, doc.notification_method = today(), "Letter"
		doc.submit()
		self.assertEqual(doc.docstatus, 1)

	def test_next_review_beyond_one_period_is_refused_6_5_6(self):
		with self.assertRaises(frappe.ValidationError):
			self.review(
				decision="Continue",
				reasons="Still abusive.",
				next_review_date=add_months(self.protocol.review_due_date, 7),
			)
