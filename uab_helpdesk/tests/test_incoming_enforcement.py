"""Incoming contact from a customer under an Active protocol: never refused, never lost (SPEC §5)."""

import inspect

import frappe
from frappe.tests.utils import change_settings

from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of, make_ticket
from uab_helpdesk.ticket_state import ticket_state


def receive_email(contact_email: str, subject: str, ticket: str | None = None):
	"""What email intake does (INTEGRATION §2 H): a new thread inserts the ticket, then the
	Communication with `flags.in_receive`; a reply inserts only the Communication."""
	if ticket is None:
		doc = frappe.new_doc("HD Ticket")
		doc.subject, doc.raised_by = subject, contact_email
		doc.flags.ignore_mandatory = True
		doc.insert(ignore_permissions=True)
		ticket = doc.name
	communication = frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Email",
			"sent_or_received": "Received",
			"sender": contact_email,
			"subject": subject,
			"content": f"<p>{subject}</p>",
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
		}
	)
	communication.flags.in_receive = True
	communication.insert(ignore_permissions=True)
	return ticket


class TestIncomingWithinLimit(ProtectedCustomerTestCase):
	protocol_fields = {"issue_limit": 3, "issue_limit_period": "Month"}

	def test_email_from_protected_customer_is_linked_and_routed_to_the_officer_6_4_2(self):
		ticket = frappe.get_doc("HD Ticket", receive_email(email_of(self.contact), "Kitchen cupboard door"))
		self.assertEqual(
			(ticket.contact, ticket_state(ticket.name).protocol, ticket_state(ticket.name).held),
			(self.contact, self.protocol, 0),
		)
		self.assertIn(self.staff.agent, ticket._assign or "")

	def test_over_the_issue_limit_is_held_for_screening_not_refused_6_4_3(self):
		for subject in ("Second issue", "Third issue"):
			receive_email(email_of(self.contact), subject)
		held = frappe.get_doc("HD Ticket", receive_email(email_of(self.contact), "Fourth issue this month"))
		self.assertTrue(ticket_state(held.name).held)
		self.assertEqual(ticket_state(held.name).screening, "Awaiting screening")
		# The count depends on the tickets other tests of this class opened this month.
		self.assertRegex(
			ticket_state(held.name).hold_reason,
			r"the limit of new issues for this month is reached \(\d+ raised, limit 3,",
		)
		self.assertTrue(
			frappe.db.exists("Communication", {"reference_name": held.name, "sent_or_received": "Received"})
		)
		self.assertIn("Held", [row.action for row in self.attempts()])

	def test_health_and_safety_is_never_held_6_4_4(self):
		for subject in ("One", "Two", "Three"):
			make_ticket(self.contact, subject=subject)
		doc = frappe.new_doc("HD Ticket")
		doc.update(
			{"subject": "Gas smell", "raised_by": email_of(self.contact), "ticket_type": "Health and safety"}
		)
		doc.insert(ignore_permissions=True)
		self.assertFalse(ticket_state(doc.name).held)

	def test_reply_on_an_existing_ticket_is_kept_whatever_happens(self):
		before = frappe.db.count("Communication", {"reference_name": self.ticket})
		receive_email(email_of(self.contact), "Any news?", ticket=self.ticket)
		self.assertEqual(frappe.db.count("Communication", {"reference_name": self.ticket}), before + 1)


class TestIncomingOnDisallowedChannel(ProtectedCustomerTestCase):
	protocol_fields = {"allowed_channels": [{"channel": "Letter"}], "contact_windows": []}

	def test_email_when_only_letters_are_allowed_is_accepted_and_flagged_6_4_2(self):
		ticket = receive_email(email_of(self.contact), "Emailing anyway")
		self.assertTrue(frappe.db.exists("HD Ticket", ticket))
		self.assertIn("Flagged", [row.action for row in self.attempts()])


