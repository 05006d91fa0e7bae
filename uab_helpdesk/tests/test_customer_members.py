"""Helpdesk v1.28: contacts are members of an HD Customer, and a customer-manager contact reads every
member's tickets in the portal (issue: proven on the Helpdesk people install today, part 5)."""

import frappe

from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket, make_user


class TestCustomerMembers(ProtectedCustomerTestCase):
	"""The protected contact manages an HD Customer that has another, unprotected, member."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		if not frappe.db.exists("DocType", "HD Customer Member"):
			return
		cls.member = make_contact("Member Of The Household")
		cls.customer = frappe.get_doc(
			{
				"doctype": "HD Customer",
				"customer_name": "Household With A Protocol",
				"contacts": [
					{"contact_name": cls.contact, "is_manager": 1},
					{"contact_name": cls.member, "is_manager": 0},
				],
			}
		).insert(ignore_permissions=True)

	def setUp(self):
		if not frappe.db.exists("DocType", "HD Customer Member"):
			self.skipTest("Helpdesk before v1.28 links contacts to customers the other way")

	def test_a_reply_on_a_members_ticket_is_judged_for_the_protected_manager_who_reads_it(self):
		"""Attack: write to the protected customer through the ticket of someone in their household."""
		ticket = make_ticket(self.member, customer=self.customer.name, subject="Shared hallway light")
		doc = frappe.get_doc("HD Ticket", ticket)
		with self.set_user(self.staff.other_agent):
			self.assertRefused(
				lambda: doc.reply_via_agent(message="<p>via-the-household</p>", to=email_of(self.member)),
				rule="Portal is not an allowed channel",
			)

	def test_a_customer_manager_contact_gets_no_banner(self):
		"""They can read the household's tickets, but no UAB data: the banner is for staff only."""
		from uab_helpdesk.api.protocol import get_banner, get_customer_banners

		portal_user = make_user("household.manager@tenant.test", website_user=True)
		frappe.db.set_value("Contact", self.contact, "user", portal_user)
		ticket = make_ticket(self.member, customer=self.customer.name, subject="Bins")
		for call in (lambda: get_banner(ticket), lambda: get_customer_banners(self.customer.name)):
			with self.set_user(portal_user), self.assertRaises(frappe.PermissionError):
				call()
