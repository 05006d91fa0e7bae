import frappe


def execute():
	"""Sites installed before the setting existed start where a new site does: staff shown by role. Only
	where the setting was never stored: run again, it keeps what the landlord chose."""
	stored = frappe.db.sql(
		"select 1 from `tabSingles` where doctype = 'UAB Settings' and field = 'subject_access_staff_as_roles'"
	)
	if not stored:
		frappe.db.set_single_value("UAB Settings", "subject_access_staff_as_roles", 1)
