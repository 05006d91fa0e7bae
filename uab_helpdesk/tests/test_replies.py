"""The agent's reply by the way the protocol allows (policy 6.4.2): *Send as letter* where e-mail is not
allowed but letters are, and *Send to the single point of contact for approval* where only they may reply.
Each refusal is written as the attack first: the caller learns nothing and nothing is written."""

import io
import json

import frappe
from frappe.desk.query_report import run as run_report
from pypdf import PdfReader

from uab_helpdesk.api.replies import (
	mark_letters_posted,
	print_letters,
	return_draft,
	send_as_letter,
	send_draft,
	send_for_approval,
	ticket_view,
)
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.live import served_site
from uab_helpdesk.tests.utils import make_ticket
from uab_helpdesk.ticket_state import message_state
from uab_helpdesk.utils import UABValidationError

LETTERS_ONLY = {"allowed_channels": [{"channel": "Letter"}], "contact_windows": []}


def letters_of(ticket: str) -> list:
	letters = frappe.get_all(
		"Communication",
		filters={
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
			"communication_medium": "Letter",
		},
		fields=["name", "content", "user", "sender", "sent_or_received"],
	)
	for letter in letters:  # the posting record is the app's own (UAB Message State)
		state = message_state(letter.name)
		letter.letter_status, letter.posted_by = state.letter_status, state.posted_by
	return letters


def open_todos(doctype: str, name: str) -> list[str]:
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": doctype, "reference_name": name, "status": "Open"},
		pluck="allocated_to",
	)


