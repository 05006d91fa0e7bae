"""The assessment's evidence pack (policy 6.5.3)."""

from datetime import date, datetime

import pytest

from uab_helpdesk.policy.evidence import (
	IncidentRecord,
	MessageRecord,
	compute_evidence,
	left_out_note,
	word_count,
)

FROM, TO = date(2026, 9, 1), date(2026, 11, 23)  # 84 days = 12 weeks


def test_counts_instances_in_the_period_6_5_3():
	incidents = [
		IncidentRecord("I-1", datetime(2026, 9, 2, 10)),
		IncidentRecord("I-2", datetime(2026, 11, 23, 23, 59)),
		IncidentRecord("I-0", datetime(2026, 8, 31, 23, 59)),
	]
	evidence = compute_evidence(FROM, TO, incidents, [], [], [])
	assert evidence.incidents == ("I-1", "I-2")
	assert evidence.incident_count == 2


def test_sets_aside_cases_closed_twelve_months_or_more_6_5_3():
	incidents = [
		IncidentRecord("old-case", datetime(2026, 9, 5), case_closed_on=date(2025, 11, 1)),
		IncidentRecord("recent-case", datetime(2026, 9, 6), case_closed_on=date(2026, 10, 1)),
	]
	evidence = compute_evidence(FROM, TO, incidents, [], [], [])
	assert evidence.incidents == ("recent-case",)
	assert evidence.left_out == ("old-case",)
	assert left_out_note(evidence).render() == (
		"1 incidents of this period are left out (old-case): their case closed more than 12 months before the period ends (policy 6.5.3)."
	)


def test_nothing_left_out_says_nothing_6_5_3():
	assert (
		left_out_note(compute_evidence(FROM, TO, [IncidentRecord("I-1", datetime(2026, 9, 2))], [], [], []))
		is None
	)


def test_frequency_and_length_of_communication_6_5_3():
	messages = [
		MessageRecord(datetime(2026, 9, 1, 9), "<p>one two three</p>"),
		MessageRecord(
			datetime(2026, 10, 1, 9),
			"four five six seven eight nine<blockquote>quoted earlier reply</blockquote>",
		),
		MessageRecord(datetime(2026, 12, 1, 9), "outside"),
	]
	evidence = compute_evidence(FROM, TO, [], messages, [], [])
	assert evidence.contact_count == 2
	assert evidence.contacts_per_week == pytest.approx(2 / 12, abs=0.01)
	assert evidence.average_message_words == 4.5


def test_tickets_opened_and_blocked_attempts_are_counted_6_5_3():
	evidence = compute_evidence(
		FROM, TO, [], [], [datetime(2026, 9, 3), datetime(2026, 1, 1)], [datetime(2026, 10, 3)]
	)
	assert (evidence.tickets_opened, evidence.blocked_attempts) == (1, 1)


def test_no_messages_gives_zero_not_an_error_6_5_3():
	assert compute_evidence(FROM, TO, [], [], [], []).average_message_words == 0.0


def test_period_out_of_order_is_refused():
	with pytest.raises(ValueError):
		compute_evidence(TO, FROM, [], [], [], [])


def test_word_count_ignores_markup_and_entities():
	assert word_count("<div>Hello&nbsp;there <b>you</b></div>") == 3
	assert word_count(None) == 0
