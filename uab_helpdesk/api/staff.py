"""The named actions that end staff support and staff-safety records (policy 2.2, 5.2, 6.3.5)."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import now_datetime

from uab_helpdesk.policy.staff import closing_problems, removal_problems
from uab_helpdesk.utils import require_role, throw_problems

CLOSERS = ("UAB Manager", "UAB Head of Service", "UAB Director", "System Manager")


@frappe.whitelist(methods=["POST"])
def close_welfare_follow_up(follow_up: str, support_offered: str) -> None:
	"""5.2: a manager records what was offered; the follow-up and its assignments close."""
	require_role(CLOSERS, _("close a welfare follow-up"))
	doc = frappe.get_doc("UAB Welfare Follow-up", follow_up)
	doc.check_permission("read")
	throw_problems(closing_problems(doc.status, support_offered, frappe.session.user, doc.staff_member))
	doc.flags.uab_action = True
	doc.db_set(
		{
			"status": "Closed",
			"support_offered": support_offered.strip(),
			"closed_by": frappe.session.user,
			"closed_on": now_datetime(),
		}
	)
	doc.add_comment(
		"Info", _("Welfare follow-up closed: {0}").format(frappe.utils.escape_html(support_offered.strip()))
	)
	close_all_assignments(doc.doctype, doc.name, ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def remove_staff_safety_marker(marker: str, reason: str) -> None:
	"""6.3.5: only a manager lifts a precaution, and says why; the marker stays on the record."""
	require_role(CLOSERS, _("remove a staff-safety marker"))
	doc = frappe.get_doc("UAB Staff Safety Marker", marker)
	doc.check_permission("read")
	throw_problems(removal_problems(doc.status, reason))
	doc.flags.uab_action = True
	doc.db_set(
		{
			"status": "Removed",
			"removed_by": frappe.session.user,
			"removed_on": now_datetime(),
			"removal_reason": reason.strip(),
		}
	)
	doc.add_comment(
		"Info", _("Staff-safety marker removed: {0}").format(frappe.utils.escape_html(reason.strip()))
	)
