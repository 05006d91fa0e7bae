# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe.utils import now_datetime

from uab_helpdesk.tests import UABTestCase


class TestUABContactAttempt(UABTestCase):
	def test_an_attempt_is_an_audit_record_that_cannot_change_or_go(self):
		doc = frappe.get_doc(
			{
				"doctype": "UAB Contact Attempt",
				"action": "Blocked",
				"direction": "Outgoing",
				"channel": "Email",
				"attempted_on": now_datetime(),
				"content": "<p>Dear J, ...</p>",
			}
		).insert(ignore_permissions=True)
		doc.content = "changed"
		with self.assertRaises(frappe.ValidationError):
			doc.save(ignore_permissions=True)
		with self.assertRaises(frappe.ValidationError):
			doc.delete(ignore_permissions=True)
		self.assertEqual(
			frappe.db.get_value("UAB Contact Attempt", doc.name, "content"), "<p>Dear J, ...</p>"
		)
