"""What installing the app leaves on a Helpdesk site."""

import frappe

from uab_helpdesk.setup.install import get_custom_fields, make_custom_fields
from uab_helpdesk.tests import UABTestCase


class TestInstall(UABTestCase):
	def test_roles_of_spec_3_exist(self):
		for role in ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor"):
			self.assertTrue(frappe.db.exists("Role", role), role)

	def test_hd_ticket_has_the_uab_fields(self):
		meta = frappe.get_meta("HD Ticket")
		for field in get_custom_fields()["HD Ticket"]:
			self.assertTrue(meta.has_field(field["fieldname"]), field["fieldname"])

	def test_custom_fields_are_idempotent(self):
		before = frappe.db.count("Custom Field", {"dt": "HD Ticket", "fieldname": ("like", "uab_%")})
		make_custom_fields()
		self.assertEqual(
			frappe.db.count("Custom Field", {"dt": "HD Ticket", "fieldname": ("like", "uab_%")}), before
		)

	def test_always_allowed_ticket_types_exist(self):
		self.assertTrue(frappe.db.exists("HD Ticket Type", "Health and safety"))

	def test_before_install_rebuilds_a_module_map_that_lacks_this_app(self):
		"""A site command run before `bench get-app` caches a module map without this app (Frappe < #41437)."""
		from uab_helpdesk.setup.install import before_install

		frappe.setup_module_map()
		stale = {app: modules for app, modules in frappe.local.app_modules.items() if app != "uab_helpdesk"}
		frappe.local.app_modules = stale
		frappe.cache.set_value("app_modules", stale)
		self.addCleanup(frappe.setup_module_map)
		self.addCleanup(frappe.cache.delete_value, "app_modules")
		before_install()
		self.assertIn("uab_helpdesk", frappe.local.app_modules)
		self.assertIn("uab_helpdesk", frappe.cache.get_value("app_modules"))
		self.assertEqual(frappe.local.module_app["uab_helpdesk"], "uab_helpdesk")

	def test_a_migrate_that_changes_nothing_writes_nothing(self):
		"""Helpdesk's own tests take the newest HD Form Script; a migrate must not rewrite ours (nor our
		fields and number cards) when nothing changed."""
		from uab_helpdesk.setup.install import FORM_SCRIPT_NAME, after_migrate

		after_migrate()  # bring everything up to date first

		def stamps():
			return (
				frappe.get_all("Custom Field", {"fieldname": ("like", "uab_%")}, ["name", "modified"]),
				frappe.get_all("Number Card", {"name": ("like", "UAB %")}, ["name", "modified"]),
				frappe.db.get_value("HD Form Script", FORM_SCRIPT_NAME, "modified")
				if frappe.db.exists("DocType", "HD Form Script")
				else None,
			)

		before = stamps()
		after_migrate()
		self.assertEqual(stamps(), before)
