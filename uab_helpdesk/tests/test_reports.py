"""The standard reports return the right rows to the right people (SPEC §8; policy 7.1, 9.2)."""

from contextlib import contextmanager

import frappe
from frappe.desk.query_report import run
from frappe.utils import add_days, today

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_staff
from uab_helpdesk.uab_helpdesk.report import STANDARD_REPORTS as REPORTS


@contextmanager
def as_user(user: str):
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(previous)


def rows(report: str, **filters) -> list:
	return run(report, filters=filters, ignore_prepared_report=True)["result"]


class TestReports(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		# The site may already hold other customers' protocols and profiles: the tests compare with this.
		cls.mixed_before = cls.mixed_group()
		cls.contacts = [make_contact(f"Reported Tenant {i}") for i in range(4)]
		cls.protocol = make_protocol(cls.contacts[0], director=cls.staff.director, activate_as=cls.staff.head)
		frappe.db.set_value(
			"UAB Communication Protocol", cls.protocol.name, "review_due_date", add_days(today(), -2)
		)
		cls.incident = make_incident(cls.contacts[1], behaviour_type="Vexatious")
		for contact, ethnicity in zip(
			cls.contacts, ("Mixed or multiple ethnic groups", "White", "White", "White"), strict=True
		):
			frappe.get_doc(
				{
					"doctype": "UAB Equality Profile",
					"contact": contact,
					"lawful_basis": "Public task – Article 6(1)(e)",
					"ethnicity": ethnicity,
				}
			).insert()

	def test_every_report_of_the_spec_exists_and_runs_for_a_manager_8(self):
		with self.set_user(self.staff.manager):
			for report in REPORTS:
				with self.subTest(report=report):
					self.assertTrue(frappe.db.exists("Report", report))
					frappe.get_doc("Report", report).get_data(filters={}) if frappe.db.get_value(
						"Report", report, "report_type"
					) == "Report Builder" else rows(report)

	def test_registers_return_the_seeded_rows(self):
		with self.set_user(self.staff.manager):
			appeal = frappe.get_doc(
				{
					"doctype": "UAB Appeal",
					"protocol": self.protocol.name,
					"received_via": "Letter",
					"grounds": "Unfair.",
				}
			).insert()
		attempt = frappe.get_doc(
			{
				"doctype": "UAB Contact Attempt",
				"action": "Held",
				"direction": "Incoming",
				"channel": "Email",
				"attempted_on": frappe.utils.now_datetime(),
				"contact": self.contacts[0],
			}
		).insert(ignore_permissions=True)
		with self.set_user(self.staff.auditor):

			def names(report):
				_columns, data = frappe.get_doc("Report", report).get_data(filters={}, limit=1000)
				return {row[0] for row in data}

			self.assertIn(appeal.name, names("Open Appeals"))
			self.assertIn(self.incident, names("Incident Register"))
			self.assertIn(attempt.name, names("Blocked and Held Contact Attempts"))

	def test_outcomes_count_decisions(self):
		with self.set_user(self.staff.auditor):
			outcomes = rows("Appeal and Review Outcomes")
		self.assertTrue(all(set(row) == {"kind", "decision", "decided"} for row in outcomes))

	def test_active_protocols_lists_the_active_one(self):
		with self.set_user(self.staff.auditor):
			_columns, data = frappe.get_doc("Report", "Active Protocols").get_data(filters={}, as_dict=True)
		self.assertIn(self.protocol.name, [row.get("name") or row.get("Name") for row in data])

	def test_overdue_review_is_listed_6_5_6(self):
		with self.set_user(self.staff.head):
			found = [row for row in rows("Reviews Due and Overdue") if row["name"] == self.protocol.name]
		self.assertEqual(found[0]["days_left"], -2)

	def test_incidents_by_behaviour_type_counts_and_charts(self):
		with self.set_user(self.staff.manager):
			result = run(
				"Incidents by Behaviour Type",
				filters={"behaviour_type": "Vexatious"},
				ignore_prepared_report=True,
			)
		self.assertGreaterEqual(sum(row.get("vexatious", 0) for row in result["result"]), 1)
		self.assertEqual(result["chart"]["type"], "bar")

	@classmethod
	def mixed_group(cls) -> dict:
		with as_user(cls.staff.manager):
			found = [
				row
				for row in rows("Equality Monitoring", characteristic="ethnicity")
				if row["group"] == "Mixed or multiple ethnic groups"
			]
		return found[0] if found else {"restricted": 0}

	def test_equality_monitoring_compares_restricted_with_everyone_7_1(self):
		"""Our one restricted customer with a Mixed profile is counted, on top of what the site held."""
		now = self.mixed_group()
		self.assertEqual(now["restricted"], self.mixed_before["restricted"] + 1)
		self.assertGreater(now["restricted_share"], 0)

	def test_equality_monitoring_is_for_managers_and_above_only_7_1(self):
		for user in (self.staff.agent, self.staff.auditor, self.staff.customer):
			with self.subTest(user=user), self.set_user(user), self.assertRaises(frappe.PermissionError):
				rows("Equality Monitoring")


class TestWorkspace(UABTestCase):
	def test_the_workspace_page_loads_for_a_manager_8(self):
		from frappe.desk.desktop import get_desktop_page

		staff = make_staff()
		with self.set_user(staff.manager):
			page = get_desktop_page(
				frappe.as_json({"name": "Unacceptable Behaviour", "title": "Unacceptable Behaviour"})
			)
		cards = {card.get("number_card_name") for card in page["number_cards"]["items"]}
		self.assertEqual(len(cards), 5)
		self.assertIn(
			"UAB Held Not Yet Read", cards, "issue 21: held messages not yet read, on the workspace"
		)
		self.assertTrue(page["shortcuts"]["items"])

	def test_the_workspace_and_its_number_cards_are_installed_8(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		from uab_helpdesk.setup.ui import get_number_cards

		workspace = frappe.get_doc("Workspace", "Unacceptable Behaviour")
		self.assertEqual(
			{row.number_card_name for row in workspace.number_cards},
			{card["name"] for card in get_number_cards()},
		)
		staff = make_staff()
		make_protocol(make_contact("Counted Tenant"), director=staff.director, activate_as=staff.head)
		card = frappe.get_doc("Number Card", "UAB Active Protocols")
		self.assertGreaterEqual(get_result(card.as_dict(), card.filters_json), 1)
		for other in get_number_cards():  # every card's filters are valid for its DocType
			doc = frappe.get_doc("Number Card", other["name"])
			self.assertGreaterEqual(get_result(doc.as_dict(), doc.filters_json), 0)


class TestTeamFilter(UABTestCase):
	@classmethod
	def setUpClass(cls):
		# Registered first, so it runs last, after the class's rollback: on Helpdesk v1.28 a team with
		# members makes an Assignment Rule, which Frappe caches; the cache must not outlive the rollback.
		cls.addClassCleanup(frappe.clear_cache)
		super().setUpClass()

	def test_incidents_can_be_seen_team_by_team(self):
		agent = make_staff().agent  # Helpdesk v1.28 requires a team to have members
		team = frappe.get_doc(
			{"doctype": "HD Team", "team_name": "UAB Estates Team", "users": [{"user": agent}]}
		).insert(ignore_permissions=True, ignore_if_duplicate=True)
		contact = make_contact("Team Tenant")
		ticket = frappe.get_doc(
			{
				"doctype": "HD Ticket",
				"subject": "Lift",
				"raised_by": "team.tenant@tenant.test",
				"agent_group": team.name,
			}
		).insert(ignore_permissions=True)
		make_incident(contact, ticket=ticket.name, behaviour_type="Aggressive")
		in_team = rows("Incidents by Behaviour Type", team=team.name)
		self.assertEqual(sum(row.get("aggressive", 0) for row in in_team), 1)
