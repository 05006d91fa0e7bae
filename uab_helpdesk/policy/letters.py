"""What each letter to the customer must say, as plain contexts for the Jinja print formats.

Every decision the customer must hear of produces a letter (SPEC §6, §7). The contexts are built here,
without Frappe, so CI renders the real templates with plain jinja2 and checks that each letter says what
the policy and the Housing Ombudsman expect: why, what is restricted, for how long, when it is reviewed,
how to appeal, and the right to go to the Ombudsman. Recorded communication needs are honoured.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from .decision import format_date, period_noun
from .values import Channel

OMBUDSMAN = (
	"Housing Ombudsman Service, PO Box 152, Liverpool L33 7WQ — 0300 111 3000 — www.housing-ombudsman.org.uk"
)
APPEAL_WINDOW_DAYS = 28

# Formats some needs ask for that the print itself cannot give: staff are told to arrange them.
ARRANGED_FORMATS = {"Braille", "Audio", "Another language"}


@dataclass(frozen=True)
class Recipient:
	name: str
	address_lines: tuple[str, ...] = ()
	communication_needs: str | None = None  # UAB Equality Profile.communication_needs
	advocate: str | None = None  # a third party who receives a copy (6.3.2, 6.4.1)


@dataclass(frozen=True)
class Incident:
	"""An incident as the customer is told of it: when, and what kind of behaviour. Staff's own
	description of it is internal and never quoted in a letter."""

	occurred_on: date
	behaviour: str


@dataclass(frozen=True)
class Letter:
	"""What every letter carries; `body` holds the letter's own facts."""

	kind: str
	reference: str
	date: str
	recipient: Recipient
	signed_by: str
	policy_url: str | None = None
	body: dict = field(default_factory=dict)

	@property
	def large_print(self) -> bool:
		return self.recipient.communication_needs == "Large print"

	@property
	def easy_read(self) -> bool:
		return self.recipient.communication_needs == "Easy read"

	@property
	def arrange_format(self) -> str | None:
		"""A format staff must arrange (Braille, audio, translation) before this letter is sent."""
		needs = self.recipient.communication_needs
		return needs if needs in ARRANGED_FORMATS else None

	@property
	def copy_to(self) -> str | None:
		return self.recipient.advocate


def copies_third_party(communication_needs: str | None, copy_requested: bool, authorised: bool) -> bool:
	"""6.3.2 / 6.4.1: a letter goes to the customer, with a copy to their third party when the
	customer's recorded needs say so (an advocate reads with them, or the protocol asks for copies),
	and only while the third party's authority stands."""
	return authorised and (copy_requested or communication_needs == "Through an advocate")


def _incidents(incidents: list[Incident]) -> list[dict]:
	return [
		{"date": format_date(item.occurred_on), "behaviour": item.behaviour}
		for item in sorted(incidents, key=lambda item: item.occurred_on)
	]


def warning_letter(
	reference: str,
	level: str,
	issued_on: date,
	recipient: Recipient,
	incidents: list[Incident],
	officer: str,
	policy_url: str | None = None,
	reason: str = "",
) -> Letter:
	"""6.5.1 initial warning / 6.5.2 formal written warning: the behaviour by date and kind, and the
	reason written for the customer; signed by the officer who issued it."""
	return Letter(
		kind=f"{level} warning",
		reference=reference,
		date=format_date(issued_on),
		recipient=recipient,
		signed_by=officer,
		policy_url=policy_url,
		body={
			"level": level,
			"formal": level == "Formal",
			"incidents": _incidents(incidents),
			"reason": reason,
		},
	)


def correspondence_letter(
	reference: str,
	written_on: date,
	received_on: date,
	recipient: Recipient,
	officer: str,
	policy_url: str | None = None,
) -> Letter:
	"""6.3.3: that we consider the language of their correspondence offensive, unnecessary and unhelpful,
	that we ask them to stop, and that we will not respond to correspondence written that way. It quotes
	nothing of the message and never mentions how it was noticed; it keeps the way open (health and
	safety, a calm message) so the customer can still be helped."""
	return Letter(
		kind="Abusive correspondence",
		reference=reference,
		date=format_date(written_on),
		recipient=recipient,
		signed_by=officer,
		policy_url=policy_url,
		body={"received_on": format_date(received_on)},
	)


