"""Install, migrate and uninstall: one idempotent setup for the first two, and its undoing for the last.

`after_install` and `after_migrate` run the same `ensure_setup`, so a migrate repairs whatever an install
left undone (a Frappe step failing before ours, a process killed), and writes nothing when nothing is
missing. A failure inside our own install is undone, so running the same `install-app` again completes it.
"""

import frappe

from uab_helpdesk.setup.custom_fields import drop_custom_fields, make_custom_fields
from uab_helpdesk.setup.defaults import (
	LETTER,
	make_complaint_ticket_type,
	make_default_settings,
	make_default_ticket_types,
	make_letter_medium,
)
from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME, make_agent_ui_banner, make_number_cards

APP = "uab_helpdesk"


def before_install() -> None:
	"""Frappe v15 before frappe/frappe#41437 keeps the bench's map of app modules in Redis. A site command
	run before `bench get-app` caches it without this app; `bench install-app` loads that map when it starts,
	then syncs no DocType of ours and fails ("No module named 'frappe.core.doctype.uab_settings'"),
	leaving the app marked installed. Rebuild the map this process uses if it lacks this app."""
	if APP not in (frappe.local.app_modules or {}):
		frappe.cache.delete_value(["app_modules", "installed_app_modules"])
		frappe.local.app_modules = None
		frappe.setup_module_map()


def ensure_setup() -> None:
	"""Everything the app needs in a site, each part made or corrected only where it is missing or differs."""
	make_custom_fields()
	make_letter_medium()
	make_default_ticket_types()
	make_complaint_ticket_type()
	make_default_settings()
	make_agent_ui_banner()
	make_number_cards()


def after_install() -> None:
	try:
		ensure_setup()
	except Exception:
		_forget_failed_install()
		raise


def after_migrate() -> None:
	ensure_setup()


def _forget_failed_install() -> None:
	"""Frappe lists the app as installed (and commits that) before `after_install` runs, so a failure here
	would leave a site that says it has the app and has none of its setup, and an `install-app` run again
	that only answers "already installed". Unlist it, and drop the module records the next install adds
	again, so the same command, run again once the cause is fixed, does the whole install."""
	from frappe.installer import remove_from_installed_apps

	frappe.db.rollback()
	frappe.db.delete("Module Def", {"app_name": APP})
	frappe.db.delete("Patch Log", {"patch": ("like", f"{APP}.%")})
	remove_from_installed_apps(APP)  # commits
	frappe.db.commit()  # nosemgrep: the install has failed; its undoing must stay


def before_uninstall() -> None:
	"""Frappe removes the app's DocTypes and the records tied to its module (reports, print formats, the
	workspace, number cards). What lives on other apps' records goes here: fields and their columns, the
	agent UI's script, the sidebar field, the scheduled jobs and the roles."""
	drop_custom_fields()
	if not frappe.db.exists("Communication", {"communication_medium": LETTER}):
		# Letters already sent keep the medium they were recorded with (README: what uninstall keeps).
		frappe.db.delete(
			"Property Setter",
			{
				"doc_type": "Communication",
				"field_name": "communication_medium",
				"property": "options",
				"value": ("like", f"%\n{LETTER}"),
			},
		)
	if frappe.db.exists("DocType", "HD Form Script"):
		frappe.db.delete("HD Form Script", {"name": FORM_SCRIPT_NAME})
	if frappe.db.exists("DocType", "HD Ticket Template Field"):
		frappe.db.delete("HD Ticket Template Field", {"fieldname": "uab_protocol_summary"})
	# Frappe drops an app's Scheduled Job Types only on the next migrate; the jobs must stop now.
	frappe.db.delete("Scheduled Job Type", {"method": ("like", f"{APP}.%")})
	_delete_roles()
	frappe.clear_cache(doctype="HD Ticket")
	frappe.clear_cache(doctype="Communication")


def _delete_roles() -> None:
	"""The roles are this app's fixtures (hooks.py); no user keeps one, and no permission names one."""
	roles = frappe.get_all("Role", filters={"role_name": ("like", "UAB %")}, pluck="name")
	if not roles:
		return
	for doctype in ("Has Role", "Custom DocPerm", "DocPerm"):
		frappe.db.delete(doctype, {"role": ("in", roles)})
	frappe.db.delete("Role", {"name": ("in", roles)})
	frappe.clear_cache()
