"""Frappe-side test helpers. `UABTestCase` is frappe's integration test base on v15 and v16 alike."""

try:  # Frappe v16 (and late v15): IntegrationTestCase
	from frappe.tests import IntegrationTestCase as _FrappeTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as _FrappeTestCase


class UABTestCase(_FrappeTestCase):
	def isolate(self) -> None:
		"""Undo this test's writes when it ends (Frappe v15 rolls back only once a class has run): for
		tests that change data other tests of the class rely on, such as Helpdesk's ticket types."""
		import frappe

		name = f"uab_{frappe.generate_hash(length=8)}"
		frappe.db.savepoint(name)

		def undo():
			try:
				frappe.db.rollback(save_point=name)
			except Exception:
				# A schema change (DDL) commits, and with it ends the savepoint: nothing left to undo.
				frappe.db.rollback()

		self.addCleanup(undo)

	def tearDown(self):
		# A refusal inside a test's transaction is asserted by the test, never committed to the site.
		from uab_helpdesk.attempts import discard_pending

		discard_pending()
		super().tearDown()


__all__ = ["UABTestCase"]
