# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe

from uab_helpdesk.tests import UABTestCase


class TestUABSettings(UABTestCase):
	def test_defaults_follow_the_spec(self):
		settings = frappe.get_single("UAB Settings")
		self.assertEqual(
			(
				settings.review_period_months,
				settings.lookback_months,
				settings.review_reminder_days,
				settings.enforcement_mode,
			),
			(6, 12, 14, "Block"),
		)
		self.assertIn("Health and safety", [row.ticket_type for row in settings.always_allowed_ticket_types])

	def test_lookback_shorter_than_twelve_months_is_refused_6_5_3(self):
		settings = frappe.get_single("UAB Settings")
		settings.lookback_months = 6
		with self.assertRaises(frappe.ValidationError):
			settings.save()
		self.assertEqual(frappe.db.get_single_value("UAB Settings", "lookback_months"), 12)
