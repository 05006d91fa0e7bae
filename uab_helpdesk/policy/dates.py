"""Date and time rules: review dates, the 12-month lookback, H&S-only and issue-limit periods,
and local wall-clock time in the site's time zone (Europe/London moves across DST twice a year)."""

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .values import IssuePeriod

DEFAULT_REVIEW_PERIOD_MONTHS = 6  # 6.5.6: reviewed "after six months"
DEFAULT_LOOKBACK_MONTHS = 12  # 6.5.3: cases "reviewed and closed for at least 12 months" are set aside


def add_months(day: date, months: int) -> date:
	"""The same day of the month ``months`` later, clamped to the month's end (31 Aug + 6 = 28/29 Feb)."""
	month_index = day.month - 1 + months
	year, month = day.year + month_index // 12, month_index % 12 + 1
	return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due_date(start: date, review_period_months: int = DEFAULT_REVIEW_PERIOD_MONTHS) -> date:
	"""6.5.6: a protocol is reviewed after six months (the period is a setting)."""
	return add_months(start, review_period_months)


def lookback_cutoff(today: date, lookback_months: int = DEFAULT_LOOKBACK_MONTHS) -> date:
	"""6.5.3: a case closed on or before this date is 'closed for at least 12 months'."""
	return add_months(today, -lookback_months)


def is_set_aside_by_lookback(
	case_closed_on: date | None, today: date, lookback_months: int = DEFAULT_LOOKBACK_MONTHS
) -> bool:
	"""6.5.3: behaviour tied to a case closed for at least ``lookback_months`` is not weighed again.
	Behaviour with no case, or whose case is still open, always counts."""
	return case_closed_on is not None and case_closed_on <= lookback_cutoff(today, lookback_months)


def quiet_case_closes_on(
	last_incident: date, today: date, lookback_months: int = DEFAULT_LOOKBACK_MONTHS
) -> date | None:
	"""6.5.3: a case with no protocol closes once a whole lookback passes with no new incident; the day it
	closed, or None while it is still open."""
	closes = add_months(last_incident, lookback_months)
	return closes if closes <= today else None


def in_health_and_safety_only_period(until: date | None, today: date) -> bool:
	"""6.4.4: 'only health and safety issues will be dealt with for a specific period' — inclusive."""
	return until is not None and today <= until


def issue_period_bounds(period: IssuePeriod, today: date) -> tuple[date, date]:
	"""6.4.3: the calendar period holding ``today``, as [start, end) — weeks start on Monday."""
	if period == IssuePeriod.WEEK:
		start = today - timedelta(days=today.weekday())
		return start, start + timedelta(days=7)
	if period == IssuePeriod.MONTH:
		start = today.replace(day=1)
		return start, add_months(start, 1)
	if period == IssuePeriod.QUARTER:
		start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
		return start, add_months(start, 3)
	raise ValueError(f"Unknown issue period: {period!r}")


def to_local(moment: datetime, time_zone: str) -> datetime:
	"""Wall-clock time in the site's zone. A naive datetime is taken as already local: that is how
	Frappe stores datetimes (in the System Settings time zone)."""
	if moment.tzinfo is None:
		return moment
	return moment.astimezone(ZoneInfo(time_zone)).replace(tzinfo=None)
