"""The Ombudsman evidence pack (issue: the ladder, part 6)."""

import io
import json
import zipfile

import frappe

from uab_helpdesk.api.evidence import build_case_archive, export_case
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_staff, make_warning


class TestEvidencePack(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.contact = make_contact("Investigated Tenant")
		incident = make_incident(cls.contact)
		cls.warning = make_warning(cls.contact, "Initial", [incident])
		cls.protocol = make_protocol(
			cls.contact, director=cls.staff.director, activate_as=cls.staff.head
		).name

	def test_the_whole_case_with_its_letters_is_in_one_zip(self):
		with self.set_user(self.staff.auditor):
			archive = zipfile.ZipFile(io.BytesIO(build_case_archive(self.contact)))
		names = set(archive.namelist())
		self.assertTrue(
			{
				"index.json",
				"uab_incident.json",
				"uab_warning.json",
				"uab_communication_protocol.json",
				"uab_contact_attempt.json",
			}
			<= names
		)
		self.assertIn(f"letters/{self.protocol}.html", names)
		self.assertIn(f"letters/{self.warning}.html", names)
		index = json.loads(archive.read("index.json"))
		self.assertEqual(index["records"]["UAB Communication Protocol"], [self.protocol])
		self.assertIn(
			"How we will communicate with you", archive.read(f"letters/{self.protocol}.html").decode()
		)

	def test_agents_and_customers_cannot_export(self):
		for user in (self.staff.agent, self.staff.customer):
			with self.set_user(user), self.assertRaises(frappe.PermissionError):
				export_case(self.contact)

	def test_the_export_is_recorded_on_the_contact(self):
		with self.set_user(self.staff.manager):
			export_case(self.contact)
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_doctype": "Contact",
					"reference_name": self.contact,
					"content": ("like", "%exported for the Ombudsman%"),
				},
			)
		)
