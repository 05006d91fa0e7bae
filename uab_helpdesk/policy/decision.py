"""The decision: one contact attempt + the Active protocol's rules + the clock -> what happens.

SPEC §5.1. Every rule that applies is reported, not only the first, so an agent learns at once
everything that stands in the way and a manager reading the log sees the whole picture.
"""

from dataclasses import dataclass
from datetime import date, datetime

from .dates import in_health_and_safety_only_period, issue_period_bounds, to_local
from .i18n import Message, _, one_of
from .protocol import ProtocolRules
from .values import Channel, EnforcementMode, IssuePeriod, Outcome, Rule


@dataclass(frozen=True)
class SiteContext:
	"""Site-wide settings the decision needs (`UAB Settings`, System Settings time zone)."""

	time_zone: str = "Europe/London"
	always_allowed_ticket_types: frozenset[str] = frozenset()
	mode: EnforcementMode = EnforcementMode.BLOCK


@dataclass(frozen=True)
class OutgoingContact:
	"""Staff contacting the customer. ``about_policy``: a warning, protocol, review or appeal letter."""

	channel: Channel
	at: datetime
	agent: str | None = None
	ticket_type: str | None = None
	about_policy: bool = False
	to_third_party: bool = False
	safety_matter: bool = False  # the ticket is a health-and-safety matter (policy/safety.py)
	complaint: bool = False  # the ticket is in the complaints process (policy/complaint.py)


@dataclass(frozen=True)
class IncomingContact:
	"""The customer contacting us. ``opens_new_issue``: a new ticket rather than a reply on one.
	``channel`` is None when staff record the contact and the way it came is not known."""

	channel: Channel | None
	at: datetime
	ticket_type: str | None = None
	opens_new_issue: bool = True
	safety_matter: bool = False  # what the customer wrote is a health-and-safety matter (6.4.4)
	complaint: bool = False  # what they wrote may be a complaint (policy.complaint): never held


@dataclass(frozen=True)
class Override:
	"""A Head of Service sends once despite the protocol; the reason is kept on the record."""

	by: str
	reason: str


@dataclass(frozen=True)
class Breach:
	rule: Rule
	detail: Message


@dataclass(frozen=True)
class Decision:
	outcome: Outcome
	breaches: tuple[Breach, ...] = ()
	message: Message | None = None

	@property
	def refused(self) -> bool:
		return self.outcome == Outcome.BLOCKED

	@property
	def needs_record(self) -> bool:
		"""Blocked, held, flagged and overridden attempts are written to `UAB Contact Attempt`."""
		return self.outcome in (Outcome.BLOCKED, Outcome.HELD, Outcome.FLAGGED, Outcome.OVERRIDDEN)

	@property
	def rules_breached(self) -> tuple[Rule, ...]:
		return tuple(breach.rule for breach in self.breaches)


def after_the_fact(decision: Decision) -> Decision:
	"""Contact that has already happened (a call logged afterwards; 6.3.5 wants it recorded) cannot be
	refused: a breach is kept on the record as Flagged instead."""
	if decision.outcome == Outcome.BLOCKED:
		return Decision(Outcome.FLAGGED, decision.breaches, decision.message)
	return decision


ALLOWED = Decision(Outcome.ALLOWED)
ACCEPTED = Decision(Outcome.ACCEPTED)


def decide_outgoing(
	contact: OutgoingContact,
	rules: ProtocolRules | None,
	site: SiteContext,
	override: Override | None = None,
) -> Decision:
	"""SPEC §5.1 rules 1–8 for staff contacting a customer under an Active protocol."""
	if rules is None:
		return ALLOWED
	if contact.about_policy:
		breaches = _policy_letter_breaches(contact, rules)
	else:
		breaches = _outgoing_breaches(contact, rules, site)
	if not breaches:
		return ALLOWED
	breaches = tuple(breaches)

	message = Message(_("Not sent: {0}. {1}"), (Message.join(b.detail for b in breaches), summarise(rules)))
	if override is not None and override.reason.strip():
		return Decision(Outcome.OVERRIDDEN, breaches, message)
	if site.mode == EnforcementMode.WARN:
		return Decision(Outcome.FLAGGED, breaches, message)
	return Decision(Outcome.BLOCKED, breaches, message)


def decide_incoming(
	contact: IncomingContact,
	rules: ProtocolRules | None,
	site: SiteContext,
	issues_opened_in_period: int = 0,
) -> Decision:
	"""Incoming contact is never refused (SPEC §5): it is Accepted, Held for screening (over the
	issue limit, off-topic, or not health and safety during an H&S-only period) or Flagged (arrived
	by a channel the protocol does not allow). Health-and-safety matters, by an always-allowed type (H&S,
	emergencies) or by what the message says (policy/safety.py), are never held (6.4.4); nor is a possible
	complaint (policy/complaint.py)."""
	if rules is None:
		return ACCEPTED
	held = [] if _exempt(contact, site) else _hold_breaches(contact, rules, site, issues_opened_in_period)
	flagged = _flag_breaches(contact, rules, site)
	if held:
		reasons = Message.join(b.detail for b in held)
		return Decision(
			Outcome.HELD, tuple(held + flagged), Message(_("Held for screening: {0}."), (reasons,))
		)
	if flagged:
		return Decision(
			Outcome.FLAGGED,
			tuple(flagged),
			Message(_("Accepted and flagged: {0}."), (Message.join(b.detail for b in flagged),)),
		)
	return ACCEPTED