def reply_letter(reference: str, written_on: date, recipient: Recipient, officer: str, text: str) -> Letter:
	"""An agent's reply on a ticket, sent as a letter where the protocol allows letters and not e-mail
	(6.4.2): the officer's own words (``text``, already made safe), nothing added about the policy."""
	return Letter(
		kind="Reply",
		reference=reference,
		date=format_date(written_on),
		recipient=recipient,
		signed_by=officer,
		body={"text": text},
	)


def protocol_letter(
	reference: str,
	start: date,
	review_due: date,
	recipient: Recipient,
	reasons: str,
	allowed_channels: list[Channel],
	restrictions: list[str],
	single_point_of_contact: str | None,
	authorised_by: str,
	policy_url: str | None = None,
	today: date | None = None,
) -> Letter:
	"""6.5.4: the protocol in writing — why, what, how long, review, appeal (6.5.5), the Ombudsman."""
	sent = today or start
	return Letter(
		kind="Communication protocol",
		reference=reference,
		date=format_date(sent),
		recipient=recipient,
		signed_by=authorised_by,
		policy_url=policy_url,
		body={
			"reasons": reasons,
			"allowed_channels": [channel.value for channel in allowed_channels],
			"restrictions": restrictions,
			"single_point_of_contact": single_point_of_contact,
			"start": format_date(start),
			"review_due": format_date(review_due),
			"appeal_by": format_date(sent + timedelta(days=APPEAL_WINDOW_DAYS)),
			"ombudsman": OMBUDSMAN,
		},
	)


def appeal_outcome_letter(
	reference: str,
	decided_on: date,
	recipient: Recipient,
	decision: str,
	reasons: str,
	director: str,
	protocol: str,
) -> Letter:
	"""6.5.5: the Director's decision, with reasons, and where the customer may go next."""
	return Letter(
		kind="Appeal outcome",
		reference=reference,
		date=format_date(decided_on),
		recipient=recipient,
		signed_by=director,
		body={"decision": decision, "reasons": reasons, "protocol": protocol, "ombudsman": OMBUDSMAN},
	)


def review_outcome_letter(
	reference: str,
	notified_on: date,
	recipient: Recipient,
	decision: str,
	reasons: str,
	reviewer: str,
	protocol: str,
	next_review: date | None,
	period: tuple[date, date] | None = None,
) -> Letter:
	"""6.5.6: 'the customer will be notified in writing of the decision whether continue or end the protocol',
	naming the period the review looked at."""
	return Letter(
		kind="Review outcome",
		reference=reference,
		date=format_date(notified_on),
		recipient=recipient,
		signed_by=reviewer,
		body={
			"decision": decision,
			"reasons": reasons,
			"protocol": protocol,
			"next_review": format_date(next_review) if next_review else None,
			"period_from": format_date(period[0]) if period else None,
			"period_to": format_date(period[1]) if period else None,
			"ombudsman": OMBUDSMAN,
		},
	)


@dataclass(frozen=True)
class HazardSummary:
	"""Awaab's Law: the written summary a tenant is given within 3 working days of the investigation of a
	significant hazard concluding: what was reported and when, what the investigation found, what the
	landlord will do and by when (the Hazards in Social Housing (Prescribed Requirements) (England)
	Regulations 2025; the government's guidance of October 2025). It is sent as a reply on the tenant's
	ticket, so the tenant's communication protocol, if any, decides how it goes."""

	category: str
	reported_on: str
	investigated_on: str
	findings: str
	planned_work: str
	work_by: str | None
	ombudsman: str = OMBUDSMAN


def hazard_summary(
	category: str,
	reported_on: date,
	investigated_on: date,
	findings: str,
	planned_work: str,
	work_by: date | None,
) -> HazardSummary:
	if not findings.strip() or not planned_work.strip():
		raise ValueError("a written summary says what was found and what will be done")
	return HazardSummary(
		category=category,
		reported_on=format_date(reported_on),
		investigated_on=format_date(investigated_on),
		findings=findings.strip(),
		planned_work=planned_work.strip(),
		work_by=format_date(work_by) if work_by else None,
	)


