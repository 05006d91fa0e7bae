"""Who may do what with each UAB DocType (SPEC §3; policy 2.2, 7.1, 8.1)."""

import frappe

from uab_helpdesk.api.evidence import CASE_DOCTYPES as EXPORTED_CASE_DOCTYPES
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_staff

CASE_DOCTYPES = (*EXPORTED_CASE_DOCTYPES, "UAB Equality Profile")

# role -> doctype -> the permission types it must have; every other type must be absent.
EXPECTED = {
	"agent": {
		"UAB Incident": {"read", "create", "write", "submit"},
		"UAB Warning": {"read", "create", "write", "submit"},
		"UAB Reply Draft": {"read"},  # made, sent and returned only by api.replies
	},
	"manager": {
		"UAB Incident": {"read", "create", "write", "submit", "cancel"},
		"UAB Warning": {"read", "create", "write", "submit", "cancel"},
		"UAB Assessment": {"read", "create", "write", "submit", "cancel"},
		"UAB Communication Protocol": {"read", "create", "write"},
		"UAB Appeal": {"read", "create", "write"},
		"UAB Protocol Review": {"read", "create", "write", "submit", "cancel"},
		"UAB Contact Attempt": {"read"},
		"UAB Equality Profile": {"read", "create", "write"},
		"UAB Customer Statement": {"read", "create"},
		"UAB Staff Safety Marker": {"read", "create"},
		"UAB Reply Draft": {"read"},
	},
	"head": {
		"UAB Incident": {"read", "create", "write", "submit", "cancel"},
		"UAB Warning": {"read", "create", "write", "submit", "cancel"},
		"UAB Assessment": {"read"},
		"UAB Communication Protocol": {"read", "create", "write", "submit", "cancel"},
		"UAB Appeal": {"read"},
		"UAB Protocol Review": {"read", "create", "write", "submit", "cancel"},
		"UAB Contact Attempt": {"read"},
		"UAB Equality Profile": {"read", "create", "write"},
		"UAB Customer Statement": {"read", "create"},
		"UAB Staff Safety Marker": {"read", "create"},
		"UAB Reply Draft": {"read"},
	},
	"director": {
		"UAB Incident": {"read", "create", "write", "submit"},
		"UAB Warning": {"read", "create", "write", "submit", "cancel"},
		"UAB Assessment": {"read"},
		"UAB Communication Protocol": {"read", "create", "write"},
		"UAB Appeal": {"read", "write", "submit"},
		"UAB Protocol Review": {"read"},
		"UAB Contact Attempt": {"read"},
		"UAB Equality Profile": {"read"},
		"UAB Customer Statement": {"read", "create"},
		"UAB Staff Safety Marker": {"read", "create"},
		"UAB Reply Draft": {"read"},
	},
	"auditor": {doctype: {"read"} for doctype in CASE_DOCTYPES if doctype != "UAB Equality Profile"},
	"customer": {},
}
# Report access follows read access. Agents read no protocol at all: the banner is what they see (8).
for _who, _grants in EXPECTED.items():
	for _doctype, _ptypes in _grants.items():
		if "read" in _ptypes:
			_ptypes.add("report")

PTYPES = ("read", "create", "write", "submit", "cancel", "report")


class TestPermissionMatrix(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def test_each_role_has_exactly_its_permissions_spec_3(self):
		for who, grants in EXPECTED.items():
			user = self.staff[who]
			for doctype in CASE_DOCTYPES:
				for ptype in PTYPES:
					expected = ptype in grants.get(doctype, set())
					# Agents read only their own contact attempts and their tickets': test_need_to_know.
					if who == "agent" and doctype == "UAB Contact Attempt":
						continue
					with self.subTest(who=who, doctype=doctype, ptype=ptype):
						self.assertEqual(bool(frappe.has_permission(doctype, ptype, user=user)), expected)

	def test_customers_read_no_uab_record_by_list_8_1(self):
		with self.set_user(self.staff.customer):
			for doctype in CASE_DOCTYPES:
				with self.subTest(doctype=doctype), self.assertRaises(frappe.PermissionError):
					frappe.get_list(doctype)

	def test_agents_never_read_equality_data_7_1(self):
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			frappe.get_list("UAB Equality Profile")


class TestCustomersReachNothing(UABTestCase):
	"""Policy 8.1: a customer (portal user) reads no UAB record by any route."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from uab_helpdesk.tests.utils import make_contact, make_incident

		cls.staff = make_staff()
		cls.incident = make_incident(make_contact("Private Tenant"))

	def test_not_by_document_rest_or_list(self):
		from frappe.client import get, get_list

		with self.set_user(self.staff.customer):
			with self.assertRaises(frappe.PermissionError):
				get("UAB Incident", self.incident)
			with self.assertRaises(frappe.PermissionError):
				get_list("UAB Incident")

	def test_not_by_report_or_print(self):
		from frappe.desk.query_report import run

		with self.set_user(self.staff.customer):
			with self.assertRaises(frappe.PermissionError):
				run("Incidents by Behaviour Type", ignore_prepared_report=True)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_print("UAB Incident", self.incident)

	def test_not_by_link_search(self):
		from frappe.desk.search import search_link

		with self.set_user(self.staff.customer):
			try:
				found = search_link("UAB Incident", "")
			except frappe.PermissionError:
				found = []
		self.assertEqual(found or [], [])
