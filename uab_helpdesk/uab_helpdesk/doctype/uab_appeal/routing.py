"""Who decides an appeal: loads the facts for `policy.appeals` and records the assignment."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign

from uab_helpdesk.policy.appeals import ProtocolInvolvement, choose_director, eligible_directors


def involvement_in(protocol: str) -> ProtocolInvolvement:
	doc = frappe.db.get_value(
		"UAB Communication Protocol",
		protocol,
		["assessment", "authorised_by", "authorising_director"],
		as_dict=True,
	)
	assessor = (
		frappe.db.get_value("UAB Assessment", doc.assessment, "assessed_by") if doc.assessment else None
	)
	return ProtocolInvolvement(
		assessor=assessor, authoriser=doc.authorised_by, immediate_action_director=doc.authorising_director
	)


def directors() -> list[str]:
	users = frappe.get_all("Has Role", filters={"role": "UAB Director", "parenttype": "User"}, pluck="parent")
	return frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")


def route_to_director(appeal) -> str | None:
	"""Assign the appeal to the next uninvolved Director, with a ToDo (and its notification)."""
	last = frappe.db.get_value(
		"UAB Appeal",
		{"director": ("is", "set"), "name": ("!=", appeal.name)},
		"director",
		order_by="creation desc",
	)
	director = choose_director(eligible_directors(directors(), involvement_in(appeal.protocol)), last)
	if not director:
		appeal.add_comment(
			"Comment", _("No Director who was not involved in this protocol is available to hear the appeal.")
		)
		frappe.msgprint(
			_("No uninvolved Director is available; the appeal is recorded and waits for one."),
			indicator="orange",
		)
		return None
	appeal.db_set({"director": director, "status": "With Director"})
	assign(
		{
			"assign_to": [director],
			"doctype": "UAB Appeal",
			"name": appeal.name,
			"description": _("Appeal against communication protocol {0} (policy 6.5.5)").format(
				appeal.protocol
			),
		},
		ignore_permissions=True,
	)
	return director
