"""SPEC §5.1 rules 1–8 for staff contacting a customer under an Active protocol (policy 6.4, 6.5.4)."""

from datetime import date, datetime, time, timezone

import pytest

from uab_helpdesk.policy.decision import OutgoingContact, Override, SiteContext, decide_outgoing, summarise
from uab_helpdesk.policy.protocol import ContactWindow
from uab_helpdesk.policy.values import Channel, EnforcementMode, Outcome, Rule

from .conftest import DEPUTY, EMERGENCY, HEALTH_AND_SAFETY, OFFICER, OTHER_AGENT, make_rules

TUESDAY_11 = datetime(2026, 11, 24, 11, 0)  # a Tuesday, inside the phone window
TUESDAY_9 = datetime(2026, 11, 24, 9, 0)
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0)


def reply(channel=Channel.EMAIL, at=TUESDAY_11, agent=OFFICER, **kwargs) -> OutgoingContact:
	return OutgoingContact(channel=channel, at=at, agent=agent, **kwargs)


def test_no_protocol_means_no_rule_runs(site):
	assert (
		decide_outgoing(reply(agent=OTHER_AGENT, channel=Channel.IN_PERSON), None, site).outcome
		== Outcome.ALLOWED
	)


def test_named_officer_on_allowed_channel_is_allowed_6_4_2(site):
	assert decide_outgoing(reply(), make_rules(), site).outcome == Outcome.ALLOWED


def test_deputy_may_act_for_the_named_officer_6_4_2(site):
	assert decide_outgoing(reply(agent=DEPUTY), make_rules(), site).outcome == Outcome.ALLOWED


def test_channel_not_allowed_is_blocked_6_4_2(site):
	decision = decide_outgoing(reply(channel=Channel.IN_PERSON), make_rules(), site)
	assert decision.outcome == Outcome.BLOCKED
	assert decision.rules_breached == (Rule.CHANNEL,)
	assert "In person is not an allowed channel" in decision.message.render()


def test_other_agent_is_blocked_by_single_point_of_contact_6_4_2(site):
	decision = decide_outgoing(reply(agent=OTHER_AGENT), make_rules(), site)
	assert decision.refused
	assert decision.rules_breached == (Rule.SINGLE_POINT_OF_CONTACT,)
	assert "only A. Officer or the deputy contact may reply" in decision.message.render()


def test_unknown_agent_is_blocked_when_there_is_a_single_point_of_contact_6_4_2(site):
	assert decide_outgoing(reply(agent=None), make_rules(), site).refused


def test_without_single_point_of_contact_any_agent_may_reply_6_4_2(site):
	rules = make_rules(single_point_of_contact=None, single_point_of_contact_name=None, deputy_contact=None)
	assert decide_outgoing(reply(agent=OTHER_AGENT), rules, site).outcome == Outcome.ALLOWED


def test_phone_outside_window_is_blocked_6_4_2(site):
	decision = decide_outgoing(reply(channel=Channel.PHONE, at=TUESDAY_9), make_rules(), site)
	assert decision.rules_breached == (Rule.CONTACT_WINDOW,)
	assert "Phone contact is only Tuesday 10:00–12:00" in decision.message.render()


def test_phone_on_wrong_day_is_blocked_6_4_2(site):
	assert decide_outgoing(reply(channel=Channel.PHONE, at=WEDNESDAY_11), make_rules(), site).refused


def test_phone_inside_window_is_allowed_6_4_2(site):
	assert (
		decide_outgoing(reply(channel=Channel.PHONE, at=TUESDAY_11), make_rules(), site).outcome
		== Outcome.ALLOWED
	)


def test_window_end_is_exclusive_6_4_2(site):
	noon = datetime(2026, 11, 24, 12, 0)
	assert decide_outgoing(reply(channel=Channel.PHONE, at=noon), make_rules(), site).refused


def test_channels_without_windows_are_not_time_limited_6_4_2(site):
	sunday_night = datetime(2026, 11, 29, 23, 30)
	assert (
		decide_outgoing(reply(channel=Channel.EMAIL, at=sunday_night), make_rules(), site).outcome
		== Outcome.ALLOWED
	)


def test_window_is_judged_in_site_time_across_dst_6_4_2(site):
	"""09:30 UTC on a Tuesday in July is 10:30 in London (BST): inside; in January it is 09:30: outside."""
	july = datetime(2026, 7, 7, 9, 30, tzinfo=timezone.utc)
	january = datetime(2026, 1, 6, 9, 30, tzinfo=timezone.utc)
	assert (
		decide_outgoing(reply(channel=Channel.PHONE, at=july), make_rules(), site).outcome == Outcome.ALLOWED
	)
	assert decide_outgoing(reply(channel=Channel.PHONE, at=january), make_rules(), site).refused


