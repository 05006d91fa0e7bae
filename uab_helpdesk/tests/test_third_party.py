"""A third party (advocate, support worker, solicitor) as a real route (policy 1.1, 6.3.2, 6.4.1, 6.4.4)."""

import frappe
from frappe.utils import add_days, today

from uab_helpdesk.api.protocol import get_banner
from uab_helpdesk.letters import third_party_copy, uab_letter
from uab_helpdesk.protection import clear_protected_index
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.test_outgoing_enforcement import reply
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket
from uab_helpdesk.ticket_state import ticket_state
from uab_helpdesk.utils import UABValidationError


def email(ticket: str, to: str, marker: str):
	"""What Desk's New Email (and a reply with another To) sends: a Communication on the ticket."""
	from frappe.core.doctype.communication.email import make

	return make(
		doctype="HD Ticket",
		name=ticket,
		content=marker,
		subject="Re: repairs",
		recipients=to,
		send_email=True,
	)


class TestThirdPartyRoute(ProtectedCustomerTestCase):
	"""Letter, or through the customer's advocate, from the first of last month with no end date."""

	@classmethod
	def protocol_fields_for(cls) -> dict:
		cls.advocate = make_contact("Mo Advocate")
		return {
			"allowed_channels": [{"channel": "Letter"}, {"channel": "Third party"}],
			"contact_windows": [],
			"third_party_contact": cls.advocate,
			"third_party_role": "Advocate",
			"third_party_scope": "Repairs and the rent account",
			"third_party_authority_from": add_days(today(), -30),
			"copy_letters_to_third_party": 1,
		}

	def sent(self, marker: str) -> bool:
		return bool(frappe.db.exists("Communication", {"content": ("like", f"%{marker}%")}))

	def advocates_ticket(self) -> str:
		"""A ticket the advocate raised for the customer: linked to the protocol at intake."""
		return receive_email(email_of(self.advocate), "For my client: kitchen cupboard")

	def set_authority(self, **dates) -> None:
		frappe.db.set_value("UAB Communication Protocol", self.protocol, dates)
		clear_protected_index()

	def test_the_officer_writes_to_the_advocate_about_the_customer_6_4_1(self):
		with self.set_user(self.staff.agent):
			email(self.advocates_ticket(), email_of(self.advocate), "to-advocate-allowed")
		self.assertTrue(self.sent("to-advocate-allowed"))

	def test_another_agent_may_not_write_to_the_advocate_either_6_4_2(self):
		advocates_ticket = self.advocates_ticket()
		with self.set_user(self.staff.other_agent):
			self.assertRefused(
				lambda: email(advocates_ticket, email_of(self.advocate), "other-agent-to-advocate"),
				rule="only",
			)
		self.assertFalse(self.sent("other-agent-to-advocate"))

	def test_email_to_the_customer_directly_is_judged_against_the_rest_of_the_protocol_6_4_1(self):
		with self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: reply(self.ticket, "<p>direct-email</p>"), rule="Email is not an allowed channel"
			)
		self.assertFalse(self.sent("direct-email"))

	def test_once_the_authority_has_ended_the_advocate_hears_nothing_about_the_customer_6_3_2(self):
		self.set_authority(third_party_authority_until=add_days(today(), -1))
		advocates_ticket = self.advocates_ticket()
		try:
			with self.set_user(self.staff.agent):
				message = self.assertRefused(
					lambda: email(advocates_ticket, email_of(self.advocate), "after-authority-ended"),
					rule="authority to act for the customer ended on",
				)
			self.assertIn("Mo Advocate", message)
			self.assertFalse(self.sent("after-authority-ended"))
		finally:
			self.set_authority(third_party_authority_until=None)

	def test_mail_to_the_solicitor_about_other_clients_is_not_this_customers_contact(self):
		stranger = make_contact("Unrelated Tenant")
		strangers_ticket = make_ticket(stranger, subject="Garden", description="Hedge needs cutting")
		with self.set_user(self.staff.other_agent):
			email(strangers_ticket, email_of(self.advocate), "unrelated-client")
		self.assertTrue(self.sent("unrelated-client"))

	def test_a_ticket_the_advocate_raises_is_linked_and_routed_to_the_officer_6_4_1(self):
		ticket = frappe.get_doc(
			"HD Ticket", receive_email(email_of(self.advocate), "Client's kitchen cupboard")
		)
		self.assertEqual((ticket.contact, ticket_state(ticket.name).protocol), (self.advocate, self.protocol))
		self.assertIn(self.staff.agent, ticket._assign or "")
		with self.set_user(self.staff.other_agent):
			banner = get_banner(ticket.name)
		self.assertTrue(banner["raised_by_third_party"])
		self.assertEqual(banner["third_party"]["name"], "Mo Advocate")
		self.assertTrue(banner["third_party"]["authorised"])

	def test_a_danger_the_advocate_reports_later_goes_to_the_officer_and_the_deputy_6_4_4(self):
		"""The advocate is under no protocol of their own; the ticket's protocol routes the danger."""
		frappe.db.set_value("UAB Communication Protocol", self.protocol, "deputy_contact", self.staff.manager)
		ticket = self.advocates_ticket()
		receive_email(email_of(self.advocate), "and now sparks are coming out of the socket", ticket=ticket)
		self.assertEqual(ticket_state(ticket).safety_matter, "Electrical danger")
		self.assertIn(self.staff.manager, frappe.db.get_value("HD Ticket", ticket, "_assign") or "")

	def test_a_reply_sent_as_a_letter_copies_the_advocate_too_6_3_2(self):
		from uab_helpdesk.api.replies import send_as_letter

		with self.set_user(self.staff.agent):
			communication = send_as_letter(self.ticket, "<p>Your repair is booked.</p>")["communication"]
		self.assertEqual(uab_letter(frappe.get_doc("Communication", communication)).copy_to, "Mo Advocate")

	def test_letters_copy_the_advocate_while_their_authority_stands_6_3_2(self):
		letter = uab_letter(frappe.get_doc("UAB Communication Protocol", self.protocol))
		self.assertEqual(letter.copy_to, "Mo Advocate")
		self.set_authority(third_party_authority_from=add_days(today(), 10))
		try:
			self.assertIsNone(third_party_copy(self.contact, self.protocol))
		finally:
			self.set_authority(third_party_authority_from=add_days(today(), -30))


class TestThirdPartyAuthorityIsRecorded(ProtectedCustomerTestCase):
	def test_a_third_party_without_scope_or_dates_is_refused_6_3_2(self):
		advocate = make_contact("Half Recorded Advocate")
		doc = frappe.get_doc("UAB Communication Protocol", self.protocol)
		draft = frappe.copy_doc(doc)
		draft.update(
			{"third_party_contact": advocate, "third_party_role": "Solicitor", "third_party_scope": ""}
		)
		with self.assertRaises((UABValidationError, frappe.MandatoryError)):
			draft.insert()
		self.assertFalse(frappe.db.exists("UAB Communication Protocol", {"third_party_contact": advocate}))
