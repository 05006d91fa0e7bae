"""Need to know for the records around a reply (issue 20, point 8; policy 8, UK GDPR Art. 5(1)(c)).

A reply waiting for approval, a contact attempt and a letter to post each say who is restricted and hold
the words. An agent sees those of tickets assigned to them and their own, as for incidents; managers
and auditors see the register. Each test is the attack first: an agent with no part in the ticket lists,
opens and reports on them.
"""

import frappe
from frappe.desk.form.assign_to import add as assign
from frappe.desk.query_report import run as run_report

from uab_helpdesk.api.replies import send_as_letter, send_for_approval
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import make_ticket, make_user

LETTERS_ONLY = {"allowed_channels": [{"channel": "Letter"}], "contact_windows": []}


class NeedToKnowCase(ProtectedCustomerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.stranger = make_user("uab.agent3@housing.test", "Agent")

	def setUp(self):
		self.ticket = make_ticket(self.contact)

	def assertHidden(self, doctype: str, name: str, user: str) -> None:
		with self.set_user(user):
			self.assertNotIn(name, frappe.get_list(doctype, pluck="name"), f"{user} lists {doctype}")
			self.assertFalse(frappe.has_permission(doctype, "read", doc=name), f"{user} reads {doctype}")

	def assertShown(self, doctype: str, name: str, user: str) -> None:
		with self.set_user(user):
			self.assertIn(name, frappe.get_list(doctype, pluck="name"), f"{user} cannot list {doctype}")
			self.assertTrue(frappe.has_permission(doctype, "read", doc=name), f"{user} cannot read {doctype}")


class TestDraftsAndAttempts(NeedToKnowCase):
	"""E-mail or letters through the single point of contact (`staff.agent`): another agent's reply waits."""

	def test_a_reply_draft_is_seen_by_its_writer_and_officer_never_by_another_agent_8(self):
		with self.set_user(self.staff.other_agent):
			draft = send_for_approval(self.ticket, "<p>We will call on Tuesday.</p>")["draft"]
		self.assertHidden("UAB Reply Draft", draft, self.stranger)
		self.assertShown("UAB Reply Draft", draft, self.staff.other_agent)  # wrote it
		self.assertShown("UAB Reply Draft", draft, self.staff.agent)  # approves it
		self.assertShown("UAB Reply Draft", draft, self.staff.manager)  # the register

	def test_a_contact_attempt_is_seen_only_by_whoever_has_the_ticket_8(self):
		attempt = frappe.get_doc(
			{
				"doctype": "UAB Contact Attempt",
				"action": "Held",
				"direction": "Incoming",
				"channel": "Email",
				"attempted_on": frappe.utils.now_datetime(),
				"protocol": self.protocol,
				"contact": self.contact,
				"ticket": self.ticket,
				"content": "held words",
			}
		).insert(ignore_permissions=True)
		self.assertHidden("UAB Contact Attempt", attempt.name, self.stranger)
		assign({"assign_to": [self.stranger], "doctype": "HD Ticket", "name": self.ticket})
		self.assertShown("UAB Contact Attempt", attempt.name, self.stranger)


class TestLettersToPost(NeedToKnowCase):
	"""Letters only, through the officer: the letter waits in Letters to Post with the customer's address."""

	protocol_fields = LETTERS_ONLY

	def test_letters_to_post_lists_only_letters_of_the_agents_tickets_and_their_own_8(self):
		with self.set_user(self.staff.agent):
			letter = send_as_letter(self.ticket, "<p>The lift engineer comes on Friday.</p>")["communication"]

		def listed(user: str) -> list[str]:
			with self.set_user(user):
				rows = run_report("Letters to Post", filters={})["result"]
			return [row["communication"] for row in rows if isinstance(row, dict)]

		self.assertNotIn(letter, listed(self.stranger))
		self.assertIn(letter, listed(self.staff.agent))  # wrote it
		self.assertIn(letter, listed(self.staff.manager))