def test_window_on_the_dst_change_sunday_6_4_2(site):
	"""29 March 2026: clocks go forward at 01:00 UTC. 01:30 UTC is 02:30 BST, inside a 02:00–03:00 window."""
	rules = make_rules(windows=(ContactWindow(Channel.PHONE, 6, time(2), time(3)),))
	moment = datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)
	assert decide_outgoing(reply(channel=Channel.PHONE, at=moment), rules, site).outcome == Outcome.ALLOWED
	before = datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc)  # 00:30 GMT
	assert decide_outgoing(reply(channel=Channel.PHONE, at=before), rules, site).refused


def test_topic_outside_allowed_ticket_types_is_blocked_6_5_4(site):
	rules = make_rules(allowed_ticket_types=frozenset({"Repairs"}))
	decision = decide_outgoing(reply(ticket_type="Rent"), rules, site)
	assert decision.rules_breached == (Rule.TOPIC,)
	assert decide_outgoing(reply(ticket_type="Repairs"), rules, site).outcome == Outcome.ALLOWED


def test_ticket_without_type_is_off_topic_6_5_4(site):
	rules = make_rules(allowed_ticket_types=frozenset({"Repairs"}))
	assert decide_outgoing(reply(ticket_type=None), rules, site).rules_breached == (Rule.TOPIC,)


def test_always_allowed_types_pass_the_topic_rule_6_5_4(site):
	rules = make_rules(allowed_ticket_types=frozenset({"Repairs"}))
	assert decide_outgoing(reply(ticket_type=EMERGENCY), rules, site).outcome == Outcome.ALLOWED


def test_health_and_safety_only_period_blocks_other_topics_6_4_4(site):
	rules = make_rules(health_and_safety_only_until=date(2026, 12, 31))
	decision = decide_outgoing(reply(ticket_type="Rent"), rules, site)
	assert decision.rules_breached == (Rule.HEALTH_AND_SAFETY_ONLY,)
	assert "until 31 December 2026" in decision.message.render()
	assert decide_outgoing(reply(ticket_type=HEALTH_AND_SAFETY), rules, site).outcome == Outcome.ALLOWED


def test_health_and_safety_only_period_ends_after_its_last_day_6_4_4(site):
	rules = make_rules(health_and_safety_only_until=date(2026, 11, 23))
	assert decide_outgoing(reply(ticket_type="Rent"), rules, site).outcome == Outcome.ALLOWED


def test_third_party_only_blocks_direct_contact_6_4_1(site):
	rules = make_rules(
		third_party_only=True,
		third_party_contact="Citizens Advice (M. Advocate)",
		third_party_authority_from=date(2026, 1, 1),
	)
	decision = decide_outgoing(reply(), rules, site)
	assert decision.rules_breached == (Rule.THIRD_PARTY_ONLY,)
	assert "Citizens Advice (M. Advocate)" in decision.message.render()
	assert decide_outgoing(reply(to_third_party=True), rules, site).outcome == Outcome.ALLOWED


def third_party_rules(**fields):
	values = dict(
		allowed_channels=frozenset({Channel.LETTER, Channel.THIRD_PARTY}),
		windows=(),
		third_party_contact="CONT-0009",
		third_party_name="M. Advocate",
		third_party_authority_from=date(2026, 6, 1),
		third_party_authority_until=date(2027, 5, 31),
	)
	values.update(fields)
	return make_rules(**values)


def test_the_third_party_is_a_route_while_their_authority_stands_6_3_2(site):
	"""Email to the advocate is contact by the route 'Third party', not by email: allowed here."""
	assert decide_outgoing(
		reply(channel=Channel.EMAIL, to_third_party=True), third_party_rules(), site
	).outcome == (Outcome.ALLOWED)


def test_contact_with_the_customer_directly_is_judged_against_the_rest_of_the_protocol_6_4_1(site):
	decision = decide_outgoing(reply(channel=Channel.EMAIL), third_party_rules(), site)
	assert decision.rules_breached == (Rule.CHANNEL,)


@pytest.mark.parametrize(
	"until, start, expected",
	[
		(
			date(2026, 11, 20),
			date(2026, 6, 1),
			"M. Advocate's authority to act for the customer ended on 20 November 2026",
		),
		(None, date(2027, 1, 1), "M. Advocate may act for the customer only from 1 January 2027"),
	],
)
def test_a_third_party_outside_their_authority_is_refused_6_3_2(site, until, start, expected):
	rules = third_party_rules(third_party_authority_until=until, third_party_authority_from=start)
	decision = decide_outgoing(reply(channel=Channel.EMAIL, to_third_party=True), rules, site)
	assert decision.rules_breached == (Rule.THIRD_PARTY_AUTHORITY,)
	assert expected in decision.message.render()


def test_a_protocol_that_does_not_allow_the_third_party_route_refuses_it_6_4_1(site):
	rules = third_party_rules(allowed_channels=frozenset({Channel.LETTER}))
	decision = decide_outgoing(reply(channel=Channel.EMAIL, to_third_party=True), rules, site)
	assert decision.rules_breached == (Rule.CHANNEL,)


