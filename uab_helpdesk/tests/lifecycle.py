"""Checks of a whole install's life, run by `.ci/run` on throwaway sites it makes from nothing:

    bench --site SITE execute uab_helpdesk.tests.lifecycle.assert_installed
    bench --site SITE execute "__import__('uab_helpdesk.tests.lifecycle', fromlist=['_']).assert_nothing_left"
    bench --site SITE execute "__import__('uab_helpdesk.tests.lifecycle', fromlist=['_']).check_interrupted_install"

(the last two on a site without the app, where `bench execute` takes an expression, not a dotted path).
Each raises AssertionError, so the bench command fails, when the site is not as it should be. They are
not unit tests: installing and uninstalling an app cannot happen inside a test's transaction.
"""

from unittest import mock

import frappe

APP = "uab_helpdesk"
ROLES = ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor")


def assert_installed() -> None:
	"""Everything the install makes is there, and a migrate would have nothing to repair."""
	from uab_helpdesk.setup.custom_fields import LEGACY_FIELDS, get_custom_fields
	from uab_helpdesk.setup.health import setup_problems
	from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME, get_number_cards

	assert APP in frappe.get_installed_apps(), "the app is not listed as installed"
	for doctype, fields in get_custom_fields().items():
		meta = frappe.get_meta(doctype)
		for field in fields:
			assert meta.has_field(field["fieldname"]), f"{doctype}.{field['fieldname']} is missing"
	# Issue 20: nothing of the app on Helpdesk's tables, where a customer's routes would reach it.
	for doctype, fieldnames in LEGACY_FIELDS.items():
		for fieldname in fieldnames:
			assert not frappe.db.has_column(doctype, fieldname), f"{doctype}.{fieldname} is still there"
	for role in ROLES:
		assert frappe.db.exists("Role", role), f"role {role} is missing"
	if frappe.db.exists("DocType", "HD Form Script"):
		assert frappe.db.get_value("HD Form Script", FORM_SCRIPT_NAME, "enabled"), "no agent-UI banner"
	for card in get_number_cards():
		assert frappe.db.exists("Number Card", card["name"]), f"number card {card['name']} is missing"
	for print_format in ("UAB Warning Letter", "UAB Protocol Letter", "UAB Reply Letter"):
		assert frappe.db.exists("Print Format", print_format), f"print format {print_format} is missing"
	settings = frappe.get_single("UAB Settings")
	assert settings.safety_terms, "UAB Settings has no health-and-safety terms"
	assert settings.always_allowed_ticket_types, "UAB Settings lists no always-allowed topic"
	assert frappe.get_all("Scheduled Job Type", {"method": ("like", f"{APP}.%")}), "no scheduled job"
	# A fresh site has no outgoing e-mail account: that is said, not failed. Nothing else may be missing.
	problems = [problem for problem in setup_problems() if "e-mail account" not in problem]
	assert not problems, problems
	print(f"{APP}: installed and complete on {frappe.local.site}")


def assert_nothing_left() -> None:
	"""After `uninstall-app`: no field, column, script, job, role, DocType or module record of the app."""
	from uab_helpdesk.setup.custom_fields import LEGACY_FIELDS, get_custom_fields
	from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME

	frappe.clear_cache()
	assert APP not in frappe.get_installed_apps(), "the app is still listed as installed"
	left = []
	for doctype, fields in get_custom_fields().items():
		for field in fields:
			if frappe.db.exists("Custom Field", {"dt": doctype, "fieldname": field["fieldname"]}):
				left.append(f"Custom Field {doctype}.{field['fieldname']}")
			if frappe.db.has_column(doctype, field["fieldname"]):
				left.append(f"column {doctype}.{field['fieldname']}")
	for doctype, fieldnames in LEGACY_FIELDS.items():
		left += [f"column {doctype}.{name}" for name in fieldnames if frappe.db.has_column(doctype, name)]
	left += [f"Role {name}" for name in frappe.get_all("Role", {"name": ("like", "UAB %")}, pluck="name")]
	left += [
		f"Scheduled Job Type {name}"
		for name in frappe.get_all("Scheduled Job Type", {"method": ("like", f"{APP}.%")}, pluck="name")
	]
	if frappe.db.exists("DocType", "HD Form Script") and frappe.db.exists("HD Form Script", FORM_SCRIPT_NAME):
		left.append(f"HD Form Script {FORM_SCRIPT_NAME}")
	if frappe.db.exists("DocType", "HD Ticket Template Field") and frappe.db.exists(
		"HD Ticket Template Field", {"fieldname": "uab_protocol_summary"}
	):
		left.append("HD Ticket Template Field uab_protocol_summary")
	for doctype in ("DocType", "Report", "Print Format", "Workspace", "Number Card", "Module Def"):
		field = "module_name" if doctype == "Module Def" else "module"
		left += [
			f"{doctype} {name}" for name in frappe.get_all(doctype, {field: "UAB Helpdesk"}, pluck="name")
		]
	assert not left, "uninstall left: " + ", ".join(left)
	print(f"{APP}: nothing left on {frappe.local.site}")


def check_interrupted_install() -> None:
	"""An install that fails in our own setup leaves the app unlisted, so the same command run again does
	the whole install; here the agent-UI step fails once, as a killed or failing step would."""
	from frappe.installer import install_app

	assert APP not in frappe.get_installed_apps(), "run this on a site without the app"
	frappe.set_user("Administrator")
	with mock.patch(
		"uab_helpdesk.setup.install.make_agent_ui_banner", side_effect=RuntimeError("interrupted")
	):
		try:
			install_app(APP)
		except RuntimeError:
			pass
		else:
			raise AssertionError("the interrupted install did not fail")
	frappe.clear_cache()
	assert APP not in frappe.get_installed_apps(), "a failed install left the app listed as installed"
	install_app(APP)
	frappe.db.commit()  # nosemgrep: a command-line check, as `bench install-app` commits
	frappe.clear_cache()
	assert_installed()
	print(f"{APP}: an interrupted install, run again, completed on {frappe.local.site}")
