"""A Communication Protocol's rules (6.4, 6.5.4) and the checks a protocol must pass to be valid."""

from dataclasses import dataclass
from datetime import date, time
from itertools import pairwise

from .dates import review_due_date
from .i18n import Message, _
from .values import WRITTEN_CHANNELS, Channel, IssuePeriod

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ContactWindow:
	"""6.4.2: 'only take telephone calls at set times on set days'. ``weekday`` 0 is Monday;
	the window holds ``start <= t < end`` in the site's time zone."""

	channel: Channel
	weekday: int
	start: time
	end: time

	@property
	def weekday_name(self) -> str:
		return WEEKDAYS[self.weekday]

	def contains(self, weekday: int, moment: time) -> bool:
		return weekday == self.weekday and self.start <= moment < self.end

	def describe(self) -> str:
		return f"{self.weekday_name} {self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class ProtocolRules:
	"""What an Active protocol restricts. Built by the Frappe layer from `UAB Communication Protocol`."""

	reference: str
	customer_name: str
	allowed_channels: frozenset[Channel]
	windows: tuple[ContactWindow, ...] = ()
	single_point_of_contact: str | None = None
	single_point_of_contact_name: str | None = None
	deputy_contact: str | None = None
	allowed_ticket_types: frozenset[str] = frozenset()
	health_and_safety_only_until: date | None = None
	issue_limit: int | None = None
	issue_limit_period: IssuePeriod | None = None
	third_party_only: bool = False
	third_party_contact: str | None = None
	review_due: date | None = None
	visits_by_appointment_only: bool = False
	third_party_name: str | None = None
	third_party_authority_from: date | None = None
	third_party_authority_until: date | None = None

	@property
	def written_channels(self) -> tuple[Channel, ...]:
		return tuple(channel for channel in WRITTEN_CHANNELS if channel in self.allowed_channels)

	def windows_for(self, channel: Channel) -> tuple[ContactWindow, ...]:
		return tuple(window for window in self.windows if window.channel == channel)

	def third_party_authorised(self, on: date) -> bool:
		"""6.3.2 / 6.4.1: the third party may act for the customer on this day — named, and within the
		dates of the authority the customer gave (an open end while it stands)."""
		if not self.third_party_contact or not self.third_party_authority_from:
			return False
		if on < self.third_party_authority_from:
			return False
		return self.third_party_authority_until is None or on <= self.third_party_authority_until

	def is_named_officer(self, user: str | None) -> bool:
		"""6.4.2: 'only one member of staff to deal with calls or correspondence' (and a deputy)."""
		if not self.single_point_of_contact:
			return True
		return bool(user) and user in (self.single_point_of_contact, self.deputy_contact)


@dataclass(frozen=True)
class ProtocolDraft:
	"""The fields of a protocol that can be wrong before it is saved (SPEC §9 'bad input')."""

	allowed_channels: tuple[Channel, ...]
	windows: tuple[ContactWindow, ...] = ()
	start_date: date | None = None
	review_due_date: date | None = None
	review_period_months: int = 6
	single_point_of_contact: str | None = None
	deputy_contact: str | None = None
	health_and_safety_only: bool = False
	health_and_safety_only_until: date | None = None
	issue_limit: int | None = None
	issue_limit_period: IssuePeriod | None = None
	third_party_only: bool = False
	third_party_contact: str | None = None
	third_party_role: str | None = None
	third_party_scope: str | None = None
	third_party_authority_from: date | None = None
	third_party_authority_until: date | None = None
	copy_letters_to_third_party: bool = False


def activation_date(letter_sent_on: date, start_no_earlier_than: date | None = None) -> date:
	"""6.5.4: a protocol applies once the customer has been given it in writing — from the day its
	letter is sent, or from a later start date the Head of Service set; never before the letter."""
	if start_no_earlier_than and start_no_earlier_than > letter_sent_on:
		return start_no_earlier_than
	return letter_sent_on


def validate_protocol(draft: ProtocolDraft) -> list[Message]:
	"""Every reason the draft cannot stand, in the order a form reads; empty when it is valid."""
	problems: list[Message] = []
	problems += _channel_problems(draft)
	problems += _window_problems(draft)
	problems += _date_problems(draft)
	problems += _officer_problems(draft)
	problems += _limit_problems(draft)
	problems += _third_party_problems(draft)
	return problems


