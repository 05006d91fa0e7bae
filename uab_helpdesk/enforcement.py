"""Judges one contact attempt against the customer's Active protocol and acts on the decision.

Every enforcement path (Communication, Email Queue, HD Ticket, TP Call Log, telephony endpoints)
comes here, so the rules are applied the same way whatever route a message takes.
"""

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.attempts import record_attempt
from uab_helpdesk.policy.decision import (
	Decision,
	IncomingContact,
	OutgoingContact,
	Override,
	after_the_fact,
	decide_incoming,
	decide_outgoing,
)
from uab_helpdesk.policy.protocol import ProtocolRules
from uab_helpdesk.policy.values import Channel, Outcome
from uab_helpdesk.protection import load_rules, site_context
from uab_helpdesk.ticket_state import ticket_state
from uab_helpdesk.utils import UABValidationError, has_any_role, render


class ProtocolViolationError(UABValidationError):
	"""Outgoing contact that an Active communication protocol does not allow."""


def current_override() -> Override | None:
	"""An override requested for this request by a Head of Service (SPEC §5.1 rule 8)."""
	requested = frappe.flags.uab_override
	if not requested or not has_any_role("UAB Head of Service"):
		return None
	return Override(by=frappe.session.user, reason=requested)


def judge_outgoing(
	contact: str,
	protocol: str,
	*,
	channel: Channel,
	agent: str | None,
	ticket: str | None = None,
	about_policy: bool = False,
	to_third_party: bool = False,
	content: str | None = None,
	subject: str | None = None,
	recipients: str | None = None,
	refuse: bool = True,
	happened: bool = False,
) -> Decision:
	"""Decide, log what needs logging, and raise when the attempt is refused and ``refuse`` is set.
	``happened``: the contact already took place (a call logged afterwards): never refused, flagged."""
	rules = load_rules(protocol)
	ticket_type, safety_matter, complaint = _ticket_topic(ticket)
	attempt = OutgoingContact(
		channel=channel,
		at=now_datetime(),
		agent=agent,
		ticket_type=ticket_type,
		about_policy=about_policy,
		to_third_party=to_third_party,
		safety_matter=safety_matter,
		complaint=complaint,
	)
	override = current_override()
	decision = decide_outgoing(attempt, rules, site_context(), override)
	if happened:
		decision = after_the_fact(decision)
	if decision.needs_record:
		record_attempt(
			decision,
			direction="Outgoing",
			channel=Channel.THIRD_PARTY.value if to_third_party else channel.value,
			protocol=protocol,
			contact=contact,
			ticket=ticket,
			content=content,
			subject=subject,
			recipients=recipients,
			override_reason=override.reason if decision.outcome == Outcome.OVERRIDDEN else None,
			survive_rollback=decision.refused and refuse,
		)
	if decision.refused and refuse:
		frappe.throw(render(decision.message), exc=ProtocolViolationError, title=_("Communication Protocol"))
	return decision


def judge_incoming(
	contact: str,
	protocol: str,
	*,
	channel: Channel | None,
	ticket: str | None = None,
	ticket_type: str | None = None,
	opens_new_issue: bool = False,
	safety_matter: bool = False,
	complaint: bool = False,
	issues_opened_in_period: int = 0,
	content: str | None = None,
	subject: str | None = None,
	record: bool = True,
	rules: ProtocolRules | None = None,
) -> Decision:
	"""Incoming contact is never refused: this only decides and (unless ``record`` is off) logs."""
	decision = decide_incoming(
		IncomingContact(
			channel=channel,
			at=now_datetime(),
			ticket_type=ticket_type,
			opens_new_issue=opens_new_issue,
			safety_matter=safety_matter,
			complaint=complaint,
		),
		rules or load_rules(protocol),  # intake has loaded them already
		site_context(),
		issues_opened_in_period,
	)
	if record and decision.needs_record:
		record_attempt(
			decision,
			direction="Incoming",
			channel=channel.value if channel else None,
			protocol=protocol,
			contact=contact,
			ticket=ticket,
			content=content,
			subject=subject,
		)
	return decision


def _ticket_topic(ticket: str | None) -> tuple[str | None, bool, bool]:
	"""The ticket's type, whether it is a health-and-safety matter by what the customer wrote, and whether
	it is in the complaints process: the last two pass the topic rules (6.4.4, 6.5.5)."""
	if not ticket:
		return None, False, False
	ticket_type = frappe.db.get_value("HD Ticket", ticket, "ticket_type")
	state = ticket_state(ticket)
	return ticket_type, bool(state.safety_matter), bool(state.complaint)
