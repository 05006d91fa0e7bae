import frappe


def execute():
	"""Sites installed before the index existed get it too; new sites get it from on_doctype_update."""
	frappe.db.add_index("UAB Incident", ["docstatus", "occurred_on", "behaviour_type"])
