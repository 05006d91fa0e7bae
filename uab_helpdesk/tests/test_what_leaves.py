"""The channel is what actually leaves, never what a client names (issue 20, point 3; SPEC §5.1).

Desk's `communication.email.make` takes the medium from the caller: a message marked "Letter" or "Phone"
with `send_email=1` is still e-mailed. A real SMTP server on loopback (tests/mailbox.py) receives what
Frappe sends, and for a customer whose protocol allows no e-mail it must receive nothing. Attack first:
written against the code that judged such a message by its medium and let its mail go.
"""

import frappe
from frappe.core.doctype.communication.email import make

from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.mailbox import Mailbox
from uab_helpdesk.tests.utils import email_of, make_ticket

NO_EMAIL = {
	"allowed_channels": [{"channel": "Letter"}, {"channel": "Phone"}],
	"contact_windows": [],
}


class TestWhatLeavesIsJudged(ProtectedCustomerTestCase):
	"""Letters or phone (any time), through the single point of contact (`staff.agent`): never e-mail."""

	protocol_fields = NO_EMAIL

	def setUp(self):
		self.ticket = make_ticket(self.contact)

	def send(self, medium: str, words: str) -> None:
		with self.set_user(self.staff.agent):  # the officer: the only one who may contact them at all
			try:
				make(
					doctype="HD Ticket",
					name=self.ticket,
					recipients=email_of(self.contact),
					subject="About your repair",
					content=f"<p>{words}</p>",
					communication_medium=medium,
					send_email=1,
				)
			except frappe.ValidationError:
				pass  # refused outright is as good as withheld: what matters is what lands

	def test_an_email_marked_as_a_letter_never_reaches_a_customer_who_may_not_be_emailed_6_4_2(self):
		with Mailbox() as mailbox:
			self.send("Letter", "Marked as a letter, sent as an e-mail.")
			mailbox.deliver()
			self.assertEqual(mailbox.received_by(email_of(self.contact)), [])
		self.assertTrue(
			frappe.db.exists("UAB Contact Attempt", {"contact": self.contact, "action": "Blocked"}),
			"the withheld e-mail is on the record",
		)

	def test_an_email_marked_as_a_phone_call_or_chat_never_reaches_them_either_6_4_2(self):
		with Mailbox() as mailbox:
			for medium in ("Phone", "Chat", ""):
				self.send(medium, f"Marked as {medium or 'nothing'}, sent as an e-mail.")
			mailbox.deliver()
			self.assertEqual(mailbox.received_by(email_of(self.contact)), [])


class TestTheMailboxReceives(ProtectedCustomerTestCase):
	"""The control: e-mail allowed, sent by the officer — it lands, so the attacks above can fail."""

	def test_an_allowed_email_reaches_the_customer(self):
		ticket = make_ticket(self.contact)
		with Mailbox() as mailbox:
			with self.set_user(self.staff.agent):
				make(
					doctype="HD Ticket",
					name=ticket,
					recipients=email_of(self.contact),
					subject="About your repair",
					content="<p>Your repair is booked.</p>",
					communication_medium="Email",
					send_email=1,
				)
			mailbox.deliver()
			self.assertEqual(len(mailbox.received_by(email_of(self.contact))), 1)
