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


@dataclass(frozen=True)
class Evidence:
	incidents: tuple[str, ...]
	incident_count: int
	contact_count: int
	contacts_per_week: float
	average_message_words: float
	tickets_opened: int
	blocked_attempts: int


def word_count(content: str | None) -> int:
	"""Words the customer wrote: HTML tags and quoted earlier replies are not their words."""
	text = _TAG.sub(" ", _QUOTED_REPLY.sub(" ", content or ""))
	return len(unescape(text).split())


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

	counted = sorted(
		(
			incident
			for incident in incidents
			if in_period(incident.occurred_on)
			and not is_set_aside_by_lookback(incident.case_closed_on, period_to, lookback_months)
		),
		key=lambda incident: incident.occurred_on,
	)
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
	)
