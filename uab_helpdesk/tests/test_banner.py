"""The protocol banner agents see on a ticket (SPEC §1)."""

import frappe

from uab_helpdesk.api.protocol import banner_for_contact, get_banner
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_ticket, make_warning
from uab_helpdesk.ticket_state import ticket_state


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
			banner = get_banner(make_ticket(contact))
		self.assertIn("&lt;img src=x onerror=alert(1)&gt;", banner["summary_html"])
		self.assertNotIn("<img", banner["summary_html"])
		self.assertIn(
			"<img src=x onerror=alert(1)>", banner["summary"], "plain text, for clients that escape it"
		)

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


class TestTicketsCarryTheProtocol(ProtectedCustomerTestCase):
	def test_open_tickets_show_the_protocol_in_the_sidebar_and_lose_it_when_it_ends(self):
		self.assertEqual(ticket_state(self.ticket).protocol, self.protocol)
		new_ticket = make_ticket(self.contact, subject="Another matter")
		summary = ticket_state(new_ticket).protocol_summary
		self.assertIn("Contact with Protected Tenant is by Email, Letter or Phone only", summary)
		with self.set_user(self.staff.head):
			frappe.get_doc("UAB Communication Protocol", self.protocol).end_protocol(
				"Behaviour improved on review."
			)
		self.assertEqual(
			(ticket_state(new_ticket).protocol, ticket_state(new_ticket).protocol_summary),
			(None, None),
		)
		self.assertIsNone(banner_for_contact(self.contact))

	def test_agent_ui_banner_is_installed_as_a_form_script(self):
		script = frappe.db.get_value(
			"HD Form Script", "UAB Protocol Banner", ["dt", "enabled", "apply_to_customer_portal"]
		)
		self.assertEqual(script, ("HD Ticket", 1, 0))


class TestContactAndCustomerBanners(ProtectedCustomerTestCase):
	def test_contact_form_banner(self):
		from uab_helpdesk.api.protocol import get_contact_banner

		self.assertEqual(get_contact_banner(self.contact)["protocol"], self.protocol)

	def test_customer_form_lists_each_protected_contact(self):
		from uab_helpdesk.api.protocol import get_customer_banners
		from uab_helpdesk.facts import customers_of_contact

		customer = frappe.get_doc(
			{"doctype": "HD Customer", "customer_name": "Lift Residents Association"}
		).insert(ignore_permissions=True)
		if frappe.db.exists(
			"DocType", "HD Customer Member"
		):  # Helpdesk v1.28+: contacts are rows of the customer
			customer.append("contacts", {"contact_name": self.contact})
			customer.save(ignore_permissions=True)
		else:  # earlier Helpdesk: the contact links to the customer
			contact = frappe.get_doc("Contact", self.contact)
			contact.append("links", {"link_doctype": "HD Customer", "link_name": customer.name})
			contact.save(ignore_permissions=True)
		self.assertEqual(customers_of_contact(self.contact), [customer.name])
		self.assertEqual(
			[banner["protocol"] for banner in get_customer_banners(customer.name)], [self.protocol]
		)