class TestSendAsLetter(ProtectedCustomerTestCase):
	"""Letters only, through the single point of contact (`staff.agent`)."""

	protocol_fields = LETTERS_ONLY

	def setUp(self):
		self.ticket = make_ticket(self.contact)

	def test_the_editor_offers_send_as_letter_to_the_officer_only_6_4_2(self):
		with self.set_user(self.staff.agent):
			view = ticket_view(self.ticket)
		offer = view["reply"]
		self.assertEqual((offer["route"], offer["label"]), ("letter", "Send as letter"))
		self.assertEqual(view["banner"]["protocol"], self.protocol, "one call brings the banner too")
		with self.set_user(self.staff.other_agent):
			offer = ticket_view(self.ticket)["reply"]
		self.assertEqual(offer["route"], "approval")
		self.assertEqual(offer["label"], f"Send to {offer['officer']} for approval")

	def test_an_unprotected_ticket_keeps_helpdesks_send(self):
		from uab_helpdesk.tests.utils import make_contact

		other = make_ticket(make_contact("Unprotected Tenant"))
		with self.set_user(self.staff.other_agent):
			view = ticket_view(other)
		self.assertIsNone(view["reply"])
		self.assertIsNone(view["banner"])

	def test_a_portal_customer_cannot_send_a_letter(self):
		"""Attack: the customer (or anyone not staff) posts a "letter" on a ticket."""
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			send_as_letter(self.ticket, "<p>forged-letter</p>")
		self.assertEqual(letters_of(self.ticket), [])

	def test_another_agent_cannot_send_a_letter_past_the_officer_6_4_2(self):
		"""Attack: call the method the page did not offer: the server decides the way again."""
		with self.set_user(self.staff.other_agent), self.assertRaises(UABValidationError) as refusal:
			send_as_letter(self.ticket, "<p>not-the-officer</p>")
		self.assertIn("for approval", str(refusal.exception))
		self.assertEqual(letters_of(self.ticket), [])

	def test_the_officers_email_is_still_refused_and_the_letter_goes_6_4_2(self):
		from uab_helpdesk.tests.test_outgoing_enforcement import reply

		with self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: reply(self.ticket, "<p>by-email</p>"), rule="Email is not an allowed channel"
			)
			answer = send_as_letter(self.ticket, "<p>The lift engineer comes on Friday.</p>")
		[letter] = letters_of(self.ticket)
		self.assertEqual(answer["communication"], letter.name)
		self.assertIn("The lift engineer comes on Friday.", letter.content)
		self.assertEqual((letter.user, letter.sent_or_received), (self.staff.agent, "Sent"))
		self.assertEqual(letter.letter_status, "To post")
		self.assertIn("print_letters", answer["print_url"])
		self.assertTrue(answer["no_address"], "the officer is told the customer has no postal address")
		ticket = frappe.get_doc("HD Ticket", self.ticket)
		self.assertTrue(ticket.first_responded_on, "the letter counts as the agent's response")

	def test_the_letter_prints_with_the_officers_words_and_the_address(self):
		with self.set_user(self.staff.agent):
			communication = send_as_letter(self.ticket, "<p>Words <script>alert(1)</script>kept.</p>")[
				"communication"
			]
		html = frappe.get_print("Communication", communication, print_format="UAB Reply Letter")
		self.assertIn("Words", html)
		self.assertIn("kept.", html)
		self.assertNotIn("<script>alert(1)", html, "the officer's HTML is made safe")
		self.assertIn("Dear Protected Tenant", html)
		self.assertIn(f"Our reference: {self.ticket}", html)

	def test_any_agent_on_the_ticket_prints_the_letters_in_one_pdf_a_customer_none(self):
		"""Frappe lets a user read a Communication only if they wrote it; the ticket gives need to know."""
		with self.set_user(self.staff.agent):
			first = send_as_letter(self.ticket, "<p>First.</p>")["communication"]
			second = send_as_letter(self.ticket, "<p>Second.</p>")["communication"]
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			print_letters(json.dumps([first, second]))
		with self.set_user(self.staff.other_agent), self.assertRaises(frappe.DoesNotExistError):
			print_letters(json.dumps(["not-a-letter"]))
		frappe.local.response.pop("filecontent", None)
		with served_site(), self.set_user(self.staff.other_agent):
			print_letters(json.dumps([first, second]))
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		pages = PdfReader(io.BytesIO(frappe.local.response.filecontent)).pages
		self.assertEqual(len(pages), 2, "both letters, one page each")
		self.assertIn("Second.", pages[1].extract_text())

	def test_a_letter_that_cannot_be_printed_is_an_error_never_a_shorter_pdf(self):
		"""Print all, then Mark all as posted: a letter silently left out of the print would be recorded
		posted without ever being printed."""
		from unittest.mock import patch

		with self.set_user(self.staff.agent):
			communication = send_as_letter(self.ticket, "<p>Must print.</p>")["communication"]
			frappe.local.response.pop("filecontent", None)
			with patch("uab_helpdesk.policy.letters.reply_letter", side_effect=RuntimeError("broken")):
				with self.assertRaises(Exception):
					print_letters([communication])
		self.assertNotIn("filecontent", frappe.local.response)

	def test_the_letter_waits_in_letters_to_post_until_marked_posted(self):
		with self.set_user(self.staff.agent):
			communication = send_as_letter(self.ticket, "<p>To post.</p>")["communication"]
			listed = run_report("Letters to Post", filters={"ticket": self.ticket})["result"]
			self.assertEqual([row["communication"] for row in listed], [communication])
			self.assertEqual(mark_letters_posted([communication]), 1)
			self.assertEqual(run_report("Letters to Post", filters={"ticket": self.ticket})["result"], [])
			with self.assertRaises(frappe.ValidationError):
				mark_letters_posted([communication])  # once
		[letter] = letters_of(self.ticket)
		self.assertEqual((letter.letter_status, letter.posted_by), ("Posted", self.staff.agent))

	def test_a_customer_cannot_mark_letters_posted_or_read_the_list(self):
		with self.set_user(self.staff.agent):
			communication = send_as_letter(self.ticket, "<p>Private address.</p>")["communication"]
		with self.set_user(self.staff.customer):
			with self.assertRaises(frappe.PermissionError):
				mark_letters_posted([communication])
			with self.assertRaises(frappe.PermissionError):
				run_report("Letters to Post", filters={})
		self.assertEqual(letters_of(self.ticket)[0].letter_status, "To post")

	def test_the_posting_record_cannot_be_forged_or_edited(self):
		"""Attack: insert a letter already "Posted" by someone else, then edit a letter's record."""
		with self.set_user(self.staff.agent):
			forged = frappe.get_doc(
				{
					"doctype": "Communication",
					"communication_medium": "Letter",
					"sent_or_received": "Sent",
					"reference_doctype": "HD Ticket",
					"reference_name": self.ticket,
					"subject": "Forged",
					"content": "<p>forged posting</p>",
					"uab_letter_status": "Posted",
					"uab_posted_by": self.staff.head,
				}
			).insert(ignore_permissions=True)
		state = message_state(forged.name)
		self.assertEqual((state.letter_status, state.posted_by), ("To post", None))
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			record = frappe.get_doc("UAB Message State", forged.name)
			record.update({"letter_status": "Posted", "posted_by": self.staff.head})
			record.save()
		self.assertEqual(message_state(forged.name).letter_status, "To post")
		forged.communication_medium = "Email"
		with self.assertRaises(UABValidationError):
			forged.save(ignore_permissions=True)

	def test_an_empty_letter_is_refused(self):
		with self.set_user(self.staff.agent), self.assertRaises(frappe.MandatoryError):
			send_as_letter(self.ticket, "<p> </p>")
		self.assertEqual(letters_of(self.ticket), [])

	def test_approved_reply_under_letters_only_is_posted_as_a_letter_6_4_2(self):
		with self.set_user(self.staff.other_agent):
			draft = send_for_approval(self.ticket, "<p>Your repair is booked.</p>")["draft"]
		with self.set_user(self.staff.agent):
			answer = send_draft(draft)
		self.assertEqual(answer["sent_as"], "Letter")
		[letter] = letters_of(self.ticket)
		self.assertEqual(letter.user, self.staff.agent, "signed and sent by the officer who approved it")
		self.assertIn("Your repair is booked.", letter.content)


