"""What agents see of a customer's protocol, and the Head of Service's override."""

import frappe
from frappe import _
from frappe.utils import getdate

from uab_helpdesk.facts import issues_opened
from uab_helpdesk.hazards import open_clocks_of
from uab_helpdesk.policy.decision import format_date, summarise
from uab_helpdesk.policy.values import SCREENING_OUTCOMES, Channel, Screening
from uab_helpdesk.protection import load_rules, protocol_of_contact, site_context
from uab_helpdesk.staff_support import staff_safety_of
from uab_helpdesk.ticket_state import ticket_state
from uab_helpdesk.utils import STAFF_ROLES, render, render_text, require_role, translated_option

# Who reads a banner: staff; never a portal customer (on Helpdesk v1.28 a
# customer-manager contact can read other members' tickets) and never Guest.
BANNER_READERS = STAFF_ROLES


def require_banner_reader() -> None:
	require_role(BANNER_READERS, _("read a communication protocol"))


@frappe.whitelist()
def get_banner(ticket: str | int) -> dict | None:
	"""The protocol (or warning) that applies to a ticket's customer; None when nothing applies."""
	require_banner_reader()
	ticket = str(ticket)
	frappe.has_permission("HD Ticket", "read", doc=ticket, throw=True)
	return banner_of_ticket(ticket)


def banner_of_ticket(ticket: str) -> dict | None:
	"""get_banner's answer, for a caller already checked (the agent UI's `api.replies.ticket_view`)."""
	contact = frappe.db.get_value("HD Ticket", ticket, "contact")
	state = ticket_state(ticket)
	# A ticket the customer's third party raised for them carries the customer's protocol (6.4.1).
	customer = third_party_customer(state.protocol, contact)
	banner = banner_for_contact(customer or contact)
	if banner and customer:
		banner["raised_by_third_party"] = True
	if banner and state.safety_matter:
		banner["safety_matter"] = _("Health and safety matter: {0}. Deal with it now (policy 6.4.4).").format(
			translated_option(state.safety_matter)
		)
	if banner and (clocks := open_clocks_of(ticket)):
		banner["hazard_clocks"] = [
			_("Awaab's Law ({0}): {1} by {2}{3}.").format(
				translated_option(clock.category),
				translated_option(clock.next_due_step or clock.status),
				frappe.utils.format_datetime(clock.next_due_by) if clock.next_due_by else "—",
				_(" — breached: {0}").format(clock.breached_steps) if clock.breached_steps else "",
			)
			for clock in clocks
		]
	if banner and state.complaint:
		banner["complaint"] = _(
			"Possible complaint: “{0}”. It goes to the complaints process: the protocol limits how we reply, never the right to complain (policy 6.5.5)."
		).format(state.complaint)
	if banner and state.held:
		# 6.4.3: a held ticket is read and screened, not ignored; the agent UI offers the outcomes.
		banner["held"] = {
			"reason": state.hold_reason,
			"screening": state.screening,
			"screening_label": translated_option(state.screening) if state.screening else None,
			"awaiting": state.screening == Screening.AWAITING,
			"outcomes": [
				{"value": outcome.value, "label": translated_option(outcome.value)}
				for outcome in SCREENING_OUTCOMES
			],
		}
	return banner


@frappe.whitelist()
def get_contact_banner(contact: str) -> dict | None:
	require_banner_reader()
	frappe.has_permission("Contact", "read", contact, throw=True)
	return banner_for_contact(contact)


@frappe.whitelist()
def get_customer_banners(customer: str) -> list[dict]:
	require_banner_reader()
	frappe.has_permission("HD Customer", "read", customer, throw=True)
	from uab_helpdesk.facts import contacts_of_customer

	return [banner for contact in contacts_of_customer(customer) if (banner := banner_for_contact(contact))]


def banner_for_contact(contact: str | None) -> dict | None:
	"""A summary an agent may read: the stage and the rules, never the incidents behind them; and any
	staff-safety precaution (6.3.1), on whatever stage the customer is, or none."""
	if not contact:
		return None
	banner = _stage_banner(contact)
	if markers := staff_safety_of(contact):
		banner = banner or {
			"stage": "safety",
			"contact": contact,
			"summary": " ".join(marker["summary"] for marker in markers),
			"summary_html": frappe.utils.escape_html(" ".join(marker["summary"] for marker in markers)),
		}
		banner["staff_safety"] = markers
	return banner


