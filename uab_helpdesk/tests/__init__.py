"""Frappe-side test helpers. `UABTestCase` is frappe's integration test base on v15 and v16 alike."""

try:  # Frappe v16 (and late v15): IntegrationTestCase
	from frappe.tests import IntegrationTestCase as UABTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as UABTestCase

__all__ = ["UABTestCase"]