def _flag_breaches(contact: IncomingContact, rules: ProtocolRules, site: SiteContext) -> list[Breach]:
	"""6.4.2: contact by a channel the protocol does not allow, or outside the times it is taken."""
	if contact.channel is None:
		return []
	if contact.channel not in rules.allowed_channels:
		return [_channel_breach(contact.channel, rules)]
	local = to_local(contact.at, site.time_zone)
	windows = rules.windows_for(contact.channel)
	if windows and not any(w.contains(local.weekday(), local.time()) for w in windows):
		return [_window_breach(contact.channel, windows)]
	return []


def summarise(rules: ProtocolRules) -> Message:
	"""The protocol in one sentence, e.g. 'Contact with J. Doe is by Letter or Email only, through
	A. Officer (communication protocol UAB-CP-2026-0004, review due 3 May 2027).'"""
	terms = [Message(_("by {0} only"), (one_of(_ordered(rules.allowed_channels)),))]
	if rules.single_point_of_contact:
		terms.append(
			Message(_("through {0}"), (rules.single_point_of_contact_name or rules.single_point_of_contact,))
		)
	for channel in _ordered({w.channel for w in rules.windows}):
		windows = ", ".join(w.describe() for w in rules.windows_for(channel))
		terms.append(Message(_("{0} on {1}"), (channel, windows)))
	if rules.allowed_ticket_types:
		terms.append(Message(_("about {0} only"), (one_of(sorted(rules.allowed_ticket_types)),)))
	if rules.health_and_safety_only_until:
		terms.append(
			Message(
				_("health and safety matters only until {0}"),
				(format_date(rules.health_and_safety_only_until),),
			)
		)
	if rules.third_party_only:
		terms.append(Message(_("only through {0}"), (rules.third_party_name or rules.third_party_contact,)))
	reference = Message(_("communication protocol {0}"), (rules.reference,))
	if rules.review_due:
		reference = Message(
			_("communication protocol {0}, review due {1}"), (rules.reference, format_date(rules.review_due))
		)
	return Message(
		_("Contact with {0} is {1} ({2})."), (rules.customer_name, Message.join(terms, ", "), reference)
	)


def period_noun(period: IssuePeriod) -> Message:
	"""'week', 'month', 'quarter' — the period as a word in a sentence, not as a stored option."""
	return {
		IssuePeriod.WEEK: Message(_("week")),
		IssuePeriod.MONTH: Message(_("month")),
		IssuePeriod.QUARTER: Message(_("quarter")),
	}[IssuePeriod(period)]


def format_date(day: date) -> str:
	"""UK style, as letters and banners print it: 3 May 2027."""
	return f"{day.day} {day:%B %Y}"


def _policy_letter_breaches(contact: OutgoingContact, rules: ProtocolRules) -> list[Breach]:
	"""SPEC §5.1 rule 1 / policy 6.4.4 and 6.5.4: letters about the policy itself go by any allowed
	written channel, and by Letter when none is allowed — one form of contact always remains. Their
	copy to a third party goes only while that person's authority stands (6.3.2)."""
	if contact.to_third_party:
		return (
			[]
			if rules.third_party_authorised(contact.at.date())
			else [_authority_breach(rules, contact.at.date())]
		)
	written = rules.written_channels or (Channel.LETTER,)
	if contact.channel in written:
		return []
	return [Breach(Rule.CHANNEL, Message(_("letters about the protocol go by {0}"), (one_of(written),)))]


def _outgoing_breaches(contact: OutgoingContact, rules: ProtocolRules, site: SiteContext) -> list[Breach]:
	"""Contact with the customer, or with their third party (6.3.2, 6.4.1): then the route is the
	channel "Third party", whatever medium reaches that person, and their authority must stand."""
	local = to_local(contact.at, site.time_zone)
	channel = Channel.THIRD_PARTY if contact.to_third_party else contact.channel
	breaches = []
	if channel not in rules.allowed_channels and not (contact.to_third_party and rules.third_party_only):
		breaches.append(_channel_breach(channel, rules))
	if contact.to_third_party and not rules.third_party_authorised(local.date()):
		breaches.append(_authority_breach(rules, local.date()))
	if not rules.is_named_officer(contact.agent):
		breaches.append(_officer_breach(rules))
	windows = rules.windows_for(channel)
	if windows and not any(w.contains(local.weekday(), local.time()) for w in windows):
		breaches.append(_window_breach(channel, windows))
	if not _exempt(contact, site):
		breaches.extend(_topic_breaches(contact.ticket_type, rules, site, local.date()))
	if rules.third_party_only and not contact.to_third_party:
		breaches.append(
			Breach(
				Rule.THIRD_PARTY_ONLY,
				Message(
					_("contact goes through {0}, not to the customer"),
					(rules.third_party_name or rules.third_party_contact,),
				),
			)
		)
	return breaches


