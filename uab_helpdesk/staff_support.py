"""What an incident sets going for the staff it affected and the colleagues who come next
(policy 2.2, 5.2, 6.3.1, 6.3.5). The rules are in `uab_helpdesk.policy.staff`."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.utils import getdate

from uab_helpdesk.policy.decision import format_date
from uab_helpdesk.policy.staff import needs_safety_marker, who_supports
from uab_helpdesk.policy.values import PhysicalViolence, parse_enum
from uab_helpdesk.utils import translated_option


def after_incident_submitted(incident) -> None:
	if incident.staff_affected:
		open_welfare_follow_up(incident)
	if needs_safety_marker(parse_enum(PhysicalViolence, incident.physical_violence)):
		place_marker_from_incident(incident)


def open_welfare_follow_up(incident) -> str:
	"""2.2: the manager hears of it now, as an assignment (a ToDo and a notification), not later."""
	managers = managers_of(incident.staff_affected)
	follow_up = frappe.get_doc(
		{
			"doctype": "UAB Welfare Follow-up",
			"staff_member": incident.staff_affected,
			"incident": incident.name,
			"manager": managers[0] if managers else None,
		}
	)
	follow_up.flags.uab_opened_by_incident = True
	follow_up.insert(ignore_permissions=True)
	if managers:
		assign(
			{
				"assign_to": managers,
				"doctype": follow_up.doctype,
				"name": follow_up.name,
				"description": _("Welfare follow-up: {0} was affected by an incident. Offer support.").format(
					frappe.utils.get_fullname(incident.staff_affected)
				),
				"priority": "High",
			},
			ignore_permissions=True,
		)
	return follow_up.name


def managers_of(staff_member: str) -> list[str]:
	settings = frappe.get_cached_doc("UAB Settings")
	line_managers = {row.staff_member: row.manager for row in settings.get("line_managers") or []}
	managers = frappe.get_all(
		"Has Role",
		filters={"role": "UAB Manager", "parenttype": "User"},
		pluck="parent",
		distinct=True,
	)
	enabled = set(frappe.get_all("User", filters={"name": ("in", managers), "enabled": 1}, pluck="name"))
	return who_supports(staff_member, line_managers, settings.get("welfare_manager"), sorted(enabled))


def place_marker_from_incident(incident) -> str | None:
	"""6.3.1: violence threatened or used; the landlord's usual precaution, unless one is already active."""
	precaution = frappe.get_cached_doc("UAB Settings").get("default_precaution") or "Visit in pairs"
	if frappe.db.exists(
		"UAB Staff Safety Marker", {"contact": incident.contact, "precaution": precaution, "status": "Active"}
	):
		return None
	marker = frappe.get_doc(
		{
			"doctype": "UAB Staff Safety Marker",
			"contact": incident.contact,
			"precaution": precaution,
			"source_incident": incident.name,
		}
	)
	marker.flags.uab_placed_by_incident = True
	marker.insert(ignore_permissions=True)
	return marker.name


def staff_safety_of(contact: str | None) -> list[dict]:
	"""What a colleague is told: the precaution and since when. Never the incident or the reason."""
	if not contact:
		return []
	markers = frappe.get_all(
		"UAB Staff Safety Marker",
		filters={"contact": contact, "status": "Active"},
		fields=["precaution", "placed_on"],
		order_by="placed_on asc",
	)
	return [
		{
			"precaution": translated_option(marker.precaution),
			"since": format_date(getdate(marker.placed_on)),
			"summary": _("Staff safety: {0} (since {1}).").format(
				translated_option(marker.precaution), format_date(getdate(marker.placed_on))
			),
		}
		for marker in markers
	]
