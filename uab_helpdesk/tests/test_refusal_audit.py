"""A refused reply leaves its audit record and the agent's text after the request rolls back."""

import frappe

from uab_helpdesk.enforcement import ProtocolViolationError
from uab_helpdesk.protection import clear_protected_index
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_ticket


class TestRefusalSurvivesRollback(UABTestCase):
	"""Frappe rolls a failed request back; this test does what the request handler does. Its records
	are committed (a rollback would otherwise take them too) and removed afterwards."""

	def test_refusal_survives_rollback(self):
		staff = make_staff()
		contact = make_contact("Rolled Back Tenant")
		protocol = make_protocol(
			contact, director=staff.director, activate_as=staff.head, single_point_of_contact=staff.agent
		)
		ticket = make_ticket(contact)
		frappe.db.commit()  # nosemgrep: see the class docstring
		try:
			frappe.set_user(staff.other_agent)
			with self.assertRaises(ProtocolViolationError):
				frappe.get_doc("HD Ticket", ticket).reply_via_agent(
					message="<p>text-that-must-not-be-lost</p>"
				)
			frappe.db.rollback()
			attempt = frappe.get_all(
				"UAB Contact Attempt", {"contact": contact}, ["action", "content", "attempted_by", "protocol"]
			)
			self.assertEqual(len(attempt), 1)
			self.assertEqual(
				(attempt[0].action, attempt[0].content, attempt[0].attempted_by, attempt[0].protocol),
				("Blocked", "<p>text-that-must-not-be-lost</p>", staff.other_agent, protocol.name),
			)
		finally:
			frappe.set_user("Administrator")
			for doctype, filters in (
				("UAB Contact Attempt", {"contact": contact}),
				("Communication", {"reference_name": ticket}),
				("HD Ticket", {"name": ticket}),
				("UAB Protocol Channel", {"parent": protocol.name}),
				("UAB Protocol Window", {"parent": protocol.name}),
				("UAB Communication Protocol", {"name": protocol.name}),
				("Contact Email", {"parent": contact}),
				("Contact", {"name": contact}),
			):
				frappe.db.delete(doctype, filters)
			clear_protected_index()
			frappe.db.commit()  # nosemgrep: cleaning up what this test committed