def _hold_breaches(
	contact: IncomingContact, rules: ProtocolRules, site: SiteContext, opened: int
) -> list[Breach]:
	local = to_local(contact.at, site.time_zone)
	breaches = []
	if (
		contact.opens_new_issue
		and rules.issue_limit
		and rules.issue_limit_period
		and opened >= rules.issue_limit
	):
		start, _end = issue_period_bounds(rules.issue_limit_period, local.date())
		breaches.append(
			Breach(
				Rule.ISSUE_LIMIT,
				Message(
					_(
						"the limit of new issues for this {1} is reached ({0} raised, limit {2}, period from {3})"
					),
					(opened, period_noun(rules.issue_limit_period), rules.issue_limit, format_date(start)),
				),
			)
		)
	breaches.extend(_topic_breaches(contact.ticket_type, rules, site, local.date()))
	return breaches


def _exempt(contact: IncomingContact | OutgoingContact, site: SiteContext) -> bool:
	"""6.4.4: health and safety is always dealt with — by its ticket type or by what was written. And a
	protocol restricts how we talk with a customer, never their right to complain (6.5.5; the Complaint
	Handling Code): a possible complaint is never held, whatever the topics, limit or period."""
	return contact.safety_matter or contact.complaint or _always_allowed(contact.ticket_type, site)


def _topic_breaches(ticket_type: str | None, rules: ProtocolRules, site: SiteContext, today: date) -> list:
	"""The topic rules (6.5.4 allowed topics, 6.4.4 health-and-safety-only period); nothing for an
	always-allowed type."""
	if _always_allowed(ticket_type, site):
		return []
	breaches = []
	if rules.allowed_ticket_types and ticket_type not in rules.allowed_ticket_types:
		breaches.append(_topic_breach(ticket_type, rules))
	if in_health_and_safety_only_period(rules.health_and_safety_only_until, today):
		breaches.append(_health_and_safety_breach(rules))
	return breaches


def _always_allowed(ticket_type: str | None, site: SiteContext) -> bool:
	return bool(ticket_type) and ticket_type in site.always_allowed_ticket_types


def _channel_breach(channel: Channel, rules: ProtocolRules) -> Breach:
	return Breach(Rule.CHANNEL, Message(_("{0} is not an allowed channel"), (channel,)))


def _window_breach(channel: Channel, windows) -> Breach:
	described = ", ".join(w.describe() for w in windows)
	return Breach(Rule.CONTACT_WINDOW, Message(_("{0} contact is only {1}"), (channel, described)))


def _officer_breach(rules: ProtocolRules) -> Breach:
	officer = rules.single_point_of_contact_name or rules.single_point_of_contact
	if rules.deputy_contact:
		return Breach(
			Rule.SINGLE_POINT_OF_CONTACT, Message(_("only {0} or the deputy contact may reply"), (officer,))
		)
	return Breach(Rule.SINGLE_POINT_OF_CONTACT, Message(_("only {0} may reply"), (officer,)))


def _authority_breach(rules: ProtocolRules, today: date) -> Breach:
	"""The customer's data goes to a third party only while their authority to act stands (6.3.2)."""
	who = rules.third_party_name or rules.third_party_contact or Message(_("the third party"))
	start, until = rules.third_party_authority_from, rules.third_party_authority_until
	if not rules.third_party_contact or not start:
		detail = Message(_("no third party's authority to act for {0} is recorded"), (rules.customer_name,))
	elif today < start:
		detail = Message(_("{0} may act for the customer only from {1}"), (who, format_date(start)))
	else:
		detail = Message(_("{0}'s authority to act for the customer ended on {1}"), (who, format_date(until)))
	return Breach(Rule.THIRD_PARTY_AUTHORITY, detail)


def _topic_breach(ticket_type: str | None, rules: ProtocolRules) -> Breach:
	topic = ticket_type or Message(_("no ticket type"))
	return Breach(Rule.TOPIC, Message(_("the topic {0} is not covered by the protocol"), (topic,)))


def _health_and_safety_breach(rules: ProtocolRules) -> Breach:
	return Breach(
		Rule.HEALTH_AND_SAFETY_ONLY,
		Message(
			_("only health and safety matters are dealt with until {0}"),
			(format_date(rules.health_and_safety_only_until),),
		),
	)


def _ordered(channels) -> list[Channel]:
	return [channel for channel in Channel if channel in channels]