class TestAutomaticMail(ProtectedCustomerTestCase):
	def test_automatic_mail_is_withheld_and_logged_never_failing_the_request(self):
		frappe.sendmail(
			recipients=[email_of(self.contact), "colleague@housing.test"],
			subject="We received your request",
			message="Automatic acknowledgement",
			reference_doctype="HD Ticket",
			reference_name=self.ticket,
		)
		queued = frappe.get_last_doc("Email Queue", filters={"reference_name": self.ticket})
		self.assertEqual([row.recipient for row in queued.recipients], ["colleague@housing.test"])
		self.assertIn("Blocked", [row.action for row in self.attempts()])

	def test_automatic_mail_only_to_the_customer_is_kept_out_of_the_send_loop(self):
		frappe.sendmail(
			recipients=[email_of(self.contact)],
			subject="Feedback",
			message="Rate us",
			reference_doctype="HD Ticket",
			reference_name=self.ticket,
		)
		queued = frappe.get_last_doc("Email Queue", filters={"reference_name": self.ticket})
		self.assertEqual((queued.status, len(queued.recipients)), ("Error", 0))
		self.assertIn("Withheld by a communication protocol", queued.error)

	@change_settings("HD Settings", {"send_acknowledgement_email": 1})
	def test_helpdesk_acknowledgement_does_not_abort_ticket_creation(self):
		if "email_headers" not in inspect.signature(frappe.sendmail).parameters:
			self.skipTest(
				"this Helpdesk sends acknowledgements with an argument this Frappe lacks, with or without this app"
			)
		ticket = make_ticket(self.contact, subject="Acknowledge me")
		self.assertTrue(frappe.db.exists("HD Ticket", ticket))


class TestHeldAutoReply(ProtectedCustomerTestCase):
	protocol_fields = {"issue_limit": 1, "issue_limit_period": "Month"}

	def test_held_message_gets_the_settings_auto_reply_by_an_allowed_written_channel(self):
		template = frappe.get_doc(
			{
				"doctype": "Email Template",
				"name": "UAB Held Message Test",
				"subject": "We have your message {{ doc.name }}",
				"response": "It is held for screening: {{ hold_reason }}",
			}
		).insert(ignore_permissions=True, ignore_if_duplicate=True)
		with change_settings(
			"UAB Settings", {"held_message_auto_reply": 1, "held_message_template": template.name}
		):
			held = receive_email(email_of(self.contact), "Second issue this month")
		self.assertTrue(ticket_state(held).held)
		queued = frappe.get_last_doc(
			"Email Queue",
			filters={"reference_doctype": "UAB Communication Protocol", "reference_name": self.protocol},
		)
		self.assertEqual([row.recipient for row in queued.recipients], [email_of(self.contact)])
		self.assertNotEqual(queued.status, "Error")


class TestScreeningHeldTickets(ProtectedCustomerTestCase):
	"""6.4.3: a ticket over the issue limit is held, then read and screened by staff."""

	protocol_fields = {"issue_limit": 1, "issue_limit_period": "Month"}

	def held_ticket(self) -> str:
		ticket = receive_email(email_of(self.contact), "Another issue this month")
		self.assertTrue(ticket_state(ticket).held)
		return ticket

	def test_agent_screens_a_held_ticket_and_the_trail_names_them_6_4_3(self):
		from uab_helpdesk.api.protocol import get_banner
		from uab_helpdesk.api.screening import screen_held_ticket

		ticket = self.held_ticket()
		with self.set_user(self.staff.agent):
			held = get_banner(ticket)["held"]
			self.assertEqual(held["screening"], "Awaiting screening")
			self.assertTrue(held["awaiting"], "the agent UI offers the outcomes only while it waits")
			self.assertIn("limit 1", held["reason"])
			self.assertEqual(len(held["outcomes"]), 4)  # incl. Complaint (issue 21)
			screen_held_ticket(ticket, "Safeguarding concern – escalated")
		self.assertEqual(ticket_state(ticket).screening, "Safeguarding concern – escalated")
		comment = frappe.db.get_value(
			"Comment", {"reference_doctype": "HD Ticket", "reference_name": ticket}, "content"
		)
		self.assertIn("Safeguarding concern – escalated", comment)

	def test_screening_refuses_an_unknown_outcome_and_changes_nothing_6_4_3(self):
		from uab_helpdesk.api.screening import screen_held_ticket

		ticket = self.held_ticket()
		with self.set_user(self.staff.agent), self.assertRaises(frappe.ValidationError):
			screen_held_ticket(ticket, "Ignored")
		self.assertEqual(ticket_state(ticket).screening, "Awaiting screening")

	def test_screening_refuses_a_ticket_that_is_not_held(self):
		from uab_helpdesk.api.protocol import get_banner
		from uab_helpdesk.api.screening import screen_held_ticket

		with self.set_user(self.staff.agent):
			self.assertNotIn("held", get_banner(self.ticket))
			with self.assertRaises(frappe.ValidationError):
				screen_held_ticket(self.ticket, "No new information")
		self.assertFalse(ticket_state(self.ticket).screening)

	def test_a_customer_cannot_screen_their_own_held_ticket(self):
		from uab_helpdesk.api.screening import screen_held_ticket

		ticket = self.held_ticket()
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			screen_held_ticket(ticket, "No new information")
		self.assertEqual(ticket_state(ticket).screening, "Awaiting screening")
