import frappe


def execute():
	"""Sites installed before the setting existed start where a new site does: staff shown by role."""
	frappe.db.set_single_value("UAB Settings", "subject_access_staff_as_roles", 1)
