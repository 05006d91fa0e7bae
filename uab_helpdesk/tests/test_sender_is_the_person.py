"""The sender is the person (issue 20, point 6): a record about someone rests on what they themselves
sent. Abusive correspondence is recorded against whoever wrote it, or refused when the writer is not a
known contact (6.3.3); the assessment counts only messages the person sent, never those they were copied
into (6.5.3); a subject access export holds nothing that identifies anyone else (UK GDPR Art. 15(4)).
Each test is the attack first.
"""

import frappe

from uab_helpdesk.api.correspondence import record_abusive_correspondence
from uab_helpdesk.subject_access import subject_access_html
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket
from uab_helpdesk.uab_helpdesk.doctype.uab_assessment.evidence import load_evidence

ABUSE = "You are a useless idiot and I hope you rot."


def receive(ticket: str, sender: str, words: str, cc: str | None = None) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"sender": sender,
				"cc": cc,
				"subject": "Re: my repair",
				"content": f"<p>{words}</p>",
				"reference_doctype": "HD Ticket",
				"reference_name": ticket,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


class TestTheSenderIsThePerson(ProtectedCustomerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.neighbour = make_contact("Copied Neighbour")

	def setUp(self):
		self.ticket = make_ticket(self.contact)

	def test_a_neighbours_abusive_reply_is_recorded_against_the_neighbour_not_the_customer_6_3_3(self):
		message = receive(self.ticket, email_of(self.neighbour), ABUSE, cc=email_of(self.contact))
		with self.set_user(self.staff.agent):
			incident = record_abusive_correspondence(communication=message)["incident"]
		self.assertEqual(frappe.db.get_value("UAB Incident", incident, "contact"), self.neighbour)

	def test_a_message_from_an_unknown_sender_is_refused_not_pinned_on_the_customer_6_3_3(self):
		message = receive(self.ticket, "stranger.unknown@elsewhere.test", ABUSE)
		with self.set_user(self.staff.agent), self.assertRaises(frappe.ValidationError) as refused:
			record_abusive_correspondence(communication=message)
		self.assertIn("not a known contact", str(refused.exception))
		self.assertFalse(frappe.db.exists("UAB Incident", {"communication": message}))

	def test_the_assessment_counts_only_messages_the_person_sent_6_5_3(self):
		today = frappe.utils.getdate()
		before = load_evidence(self.contact, today, today).contact_count
		receive(self.ticket, email_of(self.neighbour), "Copying the landlord in.", cc=email_of(self.contact))
		self.assertEqual(load_evidence(self.contact, today, today).contact_count, before, "copied in only")
		receive(self.ticket, email_of(self.contact), "My own message.")
		self.assertEqual(load_evidence(self.contact, today, today).contact_count, before + 1)

	def test_a_subject_access_export_names_no_one_else_15_4(self):
		other = "advocate.private@elsewhere.test"
		frappe.get_doc(
			{
				"doctype": "UAB Contact Attempt",
				"action": "Blocked",
				"direction": "Outgoing",
				"channel": "Email",
				"attempted_on": frappe.utils.now_datetime(),
				"protocol": self.protocol,
				"contact": self.contact,
				"ticket": self.ticket,
				"recipients": f"{email_of(self.contact)}, {other}",
				"content": "<p>Dear Ms Advocate, about your other client in flat 4.</p>",
			}
		).insert(ignore_permissions=True)
		with self.set_user(self.staff.manager):
			export = subject_access_html(self.contact)
		self.assertIn(email_of(self.contact), export, "their own address is theirs to see")
		self.assertNotIn(other, export)
		self.assertNotIn("your other client in flat 4", export)
