"""What installing the app leaves on a Helpdesk site."""

import frappe

from uab_helpdesk.setup.custom_fields import get_custom_fields, make_custom_fields
from uab_helpdesk.tests import UABTestCase


class TestInstall(UABTestCase):
	def test_roles_of_spec_3_exist(self):
		for role in ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor"):
			self.assertTrue(frappe.db.exists("Role", role), role)

	def test_helpdesk_tables_carry_nothing_of_the_app_8(self):
		"""Issue 20: every route that returns a ticket or a message returns all its columns to the
		customer, so the app's state lives in its own DocTypes and Helpdesk's tables have no uab_ column."""
		for doctype in ("HD Ticket", "Communication"):
			columns = [column for column in frappe.db.get_table_columns(doctype) if column.startswith("uab_")]
			self.assertEqual(columns, [], doctype)
		self.assertEqual(get_custom_fields(), {})

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
		from uab_helpdesk.setup.install import after_migrate
		from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME

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


class TestSetupOnALandlordsSite(UABTestCase):
	"""Issue 19: nothing the install writes depends on Helpdesk's data being as shipped."""

	def setUp(self):
		super().setUp()
		self.isolate()

	def test_the_settings_json_names_no_record_the_install_makes_later(self):
		"""Frappe creates a Single with its JSON defaults before `after_install`, and validates links."""
		meta = frappe.get_meta("UAB Settings")
		for field in meta.get_link_fields():
			self.assertFalse(field.default, f"{field.fieldname} has a Link default")

	def test_defaults_fill_only_what_is_empty_and_keep_the_landlords_choice(self):
		from uab_helpdesk.setup.defaults import make_default_settings

		frappe.get_doc({"doctype": "HD Ticket Type", "name": "Landlord safety"}).insert(
			ignore_if_duplicate=True
		)
		frappe.db.set_single_value("UAB Settings", "safety_ticket_type", "Landlord safety")
		make_default_settings()
		self.assertEqual(frappe.db.get_single_value("UAB Settings", "safety_ticket_type"), "Landlord safety")

	def test_a_second_setup_writes_nothing(self):
		from uab_helpdesk.setup.install import ensure_setup

		ensure_setup()
		before = frappe.get_doc("UAB Settings").modified
		ensure_setup()
		self.assertEqual(frappe.get_doc("UAB Settings").modified, before)

	def test_defaults_never_name_a_record_that_is_missing(self):
		"""A landlord who deleted Urgent gets no broken link; the settings say what is missing."""
		from uab_helpdesk.setup.defaults import make_default_settings
		from uab_helpdesk.setup.health import setup_problems

		frappe.db.delete("HD Ticket Priority", {"name": "Urgent"})
		frappe.db.set_single_value("UAB Settings", "safety_priority", None)
		make_default_settings()
		self.assertFalse(frappe.db.get_single_value("UAB Settings", "safety_priority"))
		frappe.clear_document_cache("UAB Settings", "UAB Settings")
		self.assertTrue(any("priority" in problem for problem in setup_problems()))

	def test_settings_say_what_is_missing_above_the_form(self):
		from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME

		frappe.db.set_value("Email Account", {"default_outgoing": 1}, "default_outgoing", 0)
		if frappe.db.exists("DocType", "HD Form Script"):
			frappe.db.set_value("HD Form Script", FORM_SCRIPT_NAME, "enabled", 0)
		settings = frappe.get_doc("UAB Settings")
		settings.run_method("onload")
		problems = settings.get_onload().get("setup_problems")
		self.assertTrue(any("outgoing e-mail account" in problem for problem in problems))
		if frappe.db.exists("DocType", "HD Form Script"):
			self.assertTrue(any(FORM_SCRIPT_NAME in problem for problem in problems))

	def test_a_migrate_repairs_what_is_missing(self):
		"""The agent UI's script and a number card deleted: `after_migrate` makes them again. (A missing
		field is repaired too; that is proven on a half-installed site by .ci/bench.sh, as making a column
		commits, which a test's transaction cannot undo.)"""
		from uab_helpdesk.setup.install import after_migrate
		from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME

		frappe.db.delete("Number Card", {"name": "UAB Open Appeals"})
		if frappe.db.exists("DocType", "HD Form Script"):
			frappe.db.delete("HD Form Script", {"name": FORM_SCRIPT_NAME})
		after_migrate()
		self.assertTrue(frappe.db.exists("Number Card", "UAB Open Appeals"))
		if frappe.db.exists("DocType", "HD Form Script"):
			self.assertTrue(frappe.db.exists("HD Form Script", FORM_SCRIPT_NAME))


class TestPatchesRunAgain(UABTestCase):
	"""Issue 19, point 3: every patch may run again (an interrupted migrate) and changes nothing twice."""

	def test_every_patch_runs_twice_and_keeps_the_landlords_choices(self):
		from frappe.modules.patch_handler import get_patches_from_app

		frappe.db.set_single_value("UAB Settings", "subject_access_staff_as_roles", 0)
		terms = len(frappe.get_doc("UAB Settings").safety_terms)
		patches = [
			patch for patch in get_patches_from_app("uab_helpdesk") if not patch.startswith("execute:")
		]
		self.assertTrue(patches)
		for patch in patches * 2:
			frappe.get_attr(f"{patch.split()[0]}.execute")()
		settings = frappe.get_doc("UAB Settings")
		self.assertEqual(settings.subject_access_staff_as_roles, 0)
		self.assertEqual(len(settings.safety_terms), terms)
