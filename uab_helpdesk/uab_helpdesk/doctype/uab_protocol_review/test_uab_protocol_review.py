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

	def test_the_review_is_decided_first_then_the_customer_is_told_by_its_reviewer_6_5_6(self):
		"""Attack first: the letter before the decision, and a typed notification date."""
		from uab_helpdesk.api.letters import send_letter
		from uab_helpdesk.letters import uab_letter

		doc = self.review(
			decision="Continue",
			reasons="One incident.",
			customer_notified_on=today(),
			next_review_date=add_months(self.protocol.review_due_date, 6),
		)
		self.assertIsNone(doc.customer_notified_on)  # typed into a draft: ignored
		with self.set_user(self.staff.other_manager):
			with self.assertRaises(frappe.ValidationError):
				send_letter(doc.doctype, doc.name, "Letter")  # not decided yet
			doc.reload()
			doc.submit()
		doc.reload()
		self.assertEqual(doc.reviewer, self.staff.other_manager)  # whoever completed it, not the assignee
		for user in (self.staff.agent, self.staff.auditor, self.staff.director):
			with self.set_user(user), self.assertRaises(frappe.PermissionError):
				send_letter(doc.doctype, doc.name, "Letter")
		with self.set_user(self.staff.head):
			send_letter(doc.doctype, doc.name, "Letter")
		doc.reload()
		self.assertEqual((str(doc.customer_notified_on), doc.notification_method), (today(), "Letter"))
		self.assertEqual(uab_letter(doc).signed_by, frappe.utils.get_fullname(self.staff.other_manager))

	def test_a_completed_review_cannot_be_rewritten_6_5_6(self):
		"""Attack: change the decision of a review the customer has already been told about."""
		doc = self.review(decision="End", reasons="No incidents in six months.")
		with self.set_user(self.staff.manager):
			doc.reload()
			doc.submit()
			with self.assertRaises(frappe.ValidationError):
				frappe.client.set_value(doc.doctype, doc.name, "reasons", "Something else.")
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "reasons"), "No incidents in six months.")

	def test_next_review_beyond_one_period_is_refused_6_5_6(self):
		with self.assertRaises(frappe.ValidationError):
			self.review(
				decision="Continue",
				reasons="Still abusive.",
				next_review_date=add_months(self.protocol.review_due_date, 7),
			)

	def test_the_review_counts_the_evidence_of_its_period_like_an_assessment_6_5_6(self):
		"""Computed when the review opens and again on save, never typed."""
		from uab_helpdesk.tests.utils import make_incident

		contact = self.protocol.contact
		make_incident(contact, hours=0.02)  # a minute ago: inside today's period at any hour
		doc = self.review(incident_count=99, contact_count=99)
		# From the protocol's start, or where a review completed earlier in this class left off (today).
		self.assertIn(str(doc.period_from), (str(self.protocol.start_date), today()))
		self.assertEqual(str(doc.period_to), today())
		self.assertEqual(doc.incident_count, 1)
		make_incident(contact, hours=0.01)
		doc.save()
		self.assertEqual(doc.incident_count, 2)
