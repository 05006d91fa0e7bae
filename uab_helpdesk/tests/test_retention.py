"""Closed cases are anonymised after the retention period, keeping what the registers count (policy 8.1)."""

import frappe
from frappe.utils import add_years, now_datetime

from uab_helpdesk.retention import anonymise_closed_cases
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_staff


class TestRetention(UABTestCase):
	def test_old_closed_case_is_anonymised_and_still_counted_8_1(self):
		contact = make_contact("Long Ago Tenant")
		incident = make_incident(
			contact, behaviour_type="Vexatious", description="Sent 90 emails in a day about the bins."
		)
		frappe.db.set_value("UAB Incident", incident, "occurred_on", add_years(now_datetime(), -7))
		frappe.get_doc(
			{
				"doctype": "UAB Equality Profile",
				"contact": contact,
				"lawful_basis": "Public task – Article 6(1)(e)",
			}
		).insert()
		before = frappe.db.count("UAB Incident", {"behaviour_type": "Vexatious", "docstatus": 1})
		anonymise_closed_cases()
		record = frappe.db.get_value(
			"UAB Incident",
			incident,
			["contact", "contact_name", "description", "behaviour_type"],
			as_dict=True,
		)
		self.assertEqual(
			(record.contact, record.contact_name, record.description), (None, "[anonymised]", "[anonymised]")
		)
		self.assertEqual(record.behaviour_type, "Vexatious")
		self.assertEqual(
			frappe.db.count("UAB Incident", {"behaviour_type": "Vexatious", "docstatus": 1}), before
		)
		self.assertFalse(frappe.db.exists("UAB Equality Profile", {"contact": contact}))

	def test_recent_or_protected_cases_are_kept_8_1(self):
		staff = make_staff()
		recent = make_contact("Recent Tenant")
		recent_incident = make_incident(recent)
		protected = make_contact("Protected Old Tenant")
		old_incident = make_incident(protected)
		frappe.db.set_value("UAB Incident", old_incident, "occurred_on", add_years(now_datetime(), -9))
		make_protocol(protected, director=staff.director, activate_as=staff.head)
		anonymise_closed_cases()
		self.assertEqual(frappe.db.get_value("UAB Incident", recent_incident, "contact"), recent)
		self.assertEqual(frappe.db.get_value("UAB Incident", old_incident, "contact"), protected)
