"""Frappe-side test helpers. `UABTestCase` is frappe's integration test base on v15 and v16 alike."""

try:  # Frappe v16 (and late v15): IntegrationTestCase
	from frappe.tests import IntegrationTestCase as _FrappeTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as _FrappeTestCase


class UABTestCase(_FrappeTestCase):
	def tearDown(self):
		# A refusal inside a test's transaction is asserted by the test, never committed to the site.
		from uab_helpdesk.attempts import discard_pending

		discard_pending()
		super().tearDown()


__all__ = ["UABTestCase"]
