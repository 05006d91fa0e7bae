"""Screening a ticket held under a communication protocol (policy 6.4.3; SPEC §5.1 incoming contact).

A held ticket is never lost: someone reads it and records what it held. The outcome is written in the
ticket's state (ticket_state.py) and as a comment naming who screened it, so the trail shows that held mail was read.
"""

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.complaints import mark_ticket as mark_complaint
from uab_helpdesk.policy.values import SCREENING_OUTCOMES, Screening
from uab_helpdesk.ticket_state import set_ticket_state, ticket_state
from uab_helpdesk.utils import STAFF_ROLES, require_role, translated_option


@frappe.whitelist(methods=["POST"])
def screen_held_ticket(ticket: str | int, outcome: str) -> str:
	"""Record the screening of a held ticket by any staff member who may edit it."""
	require_role(STAFF_ROLES, _("screen a held ticket"))
	doc = frappe.get_doc("HD Ticket", str(ticket))
	doc.check_permission("write")
	if not ticket_state(doc.name).held:
		frappe.throw(_("Ticket {0} is not held for screening.").format(doc.name), title=_("Not Held"))
	if outcome not in SCREENING_OUTCOMES:
		frappe.throw(
			_("Choose one of: {0}.").format(
				", ".join(translated_option(option.value) for option in SCREENING_OUTCOMES)
			),
			title=_("Unknown Screening Outcome"),
		)
	# Who read it and when, set by the server: the record that held mail was read, and in time.
	set_ticket_state(doc.name, screening=outcome, screened_by=frappe.session.user, screened_on=now_datetime())
	if outcome == Screening.COMPLAINT:
		# The Complaint Handling Code: what the officer reads as a complaint goes to the complaints process.
		mark_complaint(doc.name, _("read as a complaint by {0}").format(frappe.utils.get_fullname()), None)
	doc.add_comment(
		"Info",
		_("Held message screened by {0}: {1}.").format(
			frappe.utils.get_fullname(frappe.session.user), translated_option(outcome)
		),
	)
	return outcome