class TestReplyInThePortal(ProtectedCustomerTestCase):
	"""Letters or the portal only. Where Helpdesk skips the e-mail workflow its reply is read in the
	portal, and the editor offers what enforcement will judge (INTEGRATION §2; policy 6.4.2)."""

	protocol_fields = {
		"allowed_channels": [{"channel": "Letter"}, {"channel": "Portal"}],
		"contact_windows": [],
	}

	def test_the_way_follows_the_medium_helpdesk_will_use_6_4_2(self):
		from frappe.tests.utils import change_settings

		from uab_helpdesk.tests.test_outgoing_enforcement import reply

		with self.set_user(self.staff.agent):
			self.assertEqual(ticket_view(self.ticket)["reply"]["route"], "letter", "e-mail is not allowed")
		with change_settings("HD Settings", {"skip_email_workflow": 1}):
			with self.set_user(self.staff.agent):
				self.assertIsNone(ticket_view(self.ticket)["reply"], "a portal reply is allowed: Send")
				reply(self.ticket, "<p>portal-reply</p>")  # and enforcement lets it through
		self.assertTrue(frappe.db.exists("Communication", {"content": ("like", "%portal-reply%")}))


class TestSendForApproval(ProtectedCustomerTestCase):
	"""E-mail or letters, through the single point of contact (`staff.agent`)."""

	def setUp(self):
		self.ticket = make_ticket(self.contact)

	def draft_by_other_agent(self, text: str = "<p>We will call on Tuesday.</p>") -> str:
		with self.set_user(self.staff.other_agent):
			return send_for_approval(self.ticket, text)["draft"]

	def emails_sent(self, marker: str) -> list:
		return frappe.get_all(
			"Communication",
			filters={
				"reference_name": self.ticket,
				"communication_medium": "Email",
				"content": ("like", f"%{marker}%"),
			},
			fields=["name", "user", "sender"],
		)

	def test_a_reply_for_approval_waits_on_the_ticket_assigned_to_the_officer_6_4_2(self):
		draft = frappe.get_doc("UAB Reply Draft", self.draft_by_other_agent())
		self.assertEqual(
			(draft.status, draft.written_by, draft.approver),
			("Awaiting approval", self.staff.other_agent, self.staff.agent),
		)
		self.assertEqual(open_todos("UAB Reply Draft", draft.name), [self.staff.agent])
		self.assertEqual(self.emails_sent("call on Tuesday"), [], "nothing reaches the customer yet")
		comments = frappe.get_all(
			"Comment", filters={"reference_name": self.ticket, "content": ("like", f"%{draft.name}%")}
		)
		self.assertTrue(comments, "the ticket's timeline says a reply waits")

	def test_the_officer_sends_it_as_written_nothing_retyped_6_4_2(self):
		draft = self.draft_by_other_agent("<p>approved-text</p>")
		with self.set_user(self.staff.agent):
			answer = send_draft(draft)
		[sent] = self.emails_sent("approved-text")
		self.assertEqual(answer["communication"], sent.name)
		self.assertEqual(sent.user, self.staff.agent)
		doc = frappe.get_doc("UAB Reply Draft", draft)
		self.assertEqual((doc.status, doc.decided_by, doc.sent_as), ("Sent", self.staff.agent, "Email"))
		self.assertEqual(open_todos("UAB Reply Draft", draft), [])
		with self.set_user(self.staff.agent), self.assertRaises(frappe.ValidationError):
			send_draft(draft)  # once

	def test_the_writer_cannot_approve_their_own_reply_6_4_2(self):
		"""Attack: the agent who wrote it calls send_draft themselves."""
		draft = self.draft_by_other_agent("<p>self-approved</p>")
		with self.set_user(self.staff.other_agent), self.assertRaises(frappe.PermissionError):
			send_draft(draft)
		self.assertEqual(frappe.db.get_value("UAB Reply Draft", draft, "status"), "Awaiting approval")
		self.assertEqual(self.emails_sent("self-approved"), [])

	def test_a_customer_learns_nothing_of_drafts(self):
		draft = self.draft_by_other_agent()
		with self.set_user(self.staff.customer):
			for call in (lambda: ticket_view(self.ticket), lambda: send_draft(draft)):
				with self.assertRaises(frappe.PermissionError):
					call()

	def test_a_draft_cannot_be_forged_or_edited(self):
		"""Attack: insert a draft "Sent" by the officer, or change a real one's status by saving it."""
		with self.set_user(self.staff.other_agent), self.assertRaises(UABValidationError):
			frappe.get_doc(
				{"doctype": "UAB Reply Draft", "ticket": self.ticket, "content": "x", "status": "Sent"}
			).insert(ignore_permissions=True)
		doc = frappe.get_doc("UAB Reply Draft", self.draft_by_other_agent())
		doc.status, doc.decided_by = "Sent", self.staff.agent
		with self.assertRaises(UABValidationError):
			doc.save(ignore_permissions=True)
		self.assertEqual(frappe.db.get_value("UAB Reply Draft", doc.name, "status"), "Awaiting approval")

	def test_the_officer_returns_it_saying_why_and_the_writer_is_told(self):
		draft = self.draft_by_other_agent("<p>returned-text</p>")
		with self.set_user(self.staff.agent):
			with self.assertRaises(frappe.MandatoryError):
				return_draft(draft, " ")
			return_draft(draft, "Say which day the engineer comes.")
		doc = frappe.get_doc("UAB Reply Draft", draft)
		self.assertEqual((doc.status, doc.decided_by), ("Returned", self.staff.agent))
		self.assertEqual(doc.return_reason, "Say which day the engineer comes.")
		self.assertEqual(open_todos("UAB Reply Draft", draft), [self.staff.other_agent])
		self.assertEqual(self.emails_sent("returned-text"), [])

	def test_the_officer_is_told_to_send_as_usual_not_to_ask_themselves(self):
		with self.set_user(self.staff.agent), self.assertRaises(UABValidationError):
			send_for_approval(self.ticket, "<p>mine</p>")
		self.assertFalse(frappe.db.exists("UAB Reply Draft", {"ticket": self.ticket}))

	def test_the_agent_ui_lists_drafts_and_who_may_decide(self):
		draft = self.draft_by_other_agent()
		with self.set_user(self.staff.other_agent):
			[mine] = ticket_view(self.ticket)["drafts"]
		with self.set_user(self.staff.agent):
			[theirs] = ticket_view(self.ticket)["drafts"]
		self.assertEqual((mine.name, mine.can_decide), (draft, False))
		self.assertTrue(theirs.can_decide)
		self.assertIn("We will call on Tuesday.", theirs.content_html)


class TestApprovalWithDeputy(ProtectedCustomerTestCase):
	"""A deputy stands in for the single point of contact (6.4.2): they are asked too, and may send."""

	@classmethod
	def protocol_fields_for(cls) -> dict:
		return {"deputy_contact": cls.staff.manager}

	def test_the_deputy_is_asked_too_and_may_send_it_6_4_2(self):
		with self.set_user(self.staff.other_agent):
			draft = send_for_approval(self.ticket, "<p>deputy-sent</p>")["draft"]
		self.assertEqual(
			sorted(open_todos("UAB Reply Draft", draft)), sorted([self.staff.agent, self.staff.manager])
		)
		with self.set_user(self.staff.manager):
			send_draft(draft)
		doc = frappe.get_doc("UAB Reply Draft", draft)
		self.assertEqual((doc.status, doc.decided_by), ("Sent", self.staff.manager))
		self.assertEqual(open_todos("UAB Reply Draft", draft), [], "both are told it is done")
