"""The daily review job and review decisions (policy 6.5.6)."""

import frappe
from frappe.tests.utils import change_settings
from frappe.utils import add_days, add_months, today

from uab_helpdesk.tasks import review_protocols
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff


class TestReviewJob(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.protocol = make_protocol(
			make_contact("Reviewed Tenant"), director=self.staff.director, activate_as=self.staff.head
		).name

	def due_in(self, days: int) -> None:
		frappe.db.set_value(
			"UAB Communication Protocol", self.protocol, "review_due_date", add_days(today(), days)
		)

	def reviews(self) -> list:
		return frappe.get_all(
			"UAB Protocol Review",
			{"protocol": self.protocol},
			["name", "reviewer", "escalated_on", "due_date"],
		)

	def test_review_opens_before_it_is_due_once_however_often_the_job_runs_6_5_6(self):
		self.due_in(20)
		review_protocols()
		self.assertEqual(self.reviews(), [])
		self.due_in(10)
		review_protocols()
		review_protocols()
		reviews = self.reviews()
		self.assertEqual(len(reviews), 1)
		self.assertEqual(
			reviews[0].reviewer, self.staff.head
		)  # no assessment: the authorising Head of Service
		self.assertTrue(
			frappe.db.exists("ToDo", {"reference_name": reviews[0].name, "allocated_to": self.staff.head})
		)

	def test_overdue_review_is_escalated_once_6_5_6(self):
		self.due_in(-1)
		review_protocols()
		review_protocols()
		reviews = self.reviews()
		self.assertEqual(len(reviews), 1)
		self.assertEqual(str(reviews[0].escalated_on), today())

	@change_settings("UAB Settings", {"lapse_on_overdue_review": 1})
	def test_overdue_protocol_lapses_when_configured_6_5_6(self):
		self.due_in(-1)
		review_protocols()
		status, reason = frappe.db.get_value(
			"UAB Communication Protocol", self.protocol, ["status", "end_reason"]
		)
		self.assertEqual(status, "Ended")
		self.assertIn("lapsed", reason)

	def decide(self, decision: str, **fields):
		self.due_in(5)
		review_protocols()
		review = frappe.get_doc("UAB Protocol Review", self.reviews()[0].name)
		review.update(
			{
				"decision": decision,
				"reasons": "Six months without incident.",
				**fields,
			}
		)
		with self.set_user(self.staff.head):
			review.save()
			review.submit()
		return review

	def test_continue_sets_the_next_review_6_5_6(self):
		next_date = add_months(add_days(today(), 5), 6)
		self.decide("Continue", next_review_date=next_date)
		self.assertEqual(
			str(frappe.db.get_value("UAB Communication Protocol", self.protocol, "review_due_date")),
			str(next_date),
		)

	def test_end_ends_the_protocol_6_5_6(self):
		self.decide("End")
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Ended")

	def test_vary_drafts_an_amended_protocol_6_5_6(self):
		review = self.decide("Vary")
		varied = frappe.db.get_value("UAB Protocol Review", review.name, "varied_protocol")
		self.assertEqual(
			frappe.db.get_value("UAB Communication Protocol", varied, ["status", "replaces_protocol"]),
			("Draft", self.protocol),
		)
