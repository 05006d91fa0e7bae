# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.api.letters import send_letter
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_user
from uab_helpdesk.utils import UABValidationError


class TestUABAppeal(UABTestCase):
	"""Policy 6.5.5: one appeal, heard by a Director who took no part, decided with reasons."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		make_user("uab.director3@housing.test", "Agent", "UAB Director")  # at least two uninvolved Directors
		# A user left disabled by an earlier interrupted run must not change who hears appeals.
		frappe.db.set_value(
			"User", {"name": ("in", [*cls.staff.values(), "uab.director3@housing.test"])}, "enabled", 1
		)

	def setUp(self):
		# Each test needs a protocol of its own: one appeal per protocol is one of the rules under test.
		# staff.director signed off the immediate action, so another Director must hear the appeal.
		self.protocol = make_protocol(
			make_contact("Appealing Tenant"), director=self.staff.director, activate_as=self.staff.head
		).name

	def appeal(self, **fields):
		with self.set_user(self.staff.manager):
			return frappe.get_doc(
				{
					"doctype": "UAB Appeal",
					"protocol": self.protocol,
					"received_via": "Letter",
					"grounds": "I was not violent.",
					**fields,
				}
			).insert()

	def decide(self, appeal, decision, user=None, reasons="The threats were recorded by two officers."):
		with self.set_user(user or frappe.db.get_value("UAB Appeal", appeal.name, "director")):
			doc = frappe.get_doc("UAB Appeal", appeal.name)
			doc.decision, doc.decision_reasons = decision, reasons
			doc.submit()
		return doc

	def test_appeal_goes_to_an_uninvolved_director_with_a_todo_6_5_5(self):
		appeal = self.appeal().reload()
		self.assertEqual(appeal.status, "With Director")
		self.assertIn("UAB Director", frappe.get_roles(appeal.director))
		self.assertNotEqual(appeal.director, self.staff.director)  # they signed off the immediate action
		todo = {
			"reference_type": "UAB Appeal",
			"reference_name": appeal.name,
			"allocated_to": appeal.director,
			"status": "Open",
		}
		self.assertTrue(frappe.db.exists("ToDo", todo))

	def test_appeals_are_shared_round_robin_6_5_5(self):
		first = self.appeal()
		self.protocol = make_protocol(
			make_contact("Second Appellant"), director=self.staff.director, activate_as=self.staff.head
		).name
		second = self.appeal()
		self.assertNotEqual(first.reload().director, second.reload().director)
		self.assertNotIn(self.staff.director, (first.director, second.director))

	def test_without_an_uninvolved_director_the_appeal_waits_and_is_kept_6_5_5(self):
		uninvolved = [
			d
			for d in frappe.get_all(
				"Has Role", {"role": "UAB Director", "parenttype": "User"}, pluck="parent"
			)
			if d != self.staff.director
		]
		frappe.db.set_value("User", {"name": ("in", uninvolved)}, "enabled", 0)
		appeal = self.appeal().reload()
		self.assertEqual((appeal.status, appeal.director), ("Received", None))

	def test_one_appeal_per_protocol_6_5_5(self):
		self.appeal()
		with self.assertRaises(frappe.ValidationError) as refusal:
			self.appeal()
		self.assertIn("one appeal", str(refusal.exception))

	def test_only_the_assigned_director_decides_6_5_5(self):
		appeal = self.appeal()
		with self.assertRaises(frappe.PermissionError):  # a manager has no right to decide at all
			self.decide(appeal, "Upheld", user=self.staff.manager)
		with self.assertRaises(UABValidationError):  # a Director, but the one who signed off the protocol
			self.decide(appeal, "Upheld", user=self.staff.director)
		self.assertEqual(self.decide(appeal, "Upheld").status, "Decided")
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Active")

	def test_decision_needs_reasons_6_5_5(self):
		with self.assertRaises(frappe.MandatoryError):
			self.decide(self.appeal(), "Upheld", reasons="")

	def test_overturned_ends_the_protocol_6_5_5(self):
		self.decide(self.appeal(), "Overturned", reasons="Disproportionate given the tenant's disability.")
		status, reason = frappe.db.get_value(
			"UAB Communication Protocol", self.protocol, ["status", "end_reason"]
		)
		self.assertEqual(status, "Ended")
		self.assertIn("Disproportionate", reason)

	def test_varied_drafts_the_amended_protocol_which_replaces_it_when_activated_6_5_5(self):
		appeal = self.decide(self.appeal(), "Varied", reasons="Allow phone calls on Thursdays too.")
		variation = frappe.get_doc(
			"UAB Communication Protocol", frappe.db.get_value("UAB Appeal", appeal.name, "varied_protocol")
		)
		self.assertEqual((variation.status, variation.replaces_protocol), ("Draft", self.protocol))
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Active")
		with self.set_user(self.staff.head):
			variation.submit()  # authorised: the original still applies until the customer is told
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Active")
		with self.set_user(self.staff.head):  # the letter is sent: the variation replaces it
			send_letter(variation.doctype, variation.name, "Letter")
		variation.reload()
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Ended")
		self.assertEqual(variation.status, "Active")

	def test_only_a_director_decides_even_when_named_on_the_appeal_6_5_5(self):
		"""Attack: a System Manager (who may submit anything) is written in as the appeal's Director."""
		admin = make_user("uab.sysadmin@housing.test", "System Manager")
		appeal = self.appeal()
		appeal.db_set("director", admin)
		with self.assertRaises(UABValidationError) as refusal:
			self.decide(appeal, "Overturned", user=admin)
		self.assertIn("Only a Director decides an appeal", str(refusal.exception))
		self.assertEqual(frappe.db.get_value("UAB Appeal", appeal.name, "docstatus"), 0)
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", self.protocol, "status"), "Active")

	def test_the_outcome_letter_follows_the_decision_and_is_signed_by_the_director_6_5_5(self):
		from uab_helpdesk.letters import uab_letter

		appeal = self.appeal().reload()
		with self.set_user(appeal.director), self.assertRaises(frappe.ValidationError):
			send_letter("UAB Appeal", appeal.name, "Letter")  # not decided yet
		self.decide(appeal, "Upheld")
		for user in (self.staff.agent, self.staff.auditor):
			with self.set_user(user), self.assertRaises(frappe.PermissionError):
				send_letter("UAB Appeal", appeal.name, "Letter")
		self.assertIsNone(frappe.db.get_value("UAB Appeal", appeal.name, "outcome_letter_sent_on"))
		with self.set_user(self.staff.manager):  # staff post it; the Director signs it
			send_letter("UAB Appeal", appeal.name, "Letter")
		doc = frappe.get_doc("UAB Appeal", appeal.name)
		self.assertEqual(str(doc.outcome_letter_sent_on), frappe.utils.today())
		self.assertEqual(uab_letter(doc).signed_by, frappe.utils.get_fullname(appeal.director))
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError):
			send_letter("UAB Appeal", appeal.name, "Letter")  # once

	def test_complaints_route_opens_a_ticket_6_5_5(self):
		appeal = self.appeal(complaints_route_requested=1).reload()
		self.assertTrue(appeal.complaint_ticket)
		self.assertIn(self.protocol, frappe.db.get_value("HD Ticket", appeal.complaint_ticket, "subject"))

	def test_immediate_action_is_visible_on_the_appeal_6_5(self):
		appeal = self.appeal().reload()
		self.assertEqual((appeal.immediate_action, appeal.authorising_director), (1, self.staff.director))

	def test_a_manager_emails_the_outcome_letter_signed_by_the_director_6_5_5(self):
		"""The access table lets a manager send the appeal's letter; by email too, not only by post."""
		from uab_helpdesk.api.letters import send_letter
		from uab_helpdesk.tests.utils import make_outgoing_email_account

		make_outgoing_email_account()
		appeal = self.decide(self.appeal(), "Upheld")
		with self.set_user(self.staff.manager):
			sent = send_letter("UAB Appeal", appeal.name, "Email")
		self.assertTrue(frappe.db.exists("Communication", sent["communication"]))
