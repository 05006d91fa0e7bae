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
	if filters.measure == "Language flags":
		# One entry per message: each group's share of flagged messages against its share of all
		# messages received, the same test as for restrictions (a ratio of 1.25 is disproportionate).
		flagged, received = _messages_by_contact({profile.contact for profile in profiles})
		chosen = lambda profile: [profile] * flagged.get(profile.contact, 0)  # noqa: E731
		everyone = lambda profile: [profile] * received.get(profile.contact, 0)  # noqa: E731
	else:
		restricted_statuses = ["Active", "Ended"] if filters.include_ended else ["Active"]
		restricted = set(
			frappe.get_all(
				"UAB Communication Protocol",
				filters={"status": ("in", restricted_statuses), "docstatus": 1},
				pluck="contact",
			)
		)
		chosen = lambda profile: [profile] if profile.contact in restricted else []  # noqa: E731
		everyone = lambda profile: [profile]  # noqa: E731
	rows = []
	for characteristic in characteristics:
		label = translated_option(frappe.get_meta("UAB Equality Profile").get_label(characteristic))
		for share in compare_shares(
			label,
			[row[characteristic] for profile in profiles for row in chosen(profile)],
			[row[characteristic] for profile in profiles for row in everyone(profile)],
		):
			rows.append(share.__dict__)
	return columns(filters.measure == "Language flags"), rows


def _messages_by_contact(contacts: set[str]) -> tuple[dict[str, int], dict[str, int]]:
	"""Messages received from each profiled contact (sent from their own address, not copied to them), and
	how many of them the language signal flagged."""
	if not contacts:
		return {}, {}
	rows = frappe.db.sql(
		"""select link.link_name, count(*), sum(state.language_flagged)
		from `tabCommunication` message
		join `tabCommunication Link` link on link.parent = message.name and link.link_doctype = 'Contact'
		left join `tabUAB Message State` state on state.communication = message.name
		where message.sent_or_received = 'Received' and link.link_name in %(contacts)s
		and exists (select 1 from `tabContact Email` address
			where address.parent = link.link_name and address.email_id = message.sender)
		group by link.link_name""",
		{"contacts": tuple(contacts)},
	)
	return {row[0]: int(row[2] or 0) for row in rows}, {row[0]: int(row[1]) for row in rows}


def columns(messages: bool = False) -> list[dict]:
	chosen, everyone = (_("Flagged"), _("Received")) if messages else (_("Restricted"), _("All Profiled"))
	return [
		{"fieldname": "characteristic", "label": _("Characteristic"), "fieldtype": "Data", "width": 180},
		{"fieldname": "group", "label": _("Group"), "fieldtype": "Data", "width": 220},
		{"fieldname": "restricted", "label": chosen, "fieldtype": "Int", "width": 100},
		{
			"fieldname": "restricted_share",
			"label": _("Share of Flagged") if messages else _("Share of Restricted"),
			"fieldtype": "Percent",
			"width": 140,
		},
		{"fieldname": "everyone", "label": everyone, "fieldtype": "Int", "width": 100},
		{"fieldname": "everyone_share", "label": _("Share of All"), "fieldtype": "Percent", "width": 120},
		{"fieldname": "ratio", "label": _("Ratio"), "fieldtype": "Float", "precision": 2, "width": 80},
		{"fieldname": "flagged", "label": _("Disproportionate"), "fieldtype": "Check", "width": 130},
	]
