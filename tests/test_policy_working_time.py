"""Working-time deadlines: a held message is read within working hours of arriving (issue 21; 6.4.3)."""

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uab_helpdesk.policy.working_time import WorkingCalendar, add_working_hours

OFFICE = WorkingCalendar()


def test_within_the_day_6_4_3():
	assert add_working_hours(datetime(2026, 12, 1, 10, 0), 4, OFFICE) == datetime(2026, 12, 1, 14, 0)


def test_friday_evening_is_due_on_monday_afternoon_6_4_3():
	assert add_working_hours(datetime(2026, 12, 4, 19, 30), 4, OFFICE) == datetime(2026, 12, 7, 13, 0)


def test_the_hours_left_carry_over_the_weekend_6_4_3():
	assert add_working_hours(datetime(2026, 12, 4, 15, 0), 4, OFFICE) == datetime(2026, 12, 7, 11, 0)


def test_a_bank_holiday_is_skipped_6_4_3():
	"""Christmas Day and Boxing Day (moved to Monday 28 December 2026) are not working days."""
	calendar = WorkingCalendar(holidays=frozenset({date(2026, 12, 25), date(2026, 12, 28)}))
	assert add_working_hours(datetime(2026, 12, 24, 16, 0), 4, calendar) == datetime(2026, 12, 29, 12, 0)


def test_the_landlords_own_opening_hours():
	calendar = WorkingCalendar(hours={0: (time(8, 0), time(12, 0)), 2: (time(8, 0), time(12, 0))})
	assert add_working_hours(datetime(2026, 11, 30, 11, 0), 2, calendar) == datetime(2026, 12, 2, 9, 0)


def test_a_calendar_with_no_opening_hours_fails_rather_than_loops():
	with pytest.raises(ValueError):
		add_working_hours(datetime(2026, 12, 1, 9, 0), 1, WorkingCalendar(hours={}))


@given(
	st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
	st.floats(min_value=0, max_value=80),
)
def test_the_deadline_is_never_before_the_message_and_falls_in_opening_hours(start, hours):
	due = add_working_hours(start, hours, OFFICE)
	assert due >= start
	if hours:
		opening = OFFICE.opening(due.date())
		assert opening and opening[0] <= due <= opening[1]
