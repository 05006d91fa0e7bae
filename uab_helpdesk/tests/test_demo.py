"""The demo caseload: every stage, idempotent, and removable without a trace (issue: a newcomer's first hour)."""

import frappe

from uab_helpdesk import demo
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.ticket_state import TICKET_STATE

COUNTED = (
	*("Contact", "User", "HD Agent", "HD Ticket", "Communication", "ToDo", "Comment", "DocShare"),
	*("DefaultValue", "Notification Settings", "Has Role", *demo.UAB_DOCTYPES),
)


class TestDemo(UABTestCase):
	def counts(self) -> dict:
		return {doctype: frappe.db.count(doctype) for doctype in COUNTED}

	def test_create_twice_then_delete_leaves_the_site_as_before(self):
		if frappe.db.exists("Contact", {"first_name": demo.CUSTOMERS["review"]}):
			self.skipTest("this site holds the demo caseload already; the test would remove it")
		before = self.counts()
		self.addCleanup(demo.delete)  # create commits: never leave the demo behind on a failure
		demo.create()
		after_one = self.counts()
		demo.create()
		self.assertEqual(self.counts(), after_one, "running create twice changes nothing")
		demo_tickets = frappe.get_all("HD Ticket", {"raised_by": ("like", "%@uab-demo.test")}, pluck="name")
		stages = {
			"protocols": frappe.db.count(
				"UAB Communication Protocol", {"contact": ("like", "Demo %"), "status": "Active"}
			),
			"appeals": frappe.db.count("UAB Appeal", {"contact": ("like", "Demo %")}),
			"reviews": frappe.db.count("UAB Protocol Review", {"contact": ("like", "Demo %")}),
			"draft assessments": frappe.db.count(
				"UAB Assessment", {"contact": ("like", "Demo %"), "docstatus": 0}
			),
			"authorised, letter not sent": frappe.db.count(
				"UAB Communication Protocol", {"contact": ("like", "Demo %"), "status": "Authorised"}
			),
			"immediate action": frappe.db.count(
				"UAB Communication Protocol",
				{"contact": ("like", "Demo %"), "authorising_director": "demo.director@uab-demo.test"},
			),
			"held tickets": frappe.db.count(TICKET_STATE, {"ticket": ("in", demo_tickets), "held": 1}),
			"health-and-safety matters": frappe.db.count(
				TICKET_STATE, {"ticket": ("in", demo_tickets), "safety_matter": "Gas"}
			),
			"staff-safety markers": frappe.db.count(
				"UAB Staff Safety Marker", {"contact": ("like", "Demo %"), "status": "Active"}
			),
			"welfare follow-ups": frappe.db.count(
				"UAB Welfare Follow-up", {"staff_member": "demo.officer@uab-demo.test", "status": "Open"}
			),
			"third-party tickets": frappe.db.count(
				TICKET_STATE,
				{
					"ticket": (
						"in",
						frappe.get_all(
							"HD Ticket", {"raised_by": ("like", "demo.morgan.advocate@%")}, pluck="name"
						),
					),
					"protocol": ("is", "set"),
				},
			),
			"reviews with computed evidence": frappe.db.count(
				"UAB Protocol Review", {"contact": ("like", "Demo %"), "period_from": ("is", "set")}
			),
		}
		self.assertEqual(
			stages,
			{
				"protocols": 5,
				"appeals": 1,
				"reviews": 1,
				"draft assessments": 1,
				"authorised, letter not sent": 1,
				"immediate action": 1,
				"held tickets": 2,
				"health-and-safety matters": 1,
				"staff-safety markers": 1,
				"welfare follow-ups": 1,
				"third-party tickets": 1,
				"reviews with computed evidence": 1,
			},
			"every stage of 6.3-6.5 is there, with a ticket held over the issue limit (6.4.3) and a "
			"repairs request held during a health-and-safety-only period (6.4.4), a gas smell that is "
			"not, a staff-safety marker and welfare follow-up (6.3.1, 2.2), and an advocate's ticket (6.4.1)",
		)
		demo.delete()
		self.assertEqual(self.counts(), before)
