"""Awaab's Law clocks (the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025;
issue 21): the timescales, across a weekend and a bank holiday, and a breach kept on the record."""

from datetime import date, datetime

from uab_helpdesk.policy.hazards import (
	HazardKind,
	Step,
	add_working_days,
	clock_state,
	due_dates,
	kind_of,
)
from uab_helpdesk.policy.working_time import WorkingCalendar

# Christmas 2026: Friday 25 and Monday 28 December are bank holidays (Boxing Day falls on a Saturday).
CHRISTMAS = WorkingCalendar(holidays=frozenset({date(2026, 12, 25), date(2026, 12, 28)}))


def test_a_gas_smell_is_investigated_and_made_safe_within_24_hours_whatever_the_day():
	aware = datetime(2026, 12, 24, 16, 30)  # Christmas Eve, late afternoon
	dues = {due.step: due.by for due in due_dates(kind_of("Gas"), aware, CHRISTMAS)}
	assert dues == {
		Step.INVESTIGATED: datetime(2026, 12, 25, 16, 30),
		Step.MADE_SAFE: datetime(2026, 12, 25, 16, 30),
	}


def test_damp_and_mould_is_investigated_within_10_working_days_across_a_weekend_and_bank_holidays():
	"""Aware on Wednesday 23 December: 24, 29, 30, 31 Dec, 1 (a working day here), 4, 5, 6, 7, 8 Jan."""
	aware = datetime(2026, 12, 23, 10, 0)
	assert kind_of("Damp and mould") == HazardKind.SIGNIFICANT
	investigate = due_dates(HazardKind.SIGNIFICANT, aware, CHRISTMAS)[0]
	assert investigate.by == datetime(2027, 1, 8, 23, 59, 59)


def test_the_summary_and_the_work_run_from_the_investigation_3_and_5_working_days():
	aware, concluded = datetime(2026, 12, 1, 9, 0), datetime(2026, 12, 11, 15, 0)  # a Friday
	dues = {due.step: due.by for due in due_dates(HazardKind.SIGNIFICANT, aware, CHRISTMAS, concluded)}
	assert dues[Step.SUMMARY_SENT] == datetime(2026, 12, 16, 23, 59, 59)
	assert dues[Step.WORK_STARTED] == datetime(2026, 12, 18, 23, 59, 59)
	assert due_dates(HazardKind.SIGNIFICANT, aware, CHRISTMAS)[1].by is None, "not before the investigation"


def test_a_late_step_is_a_breach_on_the_record_even_once_done():
	aware = datetime(2026, 12, 1, 9, 0)
	late = {Step.INVESTIGATED: datetime(2026, 12, 2, 10, 0), Step.MADE_SAFE: datetime(2026, 12, 2, 10, 0)}
	state = clock_state(HazardKind.EMERGENCY, aware, late, datetime(2026, 12, 3), CHRISTMAS)
	assert (state.status, state.breached) == ("Breached", (Step.INVESTIGATED, Step.MADE_SAFE))
	on_time = {step: datetime(2026, 12, 1, 20, 0) for step in late}
	assert clock_state(HazardKind.EMERGENCY, aware, on_time, datetime(2026, 12, 3), CHRISTMAS).status == "Met"


def test_the_officers_are_warned_before_a_breach_not_after():
	aware = datetime(2026, 12, 1, 9, 0)
	early = clock_state(HazardKind.EMERGENCY, aware, {}, datetime(2026, 12, 1, 12, 0), CHRISTMAS)
	assert (early.status, early.warn) == ("Open", False)
	close = clock_state(HazardKind.EMERGENCY, aware, {}, datetime(2026, 12, 2, 4, 0), CHRISTMAS)
	assert (close.status, close.warn) == ("Open", True)


def test_safeguarding_starts_no_hazard_clock():
	assert kind_of("Safeguarding or self-harm") is None


def test_working_days_skip_weekends_and_holidays():
	assert add_working_days(date(2026, 12, 24), 1, CHRISTMAS) == date(2026, 12, 29)


def test_restricted_customers_waiting_longer_for_hazards_is_flagged_awaabs_law_7_1():
	from uab_helpdesk.policy.hazards import RESTRICTED, summarise_clocks

	aware = datetime(2026, 12, 1, 9, 0)

	def clock(restricted, status, hours=None):
		from datetime import timedelta

		return {
			"restricted": restricted,
			"kind": "Emergency",
			"status": status,
			"aware_on": aware,
			"investigated_on": aware + timedelta(hours=hours) if hours is not None else None,
		}

	clocks = (
		[clock(True, "Breached", 30)] * 3
		+ [clock(True, "Met", 10)]
		+ [clock(False, "Met", 5)] * 8
		+ [clock(False, "Breached", 26)]
	)
	rows = {(row.group, row.kind): row for row in summarise_clocks(clocks)}
	restricted = rows[(RESTRICTED, "Emergency")]
	assert (restricted.breached, restricted.met, restricted.breach_rate) == (3, 1, 0.75)
	assert restricted.median_hours_to_investigate == 30.0
	assert restricted.flagged, "restricted customers breached at 0.75 against 0.11"
	fair = [clock(True, "Met", 5)] * 4 + [clock(False, "Met", 5)] * 4
	assert not any(row.flagged for row in summarise_clocks(fair))
