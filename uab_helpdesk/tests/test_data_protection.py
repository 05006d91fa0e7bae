"""Need to know, subject access and the customer's side of the record (UK GDPR Articles 5, 15, 16;
policy 8). Each refusal is tried first, as the attack it is."""

import io
import json
import zipfile

import frappe
from frappe.desk.form.assign_to import add as assign
from werkzeug.wrappers import Response

from uab_helpdesk.api.evidence import build_case_archive, export_subject_access
from uab_helpdesk.subject_access import subject_access_html
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_staff, make_ticket
from uab_helpdesk.utils import UABValidationError

ADJUSTMENT = "Letters read aloud: the customer has a visual impairment."


class TestNeedToKnow(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.contact = make_contact("Need To Know Tenant")
		cls.ticket = make_ticket(cls.contact)
		frappe.set_user(cls.staff.agent)
		cls.incident = make_incident(cls.contact, ticket=cls.ticket)
		frappe.set_user("Administrator")
		cls.protocol = make_protocol(
			make_contact("Adjusted Tenant"),
			director=cls.staff.director,
			activate_as=cls.staff.head,
			reasonable_adjustments=ADJUSTMENT,
		).name

	def test_an_agent_reads_no_incident_they_neither_recorded_nor_are_assigned_8(self):
		from frappe.client import get

		with self.set_user(self.staff.other_agent):
			self.assertNotIn(self.incident, frappe.get_list("UAB Incident", pluck="name"))
			with self.assertRaises(frappe.PermissionError):
				get("UAB Incident", self.incident)

	def test_an_agent_reads_the_incidents_of_tickets_assigned_to_them_8(self):
		from frappe.client import get

		assign({"assign_to": [self.staff.other_agent], "doctype": "HD Ticket", "name": self.ticket})
		with self.set_user(self.staff.other_agent):
			self.assertIn(self.incident, frappe.get_list("UAB Incident", pluck="name"))
			self.assertEqual(get("UAB Incident", self.incident)["name"], self.incident)

	def test_the_officer_who_recorded_it_reads_it_but_not_its_support_needs_8(self):
		from frappe.client import get

		frappe.db.set_value("UAB Incident", self.incident, "support_needs_noted", "Has autism.")
		with self.set_user(self.staff.agent):
			self.assertIsNone(get("UAB Incident", self.incident).get("support_needs_noted"))
		with self.set_user(self.staff.manager):
			self.assertEqual(get("UAB Incident", self.incident)["support_needs_noted"], "Has autism.")

	def test_an_agent_reads_no_protocol_the_banner_is_all_they_see_8(self):
		from frappe.client import get

		with self.set_user(self.staff.agent):
			with self.assertRaises(frappe.PermissionError):
				get("UAB Communication Protocol", self.protocol)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list("UAB Communication Protocol")

	def test_reasonable_adjustments_reach_managers_only_never_an_auditor_8(self):
		from frappe.client import get

		with self.set_user(self.staff.manager):
			self.assertEqual(
				get("UAB Communication Protocol", self.protocol)["reasonable_adjustments"], ADJUSTMENT
			)
		with self.set_user(self.staff.auditor):
			self.assertIsNone(get("UAB Communication Protocol", self.protocol).get("reasonable_adjustments"))
			listed = frappe.get_list(
				"UAB Communication Protocol", fields=["*"], filters={"name": self.protocol}
			)
			self.assertNotIn(ADJUSTMENT, json.dumps(listed, default=str))
			contact = frappe.db.get_value("UAB Communication Protocol", self.protocol, "contact")
			archive = zipfile.ZipFile(io.BytesIO(build_case_archive(contact)))
			self.assertNotIn(ADJUSTMENT, "".join(archive.read(name).decode() for name in archive.namelist()))


class TestSubjectAccessAndStatements(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.addClassCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		cls.staff = make_staff()
		cls.contact = make_contact("Asking Tenant")
		cls.other = make_contact("Other Tenant")
		frappe.set_user(cls.staff.agent)
		cls.incident = make_incident(
			cls.contact,
			description="Shouted at the counter about the boiler.",
			staff_affected=cls.staff.agent,
		)
		cls.others_incident = make_incident(cls.other, description="Kicked the office door twice.")
		frappe.set_user("Administrator")

	def statement(self, user: str, **fields):
		with self.set_user(user):
			return frappe.get_doc(
				{
					"doctype": "UAB Customer Statement",
					"record_type": "UAB Incident",
					"record": self.incident,
					"received_via": "Letter",
					"statement": "I raised my voice because the boiler had failed again.",
					**fields,
				}
			).insert()

	def test_an_agent_cannot_record_a_statement_and_nothing_is_written_16(self):
		before = frappe.db.count("UAB Customer Statement")
		with self.assertRaises(frappe.PermissionError):
			self.statement(self.staff.agent)
		self.assertEqual(frappe.db.count("UAB Customer Statement"), before)

	def test_a_manager_records_the_customers_side_in_their_own_name_and_it_never_changes_16(self):
		statement = self.statement(self.staff.manager, recorded_by=self.staff.director)
		self.assertEqual((statement.recorded_by, statement.contact), (self.staff.manager, self.contact))
		statement.statement = "Rewritten later."
		with self.assertRaises(UABValidationError):
			statement.save(ignore_permissions=True)
		archive = zipfile.ZipFile(io.BytesIO(build_case_archive(self.contact)))
		self.assertIn("boiler had failed again", archive.read("uab_customer_statement.json").decode())

	def test_an_agent_cannot_export_what_we_hold_and_nothing_is_logged_15(self):
		comments = frappe.db.count("Comment", {"reference_name": self.contact})
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			export_subject_access(self.contact)
		self.assertEqual(frappe.db.count("Comment", {"reference_name": self.contact}), comments)

	def test_the_export_holds_every_record_of_the_person_and_nothing_of_anyone_else_15(self):
		frappe.db.set_single_value("UAB Settings", "subject_access_staff_as_roles", 1)
		self.statement(self.staff.manager)
		with self.set_user(self.staff.manager):
			export_subject_access(self.contact)
			html = subject_access_html(self.contact)
		self.assertIn(self.incident, html)
		self.assertIn("Shouted at the counter about the boiler.", html)
		self.assertIn("boiler had failed again", html)
		self.assertIn("Contents", html)
		self.assertNotIn(self.others_incident, html)
		self.assertNotIn("Kicked the office door", html)
		agent_name = frappe.db.get_value("User", self.staff.agent, "full_name")
		self.assertNotIn(self.staff.agent, html, "staff appear as their role")
		self.assertNotIn(agent_name, html)
		self.assertIn("a housing officer", html)
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{"reference_name": self.contact, "content": ("like", "UAB: Subject access export made by%")},
			)
		)

	def test_the_landlord_may_name_staff_in_the_export_15(self):
		frappe.db.set_single_value("UAB Settings", "subject_access_staff_as_roles", 0)
		with self.set_user(self.staff.manager):
			self.assertIn(self.staff.agent, subject_access_html(self.contact))


class TestErrorLogHoldsNoMessageText(UABTestCase):
	def test_a_failure_is_logged_with_where_it_failed_never_what_the_customer_wrote_8_1(self):
		from uab_helpdesk.utils import log_failure

		try:
			raise ValueError("My daughter has leukaemia and I cannot cope")
		except ValueError:
			log_failure("UAB Helpdesk: test failure", "Contact", "no-such")
		logged = frappe.get_last_doc("Error Log", filters={"method": "UAB Helpdesk: test failure"})
		self.assertIn("ValueError", logged.error)
		self.assertIn("test_data_protection.py", logged.error)
		self.assertNotIn("leukaemia", logged.error)