def _stage_banner(contact: str) -> dict | None:
	if protocol := protocol_of_contact(contact):
		return _protocol_banner(contact, protocol)
	warning = frappe.db.get_value(
		"UAB Warning",
		{"contact": contact, "docstatus": 1},
		["level", "issued_on"],
		order_by="issued_on desc",
		as_dict=True,
	)
	if not warning:
		return None
	summary = _("{0} warning given on {1} about unacceptable behaviour (policy 6.5).").format(
		translated_option(warning.level), format_date(getdate(warning.issued_on))
	)
	return {
		"stage": "warned",
		"contact": contact,
		"level": warning.level,
		"issued_on": format_date(getdate(warning.issued_on)),
		"summary": summary,
		"summary_html": frappe.utils.escape_html(summary),
	}


def third_party_customer(protocol: str | None, ticket_contact: str | None) -> str | None:
	"""The customer a third party's ticket is about, when the ticket is linked to a protocol whose
	customer is someone else than the ticket's own contact."""
	if not protocol:
		return None
	values = frappe.db.get_value(
		"UAB Communication Protocol", protocol, ["contact", "third_party_contact"], as_dict=True
	)
	if values and values.contact != ticket_contact and values.third_party_contact == ticket_contact:
		return values.contact
	return None


def _third_party(rules) -> dict | None:
	"""6.3.2: who may act for the customer, as what, on what, and whether their authority stands today."""
	if not rules.third_party_contact:
		return None
	role, scope = frappe.db.get_value(
		"UAB Communication Protocol", rules.reference, ["third_party_role", "third_party_scope"]
	)
	start, until = rules.third_party_authority_from, rules.third_party_authority_until
	return {
		"name": rules.third_party_name or rules.third_party_contact,
		"role": translated_option(role) if role else None,
		"scope": scope,
		"authorised": rules.third_party_authorised(getdate()),
		"authority": _("from {0} until {1}").format(format_date(start), format_date(until))
		if start and until
		else _("from {0}").format(format_date(start))
		if start
		else None,
	}


def _protocol_banner(contact: str, protocol: str) -> dict:
	rules = load_rules(protocol)
	appeal = frappe.db.get_value(
		"UAB Appeal", {"protocol": protocol, "docstatus": ("!=", 2)}, ["name", "status"], as_dict=True
	)
	return {
		"stage": "protocol",
		"contact": contact,
		"protocol": protocol,
		"summary": render_text(summarise(rules)),
		"summary_html": render(summarise(rules)),
		"allowed_channels": [
			translated_option(channel.value) for channel in Channel if channel in rules.allowed_channels
		],
		"single_point_of_contact": rules.single_point_of_contact_name or rules.single_point_of_contact,
		"deputy_contact": rules.deputy_contact,
		"windows": [
			f"{translated_option(window.channel.value)}: {window.describe()}" for window in rules.windows
		],
		"topics": sorted(rules.allowed_ticket_types),
		"health_and_safety_only_until": format_date(rules.health_and_safety_only_until)
		if rules.health_and_safety_only_until
		else None,
		"issue_limit": rules.issue_limit,
		"issue_limit_period": rules.issue_limit_period.value if rules.issue_limit_period else None,
		"issues_this_period": issues_opened(contact, rules.issue_limit_period, site_context().time_zone)
		if rules.issue_limit
		else None,
		"visits_by_appointment_only": rules.visits_by_appointment_only,
		"third_party_only": rules.third_party_only,
		"third_party": _third_party(rules),
		"review_due": format_date(rules.review_due) if rules.review_due else None,
		"appeal": appeal,
	}


@frappe.whitelist(methods=["POST"])
def reply_with_override(
	ticket: str | int, message: str, reason: str, cc: str | None = None, bcc: str | None = None
) -> None:
	"""SPEC §5.1 rule 8: a Head of Service sends once despite the protocol; the reason is logged."""
	require_role(("UAB Head of Service",), _("override a communication protocol"))
	if not (reason or "").strip():
		frappe.throw(_("Give the reason for overriding the communication protocol."), frappe.MandatoryError)
	doc = frappe.get_doc("HD Ticket", ticket)
	doc.check_permission("read")
	frappe.flags.uab_override = reason.strip()
	try:
		doc.reply_via_agent(message=message, cc=cc, bcc=bcc)
	finally:
		frappe.flags.uab_override = None
