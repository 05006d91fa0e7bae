"""Helpdesk's data as landlords change it (issue 19, point 5): ticket types renamed or deleted, no *Urgent*
priority, an SLA with only Low and Medium. Mail still always becomes a ticket through Frappe's own inbound
processing, and a health-and-safety matter is still marked, routed and never held (policy 6.4.4)."""

from email.utils import format_datetime

import frappe
from frappe.email.receive import InboundMail
from frappe.utils import add_months, now_datetime, today

from uab_helpdesk.setup.health import setup_problems
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of
from uab_helpdesk.ticket_state import ticket_state

GAS = ("Smell of gas in the kitchen", "There is a strong smell of gas by the cooker since this morning.")


def receive(sender: str, subject: str, body: str):
	"""One message through Frappe's inbound processing (what EmailAccount.receive does for each mail it
	pulls), into an inbox that makes HD Tickets: the ticket, then its Communication."""
	raw = (
		f"From: A Tenant <{sender}>\r\nTo: housing@landlord.test\r\nSubject: {subject}\r\n"
		f"Message-ID: <{frappe.generate_hash(length=16)}@tenant.test>\r\n"
		f"Date: {format_datetime(now_datetime().astimezone())}\r\n"
		"Content-Type: text/plain; charset=utf-8\r\n\r\n"
		f"{body}\r\n"
	)
	inbox = frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_id": "housing@landlord.test",
			"append_to": "HD Ticket",
			"use_imap": 0,
		}
	)
	communication = InboundMail(raw, inbox).process()
	assert communication.reference_doctype == "HD Ticket", "the message did not become a ticket"
	return frappe.get_doc("HD Ticket", communication.reference_name)


def set_settings(**values) -> None:
	for field, value in values.items():
		frappe.db.set_single_value("UAB Settings", field, value)
	frappe.clear_document_cache("UAB Settings", "UAB Settings")


