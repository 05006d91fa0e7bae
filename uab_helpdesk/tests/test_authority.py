"""Authority is bound to what was authorised, and the dates the policy fixes are the server's (issue 20,
points 4 and 5). Each test is the attack first: a manager edits a record after the Director authorised
it, an amendment inherits the authority, a review types its own dates."""

import frappe
from frappe.utils import add_months, getdate

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	make_contact,
	make_incident,
	make_protocol,
	make_staff,
	make_warning,
)

REASON = "Threat to burn the office down."


class TestAuthorityIsBoundToWhatWasAuthorised(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def authorised_warning(self):
		contact = make_contact("Authorised Tenant")
		incident = make_incident(contact)
		with self.set_user(self.staff.manager):
			name = make_warning(contact, "Formal", [incident], submit=False, director=self.staff.director)
		doc = frappe.get_doc("UAB Warning", name)
		self.assertTrue(doc.immediate_action, "the Director authorised immediate action")
		return doc

	def assertVoided(self, doctype: str, name: str) -> None:
		values = frappe.db.get_value(
			doctype, name, ["immediate_action", "authorising_director", "immediate_action_authorised_on"]
		)
		self.assertEqual(tuple(values), (0, None, None), "the Director's authorisation must be voided")
		comments = frappe.get_all(
			"Comment", {"reference_doctype": doctype, "reference_name": name}, pluck="content"
		)
		self.assertTrue(any("voided" in (text or "") for text in comments), "the timeline says so")

	def test_a_warning_moved_to_another_customer_loses_the_directors_authority_6_5(self):
		warning = self.authorised_warning()
		other = make_contact("Someone Else Entirely")
		other_incident = make_incident(other)
		with self.set_user(self.staff.manager):
			warning.contact = other
			warning.set("incidents", [{"incident": other_incident}])
			warning.save()
		self.assertVoided("UAB Warning", warning.name)
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError):
			frappe.get_doc("UAB Warning", warning.name).submit()  # the ladder applies again (6.5.2)

	def test_a_protocols_rules_changed_after_authorisation_void_it_6_5(self):
		protocol = make_protocol(make_contact("Authorised Protocol Tenant"), director=self.staff.director)
		self.assertTrue(protocol.immediate_action)
		with self.set_user(self.staff.manager):
			protocol.reload()
			protocol.set("allowed_channels", [{"channel": "Letter"}])
			protocol.set("contact_windows", [])
			protocol.reason_for_customer = "Something the Director never read."
			protocol.save()
		self.assertVoided("UAB Communication Protocol", protocol.name)

	def test_saving_an_authorised_draft_unchanged_keeps_the_authority_6_5(self):
		warning = self.authorised_warning()
		with self.set_user(self.staff.manager):
			warning.reload()
			warning.save()
		self.assertEqual(
			frappe.db.get_value("UAB Warning", warning.name, "authorising_director"), self.staff.director
		)

	def test_an_amendment_carries_no_authority_the_director_authorises_again_6_5(self):
		warning = self.authorised_warning()
		with self.set_user(self.staff.manager):
			warning.reload()
			warning.submit()
			warning.cancel()
			amended = frappe.copy_doc(warning)  # Frappe's Amend, as the form does it
			amended.update({"amended_from": warning.name, "docstatus": 0})
			amended.insert()
		self.assertEqual(
			(amended.immediate_action, amended.authorising_director), (0, None), "amended with no authority"
		)


class TestReviewDatesAreComputed(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.protocol = make_protocol(
			make_contact("Review Dates Tenant"), director=cls.staff.director, activate_as=cls.staff.head
		)

	def test_a_review_cannot_push_the_next_review_years_away_6_5_6(self):
		"""Attack: due 2099-01-01, next 2099-06-01 — the protocol would go unreviewed for 73 years."""
		with self.set_user(self.staff.manager):
			review = frappe.get_doc(
				{
					"doctype": "UAB Protocol Review",
					"protocol": self.protocol.name,
					"due_date": "2099-01-01",
					"reviewer": self.staff.manager,
				}
			).insert()
			self.assertEqual(getdate(review.due_date), getdate(self.protocol.review_due_date))
			review.update(
				{"decision": "Continue", "reasons": "Quiet period.", "next_review_date": "2099-06-01"}
			)
			with self.assertRaises(frappe.ValidationError):
				review.save()
		self.assertEqual(
			getdate(frappe.db.get_value("UAB Communication Protocol", self.protocol.name, "review_due_date")),
			getdate(self.protocol.review_due_date),
		)

	def test_a_continued_protocol_is_reviewed_again_within_six_months_by_default_6_5_6(self):
		with self.set_user(self.staff.manager):
			review = frappe.get_doc(
				{
					"doctype": "UAB Protocol Review",
					"protocol": self.protocol.name,
					"decision": "Continue",
					"reasons": "Still needed.",
				}
			).insert()
		self.assertEqual(
			getdate(review.next_review_date), getdate(add_months(self.protocol.review_due_date, 6))
		)

	def test_the_review_period_setting_cannot_exceed_the_policys_six_months_6_5_6(self):
		self.isolate()
		settings = frappe.get_single("UAB Settings")
		settings.review_period_months = 12
		with self.assertRaises(frappe.ValidationError):
			settings.save()
