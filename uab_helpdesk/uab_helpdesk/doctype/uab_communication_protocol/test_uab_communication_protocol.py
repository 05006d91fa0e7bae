# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_months, getdate, today

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	make_assessment,
	make_contact,
	make_protocol,
	make_staff,
	protocol_fields,
	walk_ladder,
)
from uab_helpdesk.utils import UABValidationError


class TestUABCommunicationProtocol(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.contact = make_contact("Protocol Tenant")
		steps = walk_ladder(self.contact)
		with self.set_user(self.staff.manager):
			self.assessment = make_assessment(self.contact, steps.formal_warning)

	def draft(self, **fields):
		with self.set_user(self.staff.manager):
			return frappe.get_doc(
				protocol_fields(self.contact, assessment=self.assessment, **fields)
			).insert()

	def activate(self, doc):
		with self.set_user(self.staff.head):
			doc.reload()
			doc.submit()
		return doc

	def test_head_of_service_activates_a_protocol_6_5_4(self):
		doc = self.activate(self.draft())
		self.assertEqual((doc.status, doc.authorised_by), ("Active", self.staff.head))
		self.assertTrue(doc.name.startswith("UAB-CP-"))

	def test_review_is_due_six_months_after_start_6_5_6(self):
		doc = self.draft()
		self.assertEqual(getdate(doc.review_due_date), getdate(add_months(today(), 6)))

	def test_protocol_with_no_allowed_channel_is_refused_6_4_4(self):
		before = frappe.db.count("UAB Communication Protocol")
		with self.assertRaises(frappe.ValidationError):
			self.draft(allowed_channels=[], contact_windows=[])
		self.assertEqual(frappe.db.count("UAB Communication Protocol"), before)

	def test_window_that_ends_before_it_starts_is_refused_6_4_2(self):
		window = {"channel": "Phone", "weekday": "Tuesday", "from_time": "12:00:00", "to_time": "10:00:00"}
		with self.assertRaises(UABValidationError) as refusal:
			self.draft(contact_windows=[window])
		self.assertIn("ends at 10:00, which is not after it starts at 12:00", str(refusal.exception))

	def test_review_date_beyond_six_months_is_refused_6_5_6(self):
		with self.assertRaises(UABValidationError):
			self.draft(review_due_date=add_months(today(), 9))

	def test_second_active_protocol_for_the_same_contact_is_refused(self):
		self.activate(self.draft())
		second = self.draft()
		with self.assertRaises(frappe.ValidationError) as refusal:
			self.activate(second)
		self.assertIn("already has an Active communication protocol", str(refusal.exception))
		self.assertEqual(
			frappe.db.count("UAB Communication Protocol", {"contact": self.contact, "status": "Active"}), 1
		)

	def test_only_a_head_of_service_activates_6_5_4(self):
		doc = self.draft()
		with self.set_user(self.staff.manager), self.assertRaises(frappe.PermissionError):
			doc.submit()

	def test_the_assessor_cannot_authorise_separation_of_duties(self):
		assessor_and_head = frappe.get_doc("User", self.staff.head)
		frappe.db.set_value("UAB Assessment", self.assessment, "assessed_by", assessor_and_head.name)
		with self.assertRaises(frappe.ValidationError) as refusal:
			self.activate(self.draft())
		self.assertIn("cannot also authorise", str(refusal.exception))

	def test_activation_needs_the_letter_6_5_4(self):
		with self.assertRaises(frappe.MandatoryError):
			self.activate(self.draft(letter_sent_on=None))

	def test_assessment_that_found_no_unacceptable_behaviour_cannot_start_a_protocol_6_5_4(self):
		frappe.db.set_value("UAB Assessment", self.assessment, "outcome", "Not unacceptable")
		with self.assertRaises(frappe.ValidationError) as refusal:
			self.draft()
		self.assertIn("found the behaviour unacceptable", str(refusal.exception))

	def test_director_immediate_action_without_assessment_6_5(self):
		with self.set_user(self.staff.manager):
			doc = make_protocol(make_contact("Immediate Tenant"), director=self.staff.director)
		self.assertEqual(self.activate(doc).status, "Active")
		self.assertEqual(doc.authorising_director, self.staff.director)

	def test_ending_a_protocol_records_why(self):
		doc = self.activate(self.draft())
		with self.set_user(self.staff.head):
			doc.end_protocol("Review found behaviour improved.")
		self.assertEqual(
			frappe.db.get_value("UAB Communication Protocol", doc.name, ["status", "end_reason"]),
			("Ended", "Review found behaviour improved."),
		)

	def test_activation_closes_the_cases_the_behaviour_abuses_6_5_4(self):
		from uab_helpdesk.tests.utils import make_ticket

		complaint = make_ticket(self.contact, subject="Stage 2 complaint, raised for the ninth time")
		doc = self.activate(
			self.draft(
				cases_to_close=[
					{"ticket": complaint, "reason": "The same complaint repeated to harass staff."}
				]
			)
		)
		self.assertEqual(frappe.db.get_value("HD Ticket", complaint, "status"), "Closed")
		self.assertEqual(
			str(frappe.db.get_value("UAB Protocol Case", {"parent": doc.name}, "closed_on")), today()
		)
