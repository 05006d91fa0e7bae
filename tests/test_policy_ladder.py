"""The escalation ladder of policy 6.5."""

from datetime import datetime

from uab_helpdesk.policy.ladder import CaseHistory, Step, check_step, next_steps
from uab_helpdesk.policy.values import AssessmentOutcome

D1, D2, D3, D4, D5, D6 = (datetime(2026, 1, day) for day in range(1, 7))


def refused(step, **history) -> bool:
	return bool(check_step(step, CaseHistory(**history)))


def test_initial_warning_needs_an_incident_6_5_1():
	assert refused(Step.INITIAL_WARNING)
	assert not refused(Step.INITIAL_WARNING, incidents=(D1,))


def test_formal_warning_without_initial_warning_is_refused_6_5_2():
	assert (
		"earlier initial warning"
		in check_step(Step.FORMAL_WARNING, CaseHistory(incidents=(D1, D3)))[0].render()
	)


def test_formal_warning_needs_behaviour_persisting_after_initial_warning_6_5_2():
	assert refused(Step.FORMAL_WARNING, incidents=(D1,), initial_warnings=(D2,))
	assert not refused(Step.FORMAL_WARNING, incidents=(D1, D3), initial_warnings=(D2,))


def test_assessment_needs_formal_warning_and_later_incident_6_5_3():
	assert refused(Step.ASSESSMENT, incidents=(D1, D3, D5), initial_warnings=(D2,))
	assert refused(Step.ASSESSMENT, incidents=(D1, D3), initial_warnings=(D2,), formal_warnings=(D4,))
	assert not refused(Step.ASSESSMENT, incidents=(D1, D3, D5), initial_warnings=(D2,), formal_warnings=(D4,))


def test_protocol_needs_an_unacceptable_assessment_6_5_4():
	assert refused(Step.PROTOCOL, assessments=((D5, AssessmentOutcome.NOT_UNACCEPTABLE),))
	assert refused(Step.PROTOCOL, assessments=((D5, AssessmentOutcome.FURTHER_WARNING),))
	assert not refused(Step.PROTOCOL, assessments=((D5, AssessmentOutcome.UNACCEPTABLE),))


def test_director_immediate_action_skips_every_gate_6_5():
	for step in Step:
		assert not refused(step, immediate_action=True)


def test_next_steps_walk_the_ladder_in_order_6_5():
	history = CaseHistory(incidents=(D1,))
	assert next_steps(history) == [Step.INITIAL_WARNING]
	history = CaseHistory(incidents=(D1, D3), initial_warnings=(D2,))
	assert Step.FORMAL_WARNING in next_steps(history) and Step.ASSESSMENT not in next_steps(history)


# Moments, not days (6.3.4: staff tell the caller there and then; 6.5.1-6.5.2).
def test_a_warning_may_follow_its_incident_the_same_day_and_the_same_minute_6_5_1():
	incident = datetime(2026, 11, 24, 10, 0)
	assert not refused(Step.INITIAL_WARNING, incidents=(incident,))
	warned = datetime(2026, 11, 24, 10, 0, 40)  # same minute, later
	again = datetime(2026, 11, 24, 10, 5)
	assert not refused(Step.FORMAL_WARNING, incidents=(incident, again), initial_warnings=(warned,))
	# The incident of the same minute but before the warning is not "after" it.
	assert refused(Step.FORMAL_WARNING, incidents=(incident,), initial_warnings=(warned,))


def test_behaviour_continuing_across_midnight_counts_6_5_2():
	warned = datetime(2026, 11, 24, 23, 59)
	after_midnight = datetime(2026, 11, 25, 0, 1)
	assert not refused(Step.FORMAL_WARNING, incidents=(after_midnight,), initial_warnings=(warned,))


def test_moments_across_the_clocks_going_back_are_ordered_by_the_instant_6_5_2():
	"""Europe/London, 25 October 2026: 01:00-02:00 happens twice. Aware moments order by the instant,
	so an incident in the second 01:30 is after a warning given in the first 01:45."""
	from datetime import timedelta, timezone

	bst, gmt = timezone(timedelta(hours=1)), timezone.utc
	warned = datetime(2026, 10, 25, 1, 45, tzinfo=bst)  # 00:45 UTC
	incident = datetime(2026, 10, 25, 1, 30, tzinfo=gmt)  # 01:30 UTC, later
	assert not refused(Step.FORMAL_WARNING, incidents=(incident,), initial_warnings=(warned,))


# The 12-month rule (6.5.3): a case reviewed and closed for at least the lookback is not weighed again.
def test_records_of_a_case_closed_over_the_lookback_ago_do_not_open_the_next_step_6_5_3():
	from datetime import date

	from uab_helpdesk.policy.ladder import leave_out_closed_cases

	years_ago = CaseHistory(
		incidents=(datetime(2023, 3, 1), datetime(2026, 11, 20)), initial_warnings=(datetime(2023, 3, 2),)
	)
	history = leave_out_closed_cases(years_ago, (date(2023, 9, 1),), date(2026, 12, 1), 12)
	assert history.initial_warnings == () and history.incidents == (datetime(2026, 11, 20),)
	problems = check_step(Step.FORMAL_WARNING, history)
	assert "earlier initial warning" in problems[0].render()
	assert "2 earlier records are left out: their case closed on 1 September 2023" in problems[-1].render()


def test_a_case_closed_less_than_the_lookback_ago_still_counts_6_5_3():
	from datetime import date

	from uab_helpdesk.policy.ladder import leave_out_closed_cases

	recent = CaseHistory(
		incidents=(datetime(2026, 3, 1), datetime(2026, 11, 20)), initial_warnings=(datetime(2026, 3, 2),)
	)
	history = leave_out_closed_cases(recent, (date(2026, 6, 1),), date(2026, 12, 1), 12)
	assert history == recent and not check_step(Step.FORMAL_WARNING, history)


def test_a_quiet_case_closes_when_a_whole_lookback_passes_without_an_incident_6_5_3():
	from datetime import date

	from uab_helpdesk.policy.dates import quiet_case_closes_on

	assert quiet_case_closes_on(date(2025, 11, 30), date(2026, 12, 1), 12) == date(2026, 11, 30)
	assert quiet_case_closes_on(date(2026, 1, 5), date(2026, 12, 1), 12) is None