def _third_party_problems(draft: ProtocolDraft) -> list[Message]:
	"""6.3.2 / 6.4.1: a third party acts within an authority the customer gave: who they are, what
	they may act on, and from when (and until when, if it is limited)."""
	if not draft.third_party_contact:
		if Channel.THIRD_PARTY in draft.allowed_channels or draft.copy_letters_to_third_party:
			return [
				Message(
					_(
						"Name the third party: contact through a third party needs their details (policy 6.4.1)."
					)
				)
			]
		return []
	problems = []
	if not (
		draft.third_party_role
		and (draft.third_party_scope or "").strip()
		and draft.third_party_authority_from
	):
		problems.append(
			Message(
				_(
					"Record what the third party acts as, what they may act on and from when: their authority comes from the customer (policy 6.3.2)."
				)
			)
		)
	until, start = draft.third_party_authority_until, draft.third_party_authority_from
	if until and start and until < start:
		problems.append(Message(_("The third party's authority ends before it starts.")))
	return problems


def _channel_problems(draft: ProtocolDraft) -> list[Message]:
	if not draft.allowed_channels:
		return [
			Message(_("A communication protocol must leave at least one allowed channel (policy 6.4.4)."))
		]
	if len(set(draft.allowed_channels)) != len(draft.allowed_channels):
		return [Message(_("Each allowed channel may be listed only once."))]
	if draft.third_party_only and not draft.third_party_contact:
		return [
			Message(_("Contact only through a third party needs the third party's details (policy 6.4.1)."))
		]
	return []


def _window_problems(draft: ProtocolDraft) -> list[Message]:
	problems = []
	for window in draft.windows:
		if window.end <= window.start:
			problems.append(
				Message(
					_("The {0} contact window on {1} ends at {2}, which is not after it starts at {3}."),
					(
						window.channel.value,
						window.weekday_name,
						f"{window.end:%H:%M}",
						f"{window.start:%H:%M}",
					),
				)
			)
		if window.channel not in draft.allowed_channels:
			problems.append(
				Message(
					_("A contact window is set for {0}, which is not an allowed channel."),
					(window.channel.value,),
				)
			)
	problems += _overlap_problems(draft.windows)
	return problems


def _overlap_problems(windows: tuple[ContactWindow, ...]) -> list[Message]:
	problems = []
	ordered = sorted(windows, key=lambda w: (w.channel.value, w.weekday, w.start))
	for earlier, later in pairwise(ordered):
		same_day = (earlier.channel, earlier.weekday) == (later.channel, later.weekday)
		if same_day and later.start < earlier.end:
			problems.append(
				Message(
					_("The {0} contact windows on {1} overlap ({2} and {3})."),
					(earlier.channel.value, earlier.weekday_name, earlier.describe(), later.describe()),
				)
			)
	return problems


def _date_problems(draft: ProtocolDraft) -> list[Message]:
	problems = []
	start, review = draft.start_date, draft.review_due_date
	if start and review:
		latest = review_due_date(start, draft.review_period_months)
		if review <= start:
			problems.append(Message(_("The review date must be after the start date.")))
		elif review > latest:
			problems.append(
				Message(
					_(
						"The review date can be no later than {0}: a protocol is reviewed after {1} months (policy 6.5.6)."
					),
					(latest.isoformat(), draft.review_period_months),
				)
			)
	if draft.health_and_safety_only and not draft.health_and_safety_only_until:
		problems.append(
			Message(
				_(
					"A health-and-safety-only restriction needs an end date: it is for a specific period (policy 6.4.4)."
				)
			)
		)
	until = draft.health_and_safety_only_until
	if draft.health_and_safety_only and until and start and until < start:
		problems.append(Message(_("The health-and-safety-only period ends before the protocol starts.")))
	return problems


def _officer_problems(draft: ProtocolDraft) -> list[Message]:
	if draft.deputy_contact and not draft.single_point_of_contact:
		return [Message(_("A deputy contact needs a single point of contact to stand in for."))]
	if draft.deputy_contact and draft.deputy_contact == draft.single_point_of_contact:
		return [Message(_("The deputy contact must be a different person from the single point of contact."))]
	return []


def _limit_problems(draft: ProtocolDraft) -> list[Message]:
	if draft.issue_limit is None:
		return []
	if draft.issue_limit < 1:
		return [Message(_("The issue limit must be at least one issue per period (policy 6.4.3)."))]
	if not draft.issue_limit_period:
		return [Message(_("An issue limit needs a period (week, month or quarter)."))]
	return []
