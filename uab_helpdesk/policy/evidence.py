"""The assessment's evidence pack, computed from plain records (6.5.3).

A manager weighs 'the number of instances', 'the levels of communication received (length and
frequency)' and sets aside cases 'reviewed and closed for at least 12 months'. These numbers are
counted, not typed, so two managers looking at the same customer see the same facts.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape

from .dates import DEFAULT_LOOKBACK_MONTHS, is_set_aside_by_lookback
from .i18n import Message, _

_TAG = re.compile(r"<[^>]+>")
_QUOTED_REPLY = re.compile(r"<blockquote.*?</blockquote>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class IncidentRecord:
	name: str
	occurred_on: datetime
	case_closed_on: date | None = None


@dataclass(frozen=True)
class MessageRecord:
	"""A message the customer sent us (a received Communication)."""

	received_on: datetime
	content: str
	name: str | None = None
	flagged: bool = False  # the language signal (policy/language.py): for the manager to read, 6.5.3


@dataclass(frozen=True)
class Evidence:
	incidents: tuple[str, ...]
	incident_count: int
	contact_count: int
	contacts_per_week: float
	average_message_words: float
	tickets_opened: int
	blocked_attempts: int
	left_out: tuple[str, ...] = ()  # incidents of the period whose case closed over a lookback ago
	flagged: tuple[tuple[str, datetime], ...] = ()  # messages of the period the language signal flagged


def left_out_note(evidence: Evidence, lookback_months: int = DEFAULT_LOOKBACK_MONTHS) -> Message | None:
	"""6.5.3, said on the form: what the counts leave out and why, so nobody wonders where it went."""
	if not evidence.left_out:
		return None
	return Message(
		_(
			"{0} incidents of this period are left out ({1}): their case closed more than {2} months before the period ends (policy 6.5.3)."
		),
		(len(evidence.left_out), ", ".join(evidence.left_out), lookback_months),
	)


def customer_text(content: str | None) -> str:
	"""What the customer wrote: HTML tags and quoted earlier replies are not their words."""
	return unescape(_TAG.sub(" ", _QUOTED_REPLY.sub(" ", content or "")))


def word_count(content: str | None) -> int:
	return len(customer_text(content).split())


def compute_evidence(
	period_from: date,
	period_to: date,
	incidents: list[IncidentRecord],
	messages: list[MessageRecord],
	tickets_opened: list[datetime],
	blocked_attempts: list[datetime],
	lookback_months: int = DEFAULT_LOOKBACK_MONTHS,
) -> Evidence:
	"""Counts within [period_from, period_to], both inclusive; the lookback is judged at period_to."""
	if period_to < period_from:
		raise ValueError("period_to is before period_from")

	def in_period(moment: datetime) -> bool:
		return period_from <= moment.date() <= period_to

	in_range = sorted(
		(incident for incident in incidents if in_period(incident.occurred_on)),
		key=lambda incident: incident.occurred_on,
	)
	counted = [
		incident
		for incident in in_range
		if not is_set_aside_by_lookback(incident.case_closed_on, period_to, lookback_months)
	]
	received = [message for message in messages if in_period(message.received_on)]
	weeks = ((period_to - period_from).days + 1) / 7
	words = [word_count(message.content) for message in received]
	return Evidence(
		incidents=tuple(incident.name for incident in counted),
		incident_count=len(counted),
		contact_count=len(received),
		contacts_per_week=round(len(received) / weeks, 2),
		average_message_words=round(sum(words) / len(words), 1) if words else 0.0,
		tickets_opened=sum(1 for opened in tickets_opened if in_period(opened)),
		blocked_attempts=sum(1 for attempt in blocked_attempts if in_period(attempt)),
		left_out=tuple(incident.name for incident in in_range if incident not in counted),
		flagged=tuple(
			(message.name, message.received_on)
			for message in sorted(received, key=lambda message: message.received_on)
			if message.flagged
		),
	)