class TestLandlordsOwnHelpdeskData(ProtectedCustomerTestCase):
	"""A health-and-safety-only period: anything that is not a safety matter would be held (6.4.4)."""

	protocol_fields = {"health_and_safety_only": 1, "health_and_safety_only_until": add_months(today(), 3)}

	def setUp(self):
		super().setUp()
		self.isolate()
		set_settings(safety_ticket_type="Health and safety", safety_priority="Urgent")
		self.addCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")

	def assertSafetyMatterRouted(self, ticket) -> None:
		self.assertTrue(ticket_state(ticket.name).safety_matter, "the safety matter is marked")
		self.assertFalse(ticket_state(ticket.name).held, "a safety matter is never held (6.4.4)")
		self.assertEqual(ticket_state(ticket.name).protocol, self.protocol)
		self.assertIn(self.staff.agent, ticket._assign or "", "routed to the single point of contact")
		ticket.save(ignore_permissions=True)  # and Helpdesk accepts the ticket's next save

	def only_sla(self, *priorities: str) -> str:
		"""A copy of the site's default SLA with only ``priorities``, and every other SLA switched off."""
		default = frappe.get_all(
			"HD Service Level Agreement", filters={"default_sla": 1}, pluck="name", limit=1
		) or frappe.get_all("HD Service Level Agreement", pluck="name", limit=1)
		if not default:
			self.skipTest("this site has no SLA to copy")
		sla = frappe.copy_doc(frappe.get_doc("HD Service Level Agreement", default[0]))
		sla.service_level = f"Landlord SLA {frappe.generate_hash(length=6)}"
		sla.priorities = [row for row in sla.priorities if row.priority in priorities]
		for row in sla.priorities:
			row.default_priority = int(row.priority == priorities[-1])
		sla.default_sla, sla.enabled, sla.condition = 1, 1, ""
		sla.insert(ignore_permissions=True)
		frappe.db.set_value("HD Service Level Agreement", {"name": ("!=", sla.name)}, "enabled", 0)
		return sla.name

	def test_gas_leak_under_an_sla_without_urgent_becomes_a_ticket_6_4_4(self):
		"""Helpdesk refuses a priority the ticket's SLA lacks, in before_save, outside the app's guard: the
		e-mailed gas leak used to end in Unhandled Email. Now it is a ticket, marked, routed, not held."""
		sla = self.only_sla("Low", "Medium")
		ticket = receive(email_of(self.contact), *GAS)
		self.assertEqual(ticket.sla, sla)
		self.assertIn(ticket.priority, ("Low", "Medium"), "keeps a priority its SLA has")
		self.assertEqual(ticket.ticket_type, "Health and safety")
		self.assertSafetyMatterRouted(ticket)
		self.assertTrue(any(sla in problem and "Urgent" in problem for problem in setup_problems()))

	def test_danger_in_a_later_message_under_such_an_sla_leaves_the_ticket_saveable_6_4_4(self):
		self.only_sla("Low", "Medium")
		ticket = receive(email_of(self.contact), "Bins", "The bins were not collected.")
		self.assertTrue(
			ticket_state(ticket.name).held, "not a safety matter: held in the health-and-safety-only period"
		)
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"sender": email_of(self.contact),
				"subject": "Re: Bins",
				"content": "<p>And now water is pouring through the ceiling light.</p>",
				"reference_doctype": "HD Ticket",
				"reference_name": ticket.name,
			}
		).insert(ignore_permissions=True)
		ticket.reload()
		self.assertSafetyMatterRouted(ticket)
		self.assertIn(ticket.priority, ("Low", "Medium"))

	def test_no_urgent_priority_at_all_6_4_4(self):
		frappe.db.delete("HD Service Level Priority", {"priority": "Urgent"})
		frappe.db.delete("HD Ticket Priority", {"name": "Urgent"})
		ticket = receive(email_of(self.contact), *GAS)
		self.assertNotEqual(ticket.priority, "Urgent")
		self.assertSafetyMatterRouted(ticket)
		self.assertTrue(any("priority" in problem for problem in setup_problems()))

	def test_no_health_and_safety_ticket_type_6_4_4(self):
		set_settings(safety_ticket_type=None)
		frappe.db.delete("UAB Ticket Type", {"ticket_type": "Health and safety"})
		frappe.db.delete("HD Ticket Type", {"name": "Health and safety"})
		ticket = receive(email_of(self.contact), *GAS)
		self.assertNotEqual(ticket.ticket_type, "Health and safety")
		self.assertSafetyMatterRouted(ticket)
		self.assertTrue(any("No health-and-safety ticket type" in problem for problem in setup_problems()))

	def test_a_deleted_safety_type_still_named_in_the_settings_is_reported_6_4_4(self):
		frappe.db.delete("HD Ticket Type", {"name": "Health and safety"})
		ticket = receive(email_of(self.contact), *GAS)
		self.assertSafetyMatterRouted(ticket)
		self.assertTrue(any("no longer exists" in problem for problem in setup_problems()))

	def test_renamed_safety_type_is_followed_6_4_4(self):
		"""A landlord renames the type: Frappe renames the links to it, and the app uses the new name."""
		renamed = f"Gas, fire and flood {frappe.generate_hash(length=4)}"
		frappe.rename_doc("HD Ticket Type", "Health and safety", renamed, force=True)
		frappe.clear_document_cache("UAB Settings", "UAB Settings")
		self.assertEqual(frappe.get_cached_doc("UAB Settings").safety_ticket_type, renamed)
		ticket = receive(email_of(self.contact), *GAS)
		self.assertEqual(ticket.ticket_type, renamed)
		self.assertSafetyMatterRouted(ticket)

	def test_ordinary_mail_under_changed_data_is_still_never_lost_6_4_3(self):
		self.only_sla("Low", "Medium")
		frappe.db.delete("HD Ticket Type", {"name": "Emergency repair"})
		ticket = receive(email_of(self.contact), "Rent statement", "Please send my rent statement.")
		self.assertTrue(ticket_state(ticket.name).held)
		self.assertTrue(
			frappe.db.exists("Communication", {"reference_name": ticket.name, "sent_or_received": "Received"})
		)

	def test_an_inbox_that_fetches_only_unread_mail_is_reported_spec_5(self):
		"""Frappe marks a message read on the server before storing it in UNSEEN mode: a worker stopped
		mid-pull loses it for good. The administrator is told; ALL mode is not reported."""
		account = frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_id": f"inbox-{frappe.generate_hash(length=6)}@landlord.test",
				"enable_incoming": 1,
				"use_imap": 1,
				"email_server": "127.0.0.1",
				"email_sync_option": "UNSEEN",
				"imap_folder": [{"folder_name": "INBOX", "append_to": "HD Ticket"}],
				"append_to": "HD Ticket",
			}
		).insert(ignore_permissions=True)
		self.assertTrue(any(account.name in problem and "unread" in problem for problem in setup_problems()))
		account.db_set("email_sync_option", "ALL")
		self.assertFalse(any(account.name in problem for problem in setup_problems()))
