# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, add_months, getdate, today

from uab_helpdesk.api.letters import send_letter
from uab_helpdesk.protection import protocol_of_contact
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	activate,
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
		return activate(doc, self.staff.head)

	def authorise(self, doc):
		with self.set_user(self.staff.head):
			doc.reload()
			doc.submit()
		return doc

	def test_head_of_service_authorises_then_the_letter_makes_it_active_6_5_4(self):
		doc = self.authorise(self.draft())
		self.assertEqual((doc.status, doc.authorised_by), ("Authorised", self.staff.head))
		self.assertIsNone(protocol_of_contact(self.contact), "not in force before the customer is told")
		with self.set_user(self.staff.head):
			send_letter(doc.doctype, doc.name, "Letter")
		doc.reload()
		self.assertEqual(
			(doc.status, str(doc.letter_sent_on), doc.letter_method), ("Active", today(), "Letter")
		)
		self.assertEqual(protocol_of_contact(self.contact), doc.name)
		self.assertTrue(doc.name.startswith("UAB-CP-"))

	def test_the_letter_cannot_go_before_a_head_of_service_authorised_it_6_5_4(self):
		"""Attack: send (and so date) the protocol letter while it is still a Draft."""
		doc = self.draft()
		with self.set_user(self.staff.head), self.assertRaises(frappe.ValidationError) as refusal:
			send_letter(doc.doctype, doc.name, "Letter")
		self.assertIn("authorises the protocol before its letter goes", str(refusal.exception))
		doc.reload()
		self.assertEqual((doc.status, doc.letter_sent_on), ("Draft", None))

	def test_letter_dates_typed_into_a_draft_are_ignored_6_5_4(self):
		"""Attack: a client writes letter_sent_on and authorised_by into the draft."""
		doc = self.draft(letter_sent_on=today(), letter_method="Letter", authorised_by=self.staff.head)
		self.assertEqual((doc.letter_sent_on, doc.letter_method, doc.authorised_by), (None, None, None))

	def test_a_later_start_date_waits_for_the_daily_job_6_5_4(self):
		from uab_helpdesk.tasks import activate_protocols_due

		doc = self.activate(self.draft(start_date=add_days(today(), 3)))
		self.assertEqual(doc.status, "Authorised")
		self.assertEqual(str(doc.start_date), add_days(today(), 3))
		activate_protocols_due()
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "status"), "Authorised")
		frappe.db.set_value(doc.doctype, doc.name, "start_date", today())
		activate_protocols_due()
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "status"), "Active")

	def test_the_letter_is_signed_by_the_head_of_service_who_authorised_it_6_5_4(self):
		from uab_helpdesk.letters import uab_letter

		doc = self.authorise(self.draft())
		with self.set_user(self.staff.manager):  # a manager posts it
			send_letter(doc.doctype, doc.name, "Letter")
			letter = uab_letter(frappe.get_doc(doc.doctype, doc.name))
		self.assertEqual(letter.signed_by, frappe.utils.get_fullname(self.staff.head))
		self.assertEqual(letter.body["reasons"], doc.reason_for_customer)
		self.assertNotIn("Repeated abuse of two officers", str(letter.body))  # the assessment's own text

	def test_agents_and_auditors_cannot_record_a_protocol_letter(self):
		"""Attack: someone who can only read a protocol overwrites its letter date."""
		doc = self.authorise(self.draft())
		for user in (self.staff.agent, self.staff.auditor):
			with self.set_user(user), self.assertRaises(frappe.PermissionError):
				send_letter(doc.doctype, doc.name, "Letter")
		self.assertEqual(
			frappe.db.get_value(doc.doctype, doc.name, ["status", "letter_sent_on"]), ("Authorised", None)
		)

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
		self.assertIn("already has a communication protocol in force", str(refusal.exception))
		self.assertEqual(
			frappe.db.count("UAB Communication Protocol", {"contact": self.contact, "status": "Active"}), 1
		)

	def test_only_a_head_of_service_activates_6_5_4(self):
		doc = self.draft()
		with self.set_user(self.staff.manager), self.assertRaises(frappe.PermissionError):
			doc.submit()

	def test_the_assessor_cannot_authorise_separation_of_duties(self):
		"""The assessor is whoever submitted the assessment: a manager who is also a Head of Service."""
		from uab_helpdesk.tests.utils import make_user

		both = make_user("uab.manager.head@housing.test", "Agent", "UAB Manager", "UAB Head of Service")
		contact = make_contact("Separation Tenant")
		steps = walk_ladder(contact)
		with self.set_user(both):
			assessment = make_assessment(contact, steps.formal_warning, assessed_by=self.staff.manager)
		self.assertEqual(frappe.db.get_value("UAB Assessment", assessment, "assessed_by"), both)
		with self.set_user(self.staff.manager):
			doc = frappe.get_doc(protocol_fields(contact, assessment=assessment)).insert()
		with self.set_user(both), self.assertRaises(frappe.ValidationError) as refusal:
			doc.submit()
		self.assertIn("cannot also authorise", str(refusal.exception))

	def test_authorisation_needs_the_reason_given_to_the_customer_6_5_4(self):
		with self.assertRaises(frappe.MandatoryError):
			self.authorise(self.draft(reason_for_customer=""))

	def test_a_submitted_protocol_cannot_be_edited_back_to_active(self):
		"""Attack: an Ended protocol (overturned on appeal) is set back to Active with set_value."""
		doc = self.activate(self.draft())
		with self.set_user(self.staff.head):
			doc.end_protocol("Appeal overturned.")
			for field, value in (("status", "Active"), ("ended_on", None), ("end_reason", "")):
				with self.assertRaises(frappe.ValidationError):
					frappe.client.set_value(doc.doctype, doc.name, field, value)
		self.assertEqual(
			frappe.db.get_value(doc.doctype, doc.name, ["status", "end_reason"]),
			("Ended", "Appeal overturned."),
		)
		self.assertIsNone(protocol_of_contact(self.contact))

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
		self.assertTrue(doc.immediate_action_authorised_on)

	def test_a_head_of_service_cannot_sign_for_a_director_6_5(self):
		"""Attack: the Head of Service names a Director as having authorised immediate action."""
		contact = make_contact("Signed For Tenant")
		signed_for = {"immediate_action": 1, "authorising_director": self.staff.director}
		with self.set_user(self.staff.head):
			doc = frappe.get_doc(
				protocol_fields(contact, immediate_action_reason="Threats.", **signed_for)
			).insert()
			self.assertEqual((doc.immediate_action, doc.authorising_director), (0, None))
			doc.update(signed_for)
			doc.save()
			self.assertEqual((doc.immediate_action, doc.authorising_director), (0, None))
			with self.assertRaises(frappe.PermissionError):
				doc.authorise_immediate_action("Threats.")
			with self.assertRaises(frappe.MandatoryError):  # no assessment, and no Director acted
				doc.submit()
		self.assertEqual(
			frappe.db.get_value(doc.doctype, doc.name, ["docstatus", "immediate_action"]), (0, 0)
		)

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
