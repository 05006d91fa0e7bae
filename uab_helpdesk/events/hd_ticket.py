"""HD Ticket: new tickets from a protected customer, by email, portal or staff (INTEGRATION §2 G, H).

Never refused and never lost: the ticket is created, linked to the protocol, routed to the single
point of contact, and held for screening when over the issue limit or off-topic (policy 6.4.3, 6.4.4).
"""

import frappe
from frappe.desk.form.assign_to import add as assign

from uab_helpdesk import complaints
from uab_helpdesk.attempts import record_attempt
from uab_helpdesk.complaints import complaint_in
from uab_helpdesk.enforcement import judge_incoming
from uab_helpdesk.facts import issues_opened
from uab_helpdesk.hazards import start_clock
from uab_helpdesk.health_and_safety import announce, mark_new_ticket, route_urgently, safety_matter_in
from uab_helpdesk.policy.decision import summarise
from uab_helpdesk.policy.values import Channel, Outcome, Screening
from uab_helpdesk.protection import (
	contacts_for_addresses,
	load_rules,
	protocol_of_contact,
	site_context,
	third_party_protocols,
)
from uab_helpdesk.ticket_state import set_ticket_state
from uab_helpdesk.utils import STAFF_ROLES, has_any_role, log_failure, render, render_text


def validate(doc, method=None):
	if not doc.is_new():
		return
	try:
		doc.flags.uab_state = {"opened_by_staff": int(opened_by_staff())}
		screen_new_ticket(doc)
	except Exception:
		log_failure(title="UAB Helpdesk: could not screen a new ticket", reference_doctype="HD Ticket")


def on_trash(doc, method=None):
	"""A ticket deleted (a merge, the demo, an administrator): what the app knew of it goes with it, so
	no record points at a ticket that is not there."""
	for doctype in ("UAB Hazard Clock", "UAB Message State", "UAB Ticket State"):
		frappe.db.delete(doctype, {"ticket": str(doc.name)})


def after_insert(doc, method=None):
	if state := doc.flags.uab_state:
		# What the app knows of the ticket, in its own record (ticket_state.py), never on HD Ticket.
		try:
			if state.get("held"):
				# Its screening deadline is written with the rest of the state: one record, one Version.
				from uab_helpdesk.screening import screening_due

				state["screening_due"] = screening_due(doc.creation)
			if state.get("opened_by_staff") or state.get("protocol"):
				set_ticket_state(doc.name, **state)
		except Exception:
			log_failure(
				title="UAB Helpdesk: could not record a new ticket's state", reference_doctype="HD Ticket"
			)
	decision = doc.flags.uab_decision
	if not decision:
		return
	protocol = doc.flags.uab_state["protocol"]
	try:
		if decision.needs_record:
			record_attempt(
				decision,
				direction="Incoming",
				channel=doc.flags.uab_channel.value if doc.flags.uab_channel else None,
				protocol=protocol,
				contact=doc.flags.uab_customer or doc.contact,
				ticket=doc.name,
				content=doc.description,
				subject=doc.subject,
			)
		if decision.outcome == Outcome.HELD:
			# Never unread: the officer and the deputy, with a deadline in working hours (issue 21).
			from uab_helpdesk.screening import assign_for_screening

			assign_for_screening(doc.name, doc.flags.uab_state.get("screening_due") or doc.creation, protocol)
		else:
			route_to_single_point_of_contact(doc, protocol)
		if matter := doc.flags.uab_safety_matter:
			announce(doc.name, matter)
			route_urgently(doc.name, protocol)
			# Awaab's Law: the landlord became aware when the message arrived, held or not.
			start_clock(doc.name, matter.category, doc.creation, protocol)
		if complaint := doc.flags.uab_state.get("complaint"):
			complaints.announce(doc.name, complaint)
		if decision.outcome == Outcome.HELD:
			send_held_auto_reply(doc, protocol)
	except Exception:
		log_failure(
			title="UAB Helpdesk: could not route a protected customer's ticket", reference_doctype="HD Ticket"
		)


def opened_by_staff() -> bool:
	"""Staff opened this ticket in their own session (a split, the complaint an appeal asks for, a call
	typed up): it is not the customer raising a new issue (6.4.3). Email intake and the portal are."""
	intake = frappe.flags.in_receive or (
		not getattr(frappe.local, "request", None) and frappe.session.user == "Administrator"
	)
	if intake:
		return False
	return has_any_role(*STAFF_ROLES) and frappe.session.user != "Guest"