@dataclass(frozen=True)
class LetterState:
	"""Where the record a letter is about stands. ``kind``: warning, protocol, appeal or review."""

	kind: str
	submitted: bool
	status: str | None = None
	decision: str | None = None
	reasons: str | None = None
	sent_on: date | None = None


def letter_not_ready(state: LetterState):
	"""6.5.4–6.5.6: decide and authorise first, then tell the customer in writing, once. A customer is
	never told of a decision not yet made. Returns why not, or None when the letter may go."""
	from .i18n import Message, _

	if not state.submitted:
		return {
			"warning": Message(_("Submit the warning first: its letter goes once it is issued.")),
			"correspondence": Message(_("Submit the incident first: its letter goes once it is recorded.")),
			"protocol": Message(
				_(
					"A Head of Service authorises the protocol before its letter goes (policy 6.5.4): submit it first."
				)
			),
			"appeal": Message(
				_("The Director decides the appeal before its outcome letter goes (policy 6.5.5).")
			),
			"review": Message(_("Complete the review before its outcome letter goes (policy 6.5.6).")),
		}[state.kind]
	if state.sent_on:
		return Message(_("This letter was already recorded sent on {0}."), (format_date(state.sent_on),))
	if state.kind == "protocol" and state.status != "Authorised":
		return Message(
			_("The protocol is {0}: its letter goes once, after it is authorised."), (state.status,)
		)
	if state.kind in ("appeal", "review"):
		return outcome_letter_not_ready(state.decision, state.reasons)
	return None


def outcome_letter_not_ready(decision: str | None, reasons: str | None):
	"""6.5.5 / 6.5.6: an outcome letter tells the customer the decision and the reasons for it, so it
	cannot go before both are recorded. Returns why not, or None when the letter may go."""
	from .i18n import Message, _

	if not (decision or "").strip():
		return Message(_("Record the decision before sending the outcome letter."))
	if not (reasons or "").strip():
		return Message(_("Record the reasons for the decision before sending the outcome letter."))
	return None


def restrictions_of(rules, update_frequency: str | None = None) -> list:
	"""The protocol's rules as sentences to the customer (6.4.2–6.4.4, 6.5.4)."""
	from .i18n import Message, _

	sentences = []
	for window in rules.windows:
		sentences.append(Message(_("{0} contact only on {1}."), (window.channel, window.describe())))
	if rules.allowed_ticket_types:
		sentences.append(
			Message(
				_("We will deal with these matters only: {0}."),
				(", ".join(sorted(rules.allowed_ticket_types)),),
			)
		)
	if rules.health_and_safety_only_until:
		sentences.append(
			Message(
				_("Until {0} we will deal only with health and safety matters."),
				(format_date(rules.health_and_safety_only_until),),
			)
		)
	if rules.issue_limit and rules.issue_limit_period:
		sentences.append(
			Message(
				_("We will consider up to {0} new issues each {1}; please focus your requests."),
				(rules.issue_limit, period_noun(rules.issue_limit_period)),
			)
		)
	if rules.visits_by_appointment_only:
		sentences.append(Message(_("Please make an appointment before visiting the office.")))
	third_party = rules.third_party_name or rules.third_party_contact
	if rules.third_party_only:
		sentences.append(Message(_("All contact will be through {0}."), (third_party,)))
	elif third_party and Channel.THIRD_PARTY in rules.allowed_channels:
		sentences.append(
			Message(_("You may also contact us through {0}, who may act for you."), (third_party,))
		)
	if third_party and rules.third_party_authority_until:
		sentences.append(
			Message(
				_("{0} may act for you until {1}; tell us if that should change."),
				(third_party, format_date(rules.third_party_authority_until)),
			)
		)
	if update_frequency:
		sentences.append(Message(_("We will update you: {0}."), (update_frequency,)))
	return sentences
