# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _

from uab_helpdesk.policy.equality import compare_shares
from uab_helpdesk.utils import translated_option

CHARACTERISTICS = (
	"age_band",
	"sex",
	"gender_reassignment",
	"sexual_orientation",
	"marriage_or_civil_partnership",
	"pregnancy_or_maternity",
	"ethnicity",
	"religion_or_belief",
	"disability",
)


def execute(filters: dict | None = None):
	"""Policy 7.1: restricted customers against all profiled customers, characteristic by characteristic."""
	filters = frappe._dict(filters or {})
	characteristics = (
		[filters.characteristic] if filters.characteristic in CHARACTERISTICS else CHARACTERISTICS
	)
	profiles = frappe.get_list("UAB Equality Profile", fields=["contact", *CHARACTERISTICS])
	restricted_statuses = ["Active", "Ended"] if filters.include_ended else ["Active"]
	restricted = set(
		frappe.get_all(
			"UAB Communication Protocol",
			filters={"status": ("in", restricted_statuses), "docstatus": 1},
			pluck="contact",
		)
	)
	rows = []
	for characteristic in characteristics:
		label = translated_option(frappe.get_meta("UAB Equality Profile").get_label(characteristic))
		for share in compare_shares(
			label,
			[profile[characteristic] for profile in profiles if profile.contact in restricted],
			[profile[characteristic] for profile in profiles],
		):
			rows.append(share.__dict__)
	return columns(), rows


def columns() -> list[dict]:
	return [
		{"fieldname": "characteristic", "label": _("Characteristic"), "fieldtype": "Data", "width": 180},
		{"fieldname": "group", "label": _("Group"), "fieldtype": "Data", "width": 220},
		{"fieldname": "restricted", "label": _("Restricted"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "restricted_share",
			"label": _("Share of Restricted"),
			"fieldtype": "Percent",
			"width": 140,
		},
		{"fieldname": "everyone", "label": _("All Profiled"), "fieldtype": "Int", "width": 100},
		{"fieldname": "everyone_share", "label": _("Share of All"), "fieldtype": "Percent", "width": 120},
		{"fieldname": "ratio", "label": _("Ratio"), "fieldtype": "Float", "precision": 2, "width": 80},
		{"fieldname": "flagged", "label": _("Disproportionate"), "fieldtype": "Check", "width": 130},
	]
