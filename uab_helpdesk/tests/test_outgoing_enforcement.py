"""Outgoing contact to a customer under an Active protocol, by every path (SPEC §5; INTEGRATION §2)."""

import frappe
from frappe.core.doctype.communication.email import make as desk_new_email
from frappe.tests.utils import change_settings

from uab_helpdesk.api.protocol import reply_with_override
from uab_helpdesk.tests.enforcement_case import TUESDAY_11, ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket


def reply(ticket: str, message: str = "<p>Your repair is booked for Friday.</p>", **kwargs):
	"""A reply as the agent UI sends it: addressed to whoever raised the ticket (both Helpdesk lines)."""
	doc = frappe.get_doc("HD Ticket", ticket)
	kwargs.setdefault("to", doc.raised_by)
	doc.reply_via_agent(message=message, **kwargs)


class TestOutgoingEnforcement(ProtectedCustomerTestCase):
	def sent(self, marker: str) -> bool:
		return bool(
			frappe.db.exists(
				"Communication", {"reference_name": self.ticket, "content": ("like", f"%{marker}%")}
			)
		)

	def test_single_point_of_contact_replies_by_email_6_4_2(self):
		with self.set_user(self.staff.agent):
			reply(self.ticket, "<p>booked-by-officer</p>")
		self.assertTrue(self.sent("booked-by-officer"))

	def test_agent_ui_reply_by_another_agent_is_refused_6_4_2(self):
		with self.set_user(self.staff.other_agent):
			message = self.assertRefused(lambda: reply(self.ticket, "<p>other-agent-text</p>"), rule="only")
		self.assertIn("Not sent", message)
		self.assertIn("Contact with Protected Tenant is by Email, Letter or Phone only", message)
		self.assertFalse(self.sent("other-agent-text"))

	def test_desk_new_email_is_refused_6_4_2(self):
		with self.set_user(self.staff.other_agent):
			self.assertRefused(
				lambda: desk_new_email(
					doctype="HD Ticket",
					name=self.ticket,
					content="desk-email-text",
					subject="Re: roof",
					recipients=email_of(self.contact),
					send_email=True,
				),
				rule="only",
			)
		self.assertFalse(self.sent("desk-email-text"))

	def test_client_insert_of_a_communication_is_refused(self):
		"""REST `POST /api/resource/Communication` and `frappe.client.insert` end in the same insert."""
		from frappe.client import insert

		doc = {
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Phone",
			"sent_or_received": "Sent",
			"recipients": email_of(self.contact),
			"subject": "Call",
			"content": "rest-insert-text",
			"reference_doctype": "HD Ticket",
			"reference_name": self.ticket,
		}
		self.assertRefused(lambda: insert(doc), rule="only")
		self.assertFalse(self.sent("rest-insert-text"))

	def test_cc_to_the_protected_customer_on_another_ticket_is_refused(self):
		other_ticket = make_ticket(make_contact("Neighbour"))
		with self.set_user(self.staff.other_agent):
			self.assertRefused(lambda: reply(other_ticket, "cc-text", cc=email_of(self.contact)), rule="only")

	@change_settings("HD Settings", {"skip_email_workflow": 1})
	def test_portal_reply_when_portal_is_not_allowed_is_refused_6_4_2(self):
		with self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: reply(self.ticket, "portal-text"), rule="Portal is not an allowed channel"
			)

	def test_phone_note_outside_the_window_is_refused_6_4_2(self):
		def insert(values):
			return frappe.get_doc(values).insert(ignore_permissions=True)

		doc = {
			"doctype": "Communication",
			"communication_medium": "Phone",
			"sent_or_received": "Sent",
			"recipients": email_of(self.contact),
			"content": "phone-note",
			"reference_doctype": "HD Ticket",
			"reference_name": self.ticket,
		}
		with self.freeze_time("2026-11-25 11:00:00", tick=True), self.set_user(self.staff.agent):
			self.assertRefused(lambda: insert(doc), rule="Phone contact is only Tuesday 10:00–12:00")
		with self.freeze_time(TUESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertTrue(insert(doc))

	def test_policy_letter_always_goes_by_an_allowed_written_channel_6_4_4(self):
		"""send_letter's own letter to this customer goes by an allowed written channel even from a
		manager who is not the single point of contact; a Desk e-mail that merely references the
		protocol is ordinary contact and is judged in full."""
		from uab_helpdesk.api.letters import send_letter
		from uab_helpdesk.tests.utils import make_incident, make_warning

		warning = make_warning(self.contact, "Initial", [make_incident(self.contact)])
		with self.set_user(self.staff.manager):  # not the single point of contact
			self.assertTrue(send_letter("UAB Warning", warning, "Email")["communication"])
			self.assertRefused(
				lambda: desk_new_email(
					content="not-a-letter",
					subject="Your communication protocol",
					recipients=email_of(self.contact),
					doctype="UAB Communication Protocol",
					name=self.protocol,
				),
				rule="only Uab Agent may reply",
			)

	def test_a_reply_without_recipients_is_judged_for_the_customer_who_reads_it(self):
		"""Attack: call reply_via_agent without `to`, as any API client may. Helpdesk v1.28 then posts it
		on the ticket with no recipient, and the customer reads it in the portal; v1.15 e-mails the
		ticket's customer. Either way it reaches them, and the protocol judges it."""
		with self.set_user(self.staff.other_agent):
			self.assertRefused(
				lambda: frappe.get_doc("HD Ticket", self.ticket).reply_via_agent(message="<p>no-to-text</p>"),
				rule="only Uab Agent may reply",
			)
		self.assertFalse(self.sent("no-to-text"))

	@change_settings("UAB Settings", {"enforcement_mode": "Warn"})
	def test_warn_mode_sends_and_logs_as_flagged(self):
		with self.set_user(self.staff.other_agent):
			reply(self.ticket, "<p>warn-mode-text</p>")
		self.assertTrue(self.sent("warn-mode-text"))
		self.assertIn("Flagged", [row.action for row in self.attempts()])

	def test_head_of_service_override_sends_once_and_is_logged_5_1_rule_8(self):
		with self.set_user(self.staff.head):
			reply_with_override(
				self.ticket, "<p>override-text</p>", "Safeguarding notice the officer is away for."
			)
		self.assertTrue(self.sent("override-text"))
		logged = frappe.get_all(
			"UAB Contact Attempt",
			{"contact": self.contact, "action": "Overridden"},
			["override_reason", "content"],
		)
		self.assertEqual(logged[0].override_reason, "Safeguarding notice the officer is away for.")
		with self.set_user(self.staff.head):
			self.assertRefused(lambda: reply(self.ticket, "no-second-time"), rule="only")

	def test_override_needs_the_head_of_service_role(self):
		with self.set_user(self.staff.manager), self.assertRaises(frappe.PermissionError):
			reply_with_override(self.ticket, "text", "reason")

	def test_customer_without_protocol_is_untouched(self):
		ticket = make_ticket(make_contact("Ordinary Tenant"))
		with self.set_user(self.staff.other_agent):
			reply(ticket, "<p>ordinary-reply</p>")
		self.assertTrue(
			frappe.db.exists(
				"Communication", {"reference_name": ticket, "content": ("like", "%ordinary-reply%")}
			)
		)


class TestTopicAndHealthAndSafety(ProtectedCustomerTestCase):
	protocol_fields = {
		"allowed_ticket_types": [{"ticket_type": "Repairs"}],
		"health_and_safety_only": 1,
		"health_and_safety_only_until": "2099-12-31",
	}

	@classmethod
	def setUpClass(cls):
		for ticket_type in ("Repairs", "Rent"):
			if not frappe.db.exists("HD Ticket Type", ticket_type):
				frappe.get_doc({"doctype": "HD Ticket Type", "name": ticket_type}).insert(
					ignore_permissions=True
				)
		super().setUpClass()

	def test_off_topic_reply_is_refused_6_5_4_and_6_4_4(self):
		frappe.db.set_value("HD Ticket", self.ticket, "ticket_type", "Rent")
		with self.set_user(self.staff.agent):
			message = self.assertRefused(lambda: reply(self.ticket), rule="the topic Rent is not covered")
		self.assertIn("only health and safety matters are dealt with until 31 December 2099", message)

	def test_health_and_safety_reply_gets_through_6_4_4(self):
		frappe.db.set_value("HD Ticket", self.ticket, "ticket_type", "Health and safety")
		with self.set_user(self.staff.agent):
			reply(self.ticket, "<p>gas-safety-visit</p>")
		self.assertTrue(frappe.db.exists("Communication", {"content": ("like", "%gas-safety-visit%")}))

	def test_a_call_takes_its_topic_from_the_called_customers_own_ticket_6_4_4(self):
		"""Attack: a call about rent placed with make_a_call naming another customer's gas leak ticket
		(issue 20, point 2): the topic is never taken from a ticket that is not the called person's."""
		from uab_helpdesk.overrides.telephony import check_outgoing_call

		gas_leak = make_ticket(make_contact("Gas Leak Neighbour"), ticket_type="Health and safety")
		frappe.db.set_value("HD Ticket", self.ticket, "ticket_type", "Rent")
		with self.freeze_time(TUESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: check_outgoing_call(self.phone, "HD Ticket", gas_leak),
				rule="only health and safety matters",
			)


class TestBulkReplyAndMerge(ProtectedCustomerTestCase):
	def test_bulk_reply_names_the_refused_tickets_and_keeps_the_text(self):
		from uab_helpdesk.overrides.helpdesk import screen_bulk_reply

		ordinary = make_ticket(make_contact("Bulk Ordinary Tenant"))
		with self.set_user(self.staff.other_agent):
			refused = screen_bulk_reply([self.ticket, ordinary], "<p>bulk-text</p>")
		self.assertEqual(list(refused), [str(self.ticket)])
		self.assertIn("only Uab Agent may reply", refused[str(self.ticket)])
		self.assertIn("<p>bulk-text</p>", [row.content for row in self.attempts(action="Blocked")])

	def test_bulk_reply_end_to_end_sends_the_rest_and_names_the_refused(self):
		"""Helpdesk v1.2x+ bulk reply, through our wrapper: refused tickets are taken out first and named;
		the others get Helpdesk's own reply."""
		try:
			from helpdesk.api.ticket import bulk_reply as helpdesk_bulk_reply
		except ImportError:
			self.skipTest("this Helpdesk has no bulk reply")
		from uab_helpdesk.overrides.helpdesk import bulk_reply

		ordinary = make_ticket(make_contact("Bulk Sent Tenant"))
		with self.set_user(self.staff.other_agent):
			result = bulk_reply(ticket_ids=[self.ticket, ordinary], message="<p>bulk-end-to-end</p>")
		self.assertEqual((result["sent"], list(result["refused"])), ([ordinary], [str(self.ticket)]))

		def replied(ticket) -> bool:
			return bool(
				frappe.db.exists(
					"Communication", {"reference_name": ticket, "content": ("like", "%bulk-end-to-end%")}
				)
			)

		self.assertEqual((replied(self.ticket), replied(ordinary)), (False, True))
		self.assertIn("<p>bulk-end-to-end</p>", [row.content for row in self.attempts(action="Blocked")])

	def test_merging_a_protected_customers_tickets_is_exempt_spec_5(self):
		"""The officer's earlier reply is copied by whoever merges: old contact, not new (SPEC §5)."""
		from helpdesk.helpdesk.doctype.hd_ticket.api import merge_ticket as helpdesk_merge_ticket

		from uab_helpdesk.attempts import discard_pending
		from uab_helpdesk.enforcement import ProtocolViolationError
		from uab_helpdesk.overrides.helpdesk import as_declared, merge_ticket

		source = make_ticket(self.contact, subject="Duplicate report")
		with self.set_user(self.staff.agent):
			reply(source, "<p>officer-reply-before-merge</p>")
		merge_ticket(source=source, target=self.ticket)  # as Administrator, not the officer
		self.assertEqual(str(frappe.db.get_value("HD Ticket", source, "merged_with")), str(self.ticket))
		self.assertTrue(
			frappe.db.exists(
				"Communication",
				{"reference_name": self.ticket, "content": ("like", "%officer-reply-before-merge%")},
			)
		)
		# The counterfactual, last (Helpdesk may roll the whole transaction back on a failed reply):
		# without the exemption, the copy would count as new contact by whoever merges.
		another = make_ticket(self.contact, subject="Another duplicate")
		with self.set_user(self.staff.agent):
			reply(another, "<p>officer-reply-again</p>")
		with self.assertRaises(ProtocolViolationError):
			helpdesk_merge_ticket(
				**as_declared(helpdesk_merge_ticket, {"source": another, "target": self.ticket})
			)
		discard_pending()
