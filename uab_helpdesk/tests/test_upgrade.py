"""A site that ran the previous release, with a live caseload, migrated to this code (issue 19, point 3).

`.ci/run` makes such a site from nothing: Helpdesk, the previous release of this app, its demo caseload (live
protocols, a ticket held over the issue limit, its contact attempt), then this commit and `bench migrate`.
It writes what the site held before the migrate to a JSON file and names it in the site's config as
`uab_upgrade_baseline`; on any other site these tests skip.
"""

import json
import os

import frappe

from uab_helpdesk.enforcement import ProtocolViolationError
from uab_helpdesk.protection import protocol_of_contact
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.ticket_state import ticket_state


def baseline() -> dict | None:
	path = frappe.conf.get("uab_upgrade_baseline")
	if not path or not os.path.exists(path):
		return None
	with open(path) as file:
		return json.load(file)


class TestUpgradeFromThePreviousRelease(UABTestCase):
	def setUp(self):
		self.before = baseline()
		if not self.before:
			self.skipTest("not an upgraded site (.ci/run makes one)")

	def test_every_record_of_the_caseload_is_still_there(self):
		self.assertTrue(self.before["records"], "the baseline lists the caseload")
		for doctype, docstatus_of in self.before["records"].items():
			now = dict(frappe.get_all(doctype, fields=["name", "docstatus"], as_list=True))
			self.assertFalse(set(docstatus_of) - set(now), f"{doctype} lost records in the migrate")
			for name, docstatus in docstatus_of.items():
				self.assertEqual(now[name], docstatus, f"{doctype} {name} changed state in the migrate")

	def test_held_tickets_stay_held_on_their_protocol_6_4_3(self):
		self.assertTrue(self.before["held_tickets"], "the demo holds a ticket over the issue limit")
		for ticket, protocol in self.before["held_tickets"].items():
			# Moved off HD Ticket into the app's own record by the migrate (issue 20).
			state = ticket_state(ticket)
			self.assertEqual((state.held, state.protocol), (1, protocol), ticket)

	def test_every_active_protocol_is_still_enforced_6_4_2(self):
		"""Each protocol Active before is Active after, protects its customer, and an agent who is not its
		single point of contact still cannot e-mail that customer."""
		self.assertTrue(self.before["active_protocols"])
		agent = self.before["agent"]
		for protocol, contact in self.before["active_protocols"].items():
			self.assertEqual(frappe.db.get_value("UAB Communication Protocol", protocol, "status"), "Active")
			self.assertEqual(protocol_of_contact(contact), protocol)
		ticket = frappe.get_doc("HD Ticket", next(iter(self.before["held_tickets"])))
		with self.set_user(agent), self.assertRaises(ProtocolViolationError):
			ticket.reply_via_agent(message="<p>upgrade-check</p>", to=ticket.raised_by)
		self.assertFalse(frappe.db.exists("Communication", {"content": ("like", "%upgrade-check%")}))

	def test_contact_attempts_are_kept(self):
		self.assertGreaterEqual(frappe.db.count("UAB Contact Attempt"), self.before["contact_attempts"])
		self.assertTrue(self.before["contact_attempts"], "the demo's held ticket recorded an attempt")

	def test_the_upgraded_site_lacks_nothing_the_app_needs(self):
		from uab_helpdesk.setup.health import setup_problems

		problems = [problem for problem in setup_problems() if "e-mail account" not in problem]
		self.assertEqual(problems, [])
