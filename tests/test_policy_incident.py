"""What an incident record must hold (policy 6.3)."""

from datetime import datetime

from uab_helpdesk.policy.incident import IncidentFacts, validate_incident
from uab_helpdesk.policy.values import Channel, PhysicalViolence

NOW = datetime(2026, 11, 24, 12, 0)


def problems(**fields) -> list[str]:
	values = dict(
		occurred_on=datetime(2026, 11, 24, 9, 0),
		channel=Channel.PHONE,
		description="Caller shouted and swore at the officer.",
	)
	values.update(fields)
	return [message.render() for message in validate_incident(IncidentFacts(**values), NOW)]


def test_a_factual_incident_is_accepted_6_3_5():
	assert problems() == []


def test_violence_threatened_without_police_report_is_refused_6_3_1():
	assert problems(physical_violence=PhysicalViolence.THREATENED) == [
		"Physical violence was Threatened: it must be reported to the police, and the report recorded (policy 6.3.1)."
	]


def test_a_draft_may_record_a_threat_before_the_police_report_but_not_be_submitted_6_3_1():
	facts = IncidentFacts(
		occurred_on=NOW,
		channel=Channel.EMAIL,
		description="A threat in a message received.",
		physical_violence=PhysicalViolence.THREATENED,
	)
	assert validate_incident(facts, NOW, submitting=False) == []
	assert validate_incident(facts, NOW, submitting=True)


def test_violence_used_without_police_report_is_refused_6_3_1():
	assert problems(physical_violence=PhysicalViolence.USED)


def test_police_report_needs_a_reference_6_3_1():
	assert problems(physical_violence=PhysicalViolence.USED, police_reported=True) == [
		"Record the police reference for the report (policy 6.3.1)."
	]
	assert (
		problems(physical_violence=PhysicalViolence.USED, police_reported=True, police_reference="CAD 1234")
		== []
	)


def test_description_must_be_factual_6_3_5():
	assert "words spoken" in problems(description="rude")[0]


def test_incident_in_the_future_is_refused_6_3_5():
	assert problems(occurred_on=datetime(2026, 11, 25, 9, 0))


def test_only_calls_are_ended_by_staff_6_3_4():
	assert problems(channel=Channel.EMAIL, call_ended_by_staff=True)
	assert not problems(channel=Channel.PHONE, call_ended_by_staff=True)


def test_only_correspondence_is_left_unanswered_6_3_3():
	assert problems(channel=Channel.IN_PERSON, correspondence_not_answered=True)
	assert not problems(channel=Channel.LETTER, correspondence_not_answered=True)
