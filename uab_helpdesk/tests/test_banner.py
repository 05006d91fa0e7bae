"""The protocol banner agents see on a ticket (SPEC §1)."""

import frappe

from uab_helpdesk.api.protocol import banner_for_contact, get_banner
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_ticket, make_warning


class TestBanner(ProtectedCustomerTestCase):
	protocol_fields = {"issue_limit": 3, "issue_limit_period": "Month"}

	def test_banner_summarises_the_protocol_for_an_agent(self):
		with self.set_user(self.staff.agent):
			banner = get_banner(self.ticket)
		self.assertEqual((banner["stage"], banner["protocol"]), ("protocol", self.protocol))
		self.assertEqual(banner["allowed_channels"], ["Email", "Letter", "Phone"])
		self.assertEqual(banner["windows"], ["Phone: Tuesday 10:00–12:00"])
		self.assertEqual((banner["issue_limit"], banner["issues_this_period"]), (3, 1))
		self.assertIn("Contact with Protected Tenant is by Email, Letter or Phone only", banner["summary"])

	def test_banner_escapes_stored_values(self):
		"""Contact names refuse < and >, but a stored name can still arrive by import or fetch."""
		contact = make_contact("Escape Tenant")
		protocol = make_protocol(contact, director=self.staff.director, activate_as=self.staff.head)
		frappe.db.set_value(
			"UAB Communication Protocol", protocol.name, "contact_name", "<img src=x onerror=alert(1)>"
		)
		with self.set_user(self.staff.agent):
			summary = get_banner(make_ticket(contact))["summary"]
		self.assertIn("&lt;img src=x onerror=alert(1)&gt;", summary)
		self.assertNotIn("<img", summary)

	def test_warned_customer_shows_the_warning_stage_but_no_incident_detail(self):
		contact = make_contact("Warned Tenant")
		incident = make_incident(contact, description="Called the officer a vile name on the phone.")
		make_warning(contact, "Initial", [incident])
		banner = banner_for_contact(contact)
		self.assertEqual((banner["stage"], banner["level"]), ("warned", "Initial"))
		self.assertNotIn("vile", frappe.as_json(banner))

	def test_no_banner_for_an_ordinary_customer(self):
		ticket = make_ticket(make_contact("Ordinary Tenant"))
		with self.set_user(self.staff.agent):
			self.assertIsNone(get_banner(ticket))

	def test_customer_cannot_read_a_banner(self):
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			get_banner(self.ticket)