def test_the_third_party_route_keeps_the_single_point_of_contact_6_4_2(site):
	decision = decide_outgoing(
		reply(channel=Channel.EMAIL, to_third_party=True, agent=OTHER_AGENT), third_party_rules(), site
	)
	assert decision.rules_breached == (Rule.SINGLE_POINT_OF_CONTACT,)


def test_a_policy_letters_copy_goes_to_the_third_party_only_within_their_authority_6_3_2(site):
	copy = reply(channel=Channel.EMAIL, to_third_party=True, about_policy=True)
	assert decide_outgoing(copy, third_party_rules(), site).outcome == Outcome.ALLOWED
	lapsed = third_party_rules(third_party_authority_until=date(2026, 11, 1))
	assert decide_outgoing(copy, lapsed, site).rules_breached == (Rule.THIRD_PARTY_AUTHORITY,)


def test_every_breached_rule_is_reported_not_only_the_first_5_1(site):
	rules = make_rules(allowed_ticket_types=frozenset({"Repairs"}))
	decision = decide_outgoing(
		reply(channel=Channel.PHONE, at=TUESDAY_9, agent=OTHER_AGENT, ticket_type="Rent"), rules, site
	)
	assert set(decision.rules_breached) == {Rule.SINGLE_POINT_OF_CONTACT, Rule.CONTACT_WINDOW, Rule.TOPIC}


def test_policy_letters_go_by_any_allowed_written_channel_6_5_4(site):
	rules = make_rules(
		allowed_ticket_types=frozenset({"Repairs"}), health_and_safety_only_until=date(2027, 1, 1)
	)
	letter = reply(channel=Channel.EMAIL, agent=OTHER_AGENT, ticket_type="Rent", about_policy=True)
	assert decide_outgoing(letter, rules, site).outcome == Outcome.ALLOWED


def test_policy_letters_are_not_sent_by_phone_6_5_4(site):
	decision = decide_outgoing(reply(channel=Channel.PHONE, about_policy=True), make_rules(), site)
	assert decision.refused
	assert "letters about the protocol go by Letter or Email" in decision.message.render()


def test_policy_letters_fall_back_to_letter_when_no_written_channel_is_allowed_6_4_4(site):
	rules = make_rules(allowed_channels=frozenset({Channel.PHONE}))
	assert (
		decide_outgoing(reply(channel=Channel.LETTER, about_policy=True), rules, site).outcome
		== Outcome.ALLOWED
	)
	assert decide_outgoing(reply(channel=Channel.EMAIL, about_policy=True), rules, site).refused


def test_head_of_service_override_with_reason_turns_block_into_overridden_5_1_rule_8(site):
	override = Override(by="head@housing.example", reason="Urgent safeguarding notice")
	decision = decide_outgoing(reply(agent=OTHER_AGENT), make_rules(), site, override)
	assert decision.outcome == Outcome.OVERRIDDEN
	assert decision.rules_breached == (Rule.SINGLE_POINT_OF_CONTACT,)
	assert decision.needs_record


def test_override_without_a_reason_does_not_override_5_1_rule_8(site):
	override = Override(by="head@housing.example", reason="   ")
	assert decide_outgoing(reply(agent=OTHER_AGENT), make_rules(), site, override).outcome == Outcome.BLOCKED


def test_warn_mode_logs_without_refusing(site):
	warn = SiteContext(
		time_zone=site.time_zone,
		always_allowed_ticket_types=site.always_allowed_ticket_types,
		mode=EnforcementMode.WARN,
	)
	decision = decide_outgoing(reply(agent=OTHER_AGENT), make_rules(), warn)
	assert decision.outcome == Outcome.FLAGGED
	assert not decision.refused and decision.needs_record


def test_refusal_names_the_rule_the_protocol_and_the_alternative(site):
	text = decide_outgoing(reply(channel=Channel.IN_PERSON), make_rules(), site).message.render()
	assert text.startswith("Not sent: In person is not an allowed channel.")
	assert "Contact with J. Doe is by Email, Letter or Phone only, through A. Officer" in text
	assert "(communication protocol UAB-CP-2026-0004, review due 3 May 2027)." in text


def test_summary_is_translated_and_escaped_by_the_caller():
	rules = make_rules(customer_name="<img src=x onerror=alert(1)>")
	text = summarise(rules).render(
		translate=lambda s: s.replace("Contact with", "Cyswllt â"), escape=lambda s: s.replace("<", "&lt;")
	)
	assert text.startswith("Cyswllt â &lt;img src=x onerror=alert(1)>")


def test_the_word_or_in_a_refusal_is_translated_too(site):
	from uab_helpdesk.policy.i18n import one_of

	welsh = {"{0} or {1}": "{0} neu {1}"}
	assert (
		one_of(["Letter", "Email", "Phone"]).render(translate=lambda s: welsh.get(s, s))
		== "Letter, Email neu Phone"
	)
	assert one_of(["Letter"]).render() == "Letter"
