"""Bad protocol input gets a clear message (SPEC §9; policy 6.4.1–6.4.4, 6.5.6)."""

from datetime import date, time

from uab_helpdesk.policy.protocol import ContactWindow, ProtocolDraft, validate_protocol
from uab_helpdesk.policy.values import Channel, IssuePeriod


def problems(**fields) -> list[str]:
	fields.setdefault("allowed_channels", (Channel.LETTER,))
	return [message.render() for message in validate_protocol(ProtocolDraft(**fields))]


def test_a_sound_protocol_has_no_problems():
	assert (
		problems(
			allowed_channels=(Channel.LETTER, Channel.PHONE),
			windows=(ContactWindow(Channel.PHONE, 1, time(10), time(12)),),
			start_date=date(2026, 11, 24),
			review_due_date=date(2027, 5, 24),
			single_point_of_contact="a@x",
			deputy_contact="b@x",
			issue_limit=3,
			issue_limit_period=IssuePeriod.MONTH,
		)
		== []
	)


def test_no_allowed_channel_is_refused_6_4_4():
	assert problems(allowed_channels=()) == [
		"A communication protocol must leave at least one allowed channel (policy 6.4.4)."
	]


def test_a_channel_listed_twice_is_refused():
	assert problems(allowed_channels=(Channel.LETTER, Channel.LETTER))


def test_window_ending_before_it_starts_is_refused_6_4_2():
	found = problems(
		allowed_channels=(Channel.PHONE,), windows=(ContactWindow(Channel.PHONE, 1, time(12), time(10)),)
	)
	assert found == [
		"The Phone contact window on Tuesday ends at 10:00, which is not after it starts at 12:00."
	]


def test_window_for_a_channel_that_is_not_allowed_is_refused_6_4_2():
	found = problems(
		allowed_channels=(Channel.LETTER,), windows=(ContactWindow(Channel.PHONE, 1, time(10), time(12)),)
	)
	assert found == ["A contact window is set for Phone, which is not an allowed channel."]


def test_overlapping_windows_are_refused_6_4_2():
	found = problems(
		allowed_channels=(Channel.PHONE,),
		windows=(
			ContactWindow(Channel.PHONE, 1, time(10), time(12)),
			ContactWindow(Channel.PHONE, 1, time(11), time(13)),
		),
	)
	assert len(found) == 1 and "overlap" in found[0]


def test_windows_on_different_days_do_not_overlap_6_4_2():
	assert not problems(
		allowed_channels=(Channel.PHONE,),
		windows=(
			ContactWindow(Channel.PHONE, 1, time(10), time(12)),
			ContactWindow(Channel.PHONE, 3, time(10), time(12)),
		),
	)


def test_review_date_later_than_six_months_is_refused_6_5_6():
	found = problems(start_date=date(2026, 11, 24), review_due_date=date(2027, 6, 1))
	assert found == [
		"The review date can be no later than 2027-05-24: a protocol is reviewed after 6 months (policy 6.5.6)."
	]


def test_review_date_before_start_is_refused_6_5_6():
	assert problems(start_date=date(2026, 11, 24), review_due_date=date(2026, 11, 1)) == [
		"The review date must be after the start date."
	]


def test_health_and_safety_only_needs_an_end_date_6_4_4():
	assert "specific period" in problems(health_and_safety_only=True)[0]


def test_health_and_safety_period_ending_before_start_is_refused_6_4_4():
	found = problems(
		start_date=date(2026, 11, 24),
		health_and_safety_only=True,
		health_and_safety_only_until=date(2026, 11, 1),
	)
	assert found == ["The health-and-safety-only period ends before the protocol starts."]


def test_third_party_only_needs_the_third_party_6_4_1():
	assert "third party's details" in problems(third_party_only=True)[0]


def test_deputy_must_differ_from_single_point_of_contact_6_4_2():
	assert problems(single_point_of_contact="a@x", deputy_contact="a@x")
	assert problems(deputy_contact="b@x")


def test_issue_limit_must_be_positive_and_have_a_period_6_4_3():
	assert problems(issue_limit=0, issue_limit_period=IssuePeriod.MONTH)
	assert problems(issue_limit=3)


def test_every_problem_is_reported_together():
	found = problems(
		allowed_channels=(Channel.PHONE,),
		windows=(ContactWindow(Channel.PHONE, 1, time(12), time(10)),),
		health_and_safety_only=True,
		issue_limit=0,
	)
	assert len(found) == 3


def test_a_protocol_applies_from_the_day_its_letter_is_sent_or_a_later_start_6_5_4():
	from uab_helpdesk.policy.protocol import activation_date

	sent = date(2026, 12, 1)
	assert activation_date(sent) == sent
	assert activation_date(sent, date(2026, 11, 20)) == sent  # never before the customer is told
	assert activation_date(sent, date(2026, 12, 14)) == date(2026, 12, 14)


THIRD_PARTY = dict(
	third_party_contact="CONT-0009",
	third_party_role="Advocate",
	third_party_scope="Repairs and the rent account",
	third_party_authority_from=date(2026, 6, 1),
)


def test_a_third_party_with_role_scope_and_authority_is_sound_6_3_2():
	assert problems(allowed_channels=(Channel.LETTER, Channel.THIRD_PARTY), **THIRD_PARTY) == []


def test_a_third_party_without_the_authority_the_customer_gave_is_refused_6_3_2():
	for missing in ("third_party_role", "third_party_scope", "third_party_authority_from"):
		assert problems(**{**THIRD_PARTY, missing: None}) == [
			"Record what the third party acts as, what they may act on and from when: their authority comes from the customer (policy 6.3.2)."
		]


def test_an_authority_that_ends_before_it_starts_is_refused_6_3_2():
	assert problems(**THIRD_PARTY, third_party_authority_until=date(2026, 5, 1)) == [
		"The third party's authority ends before it starts."
	]


def test_the_third_party_route_or_copies_need_a_named_third_party_6_4_1():
	expected = ["Name the third party: contact through a third party needs their details (policy 6.4.1)."]
	assert problems(allowed_channels=(Channel.LETTER, Channel.THIRD_PARTY)) == expected
	assert problems(copy_letters_to_third_party=True) == expected