def screen_new_ticket(doc) -> None:
	contact = next(iter(contacts_for_addresses(doc.raised_by)), None) or doc.contact
	protocol = protocol_of_contact(contact)
	channel = None
	if protocol:
		doc.contact = contact
		channel = _intake_channel(contact)
	elif len(acting_for := third_party_protocols(doc.raised_by)) == 1:
		# 6.3.2 / 6.4.1: the customer's third party writes for them: the officer handles it, and the
		# ticket stays the third party's own (the customer does not read it).
		protocol = acting_for.pop()
		contact, third_party = frappe.db.get_value(
			"UAB Communication Protocol", protocol, ["contact", "third_party_contact"]
		)
		doc.contact = doc.contact or third_party
		channel = Channel.THIRD_PARTY
	if not protocol:
		return
	state = doc.flags.uab_state
	rules = load_rules(protocol)
	state.update(protocol=protocol, protocol_summary=render_text(summarise(rules)))
	frappe.flags.uab_ticket_in_intake = doc.name
	# 6.4.4: a gas leak reported by email has Helpdesk's default type; what was written decides.
	if matter := safety_matter_in(doc.subject, doc.description):
		mark_new_ticket(doc, matter)
		state["safety_matter"] = matter.category
		doc.flags.uab_safety_matter = matter
	# A protocol limits how we talk with a customer, never their right to complain (6.5.5).
	elif complaint := complaint_in(doc.subject, doc.description):
		complaints.mark_new_ticket(doc, complaint)
		state["complaint"] = complaint[:140]
	decision = judge_incoming(
		contact,
		protocol,
		channel=channel,
		ticket_type=doc.ticket_type,
		# The third party's tickets are the route the protocol chose, not the customer's own new issues.
		opens_new_issue=not state["opened_by_staff"] and channel != Channel.THIRD_PARTY,
		safety_matter=bool(matter),
		complaint=bool(state.get("complaint")),
		issues_opened_in_period=issues_opened(contact, rules.issue_limit_period, site_context().time_zone)
		if rules.issue_limit
		else 0,
		record=False,
		rules=rules,
	)
	doc.flags.uab_decision, doc.flags.uab_channel, doc.flags.uab_customer = decision, channel, contact
	if decision.outcome == Outcome.HELD:
		state.update(held=1, hold_reason=render(decision.message), screening=Screening.AWAITING.value)


def route_to_single_point_of_contact(doc, protocol: str) -> None:
	"""6.4.2 / 6.5.4: all communication is managed through the named officer."""
	officer = frappe.db.get_value("UAB Communication Protocol", protocol, "single_point_of_contact")
	if officer and officer not in (doc.get("_assign") or ""):
		assign(
			{"assign_to": [officer], "doctype": "HD Ticket", "name": doc.name, "description": doc.subject},
			ignore_permissions=True,
		)


def send_held_auto_reply(doc, protocol: str) -> None:
	"""Tell the customer their message is held for screening, if UAB Settings say so. It is a letter
	about the protocol, so it goes only by a written channel the protocol allows (6.4.4)."""
	settings = frappe.get_cached_doc("UAB Settings")
	if not (settings.held_message_auto_reply and settings.held_message_template and doc.raised_by):
		return
	template = frappe.get_doc("Email Template", settings.held_message_template)
	email = template.get_formatted_email({"doc": doc, "hold_reason": doc.flags.uab_state["hold_reason"]})
	# A notice about this customer's own protocol: judged as a letter about the policy (SPEC §5.1 rule 1).
	frappe.flags.uab_policy_letter = frappe._dict(
		doctype="UAB Communication Protocol",
		name=protocol,
		contact=doc.flags.uab_customer or doc.contact,
	)
	try:
		frappe.sendmail(
			recipients=[doc.raised_by],
			subject=email["subject"],
			message=email["message"],
			reference_doctype="UAB Communication Protocol",
			reference_name=protocol,
		)
	finally:
		frappe.flags.uab_policy_letter = None


def _intake_channel(contact: str) -> Channel | None:
	"""Email when the scheduler pulls mail; Portal when the customer is the one logged in; unknown
	when staff record the contact."""
	if not getattr(frappe.local, "request", None) or frappe.flags.in_receive:
		return Channel.EMAIL
	if frappe.db.get_value("Contact", contact, "user") == frappe.session.user:
		return Channel.PORTAL
	return None
