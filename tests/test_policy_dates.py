from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uab_helpdesk.policy.dates import (
	add_months,
	in_health_and_safety_only_period,
	is_set_aside_by_lookback,
	issue_period_bounds,
	review_due_date,
	to_local,
)
from uab_helpdesk.policy.values import IssuePeriod


def test_review_due_six_months_after_start_6_5_6():
	assert review_due_date(date(2026, 11, 3)) == date(2027, 5, 3)


def test_review_due_clamps_to_month_end_6_5_6():
	assert review_due_date(date(2026, 8, 31)) == date(2027, 2, 28)
	assert review_due_date(date(2027, 8, 31)) == date(2028, 2, 29)


def test_review_period_is_configurable_6_5_6():
	assert review_due_date(date(2026, 1, 15), 3) == date(2026, 4, 15)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)), st.integers(-60, 60))
def test_add_months_lands_in_the_right_month(day, months):
	moved = add_months(day, months)
	assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
	assert moved.day <= day.day


def test_case_closed_twelve_months_ago_is_set_aside_6_5_3():
	today = date(2026, 11, 24)
	assert is_set_aside_by_lookback(date(2025, 11, 24), today)
	assert is_set_aside_by_lookback(date(2024, 1, 1), today)


def test_case_closed_less_than_twelve_months_ago_still_counts_6_5_3():
	assert not is_set_aside_by_lookback(date(2025, 11, 25), date(2026, 11, 24))


def test_open_case_or_no_case_always_counts_6_5_3():
	assert not is_set_aside_by_lookback(None, date(2026, 11, 24))


def test_health_and_safety_only_period_is_inclusive_6_4_4():
	until = date(2026, 12, 31)
	assert in_health_and_safety_only_period(until, date(2026, 12, 31))
	assert not in_health_and_safety_only_period(until, date(2027, 1, 1))
	assert not in_health_and_safety_only_period(None, date(2026, 1, 1))


@pytest.mark.parametrize(
	"period, today, expected",
	[
		(IssuePeriod.WEEK, date(2026, 11, 26), (date(2026, 11, 23), date(2026, 11, 30))),
		(IssuePeriod.MONTH, date(2026, 11, 26), (date(2026, 11, 1), date(2026, 12, 1))),
		(IssuePeriod.MONTH, date(2026, 12, 31), (date(2026, 12, 1), date(2027, 1, 1))),
		(IssuePeriod.QUARTER, date(2026, 11, 26), (date(2026, 10, 1), date(2027, 1, 1))),
		(IssuePeriod.QUARTER, date(2026, 2, 1), (date(2026, 1, 1), date(2026, 4, 1))),
	],
)
def test_issue_limit_periods_are_calendar_periods_6_4_3(period, today, expected):
	assert issue_period_bounds(period, today) == expected


@given(st.sampled_from(list(IssuePeriod)), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_issue_period_always_holds_the_day_6_4_3(period, today):
	start, end = issue_period_bounds(period, today)
	assert start <= today < end


def test_to_local_converts_utc_to_london_summer_time():
	assert to_local(datetime(2026, 7, 7, 9, 30, tzinfo=timezone.utc), "Europe/London") == datetime(
		2026, 7, 7, 10, 30
	)


def test_to_local_keeps_greenwich_time_in_winter():
	assert to_local(datetime(2026, 1, 6, 9, 30, tzinfo=timezone.utc), "Europe/London") == datetime(
		2026, 1, 6, 9, 30
	)


def test_naive_datetimes_are_already_site_local():
	assert to_local(datetime(2026, 7, 7, 9, 30), "Europe/London") == datetime(2026, 7, 7, 9, 30)
