"""Incoming contact under an Active protocol is never refused (SPEC §5, policy 6.4.3, 6.4.4)."""

from datetime import date, datetime

from uab_helpdesk.policy.decision import IncomingContact, decide_incoming
from uab_helpdesk.policy.values import Channel, IssuePeriod, Outcome, Rule

from .conftest import EMERGENCY, HEALTH_AND_SAFETY, make_rules

NOW = datetime(2026, 11, 24, 15, 0)


def message(channel=Channel.EMAIL, ticket_type="Repairs", opens_new_issue=True) -> IncomingContact:
	return IncomingContact(channel=channel, at=NOW, ticket_type=ticket_type, opens_new_issue=opens_new_issue)


def limited(**overrides):
	return make_rules(issue_limit=3, issue_limit_period=IssuePeriod.MONTH, **overrides)


def test_customer_without_protocol_is_accepted(site):
	assert decide_incoming(message(), None, site).outcome == Outcome.ACCEPTED


def test_within_issue_limit_is_accepted_6_4_3(site):
	assert decide_incoming(message(), limited(), site, issues_opened_in_period=2).outcome == Outcome.ACCEPTED


def test_over_issue_limit_is_held_for_screening_6_4_3(site):
	decision = decide_incoming(message(), limited(), site, issues_opened_in_period=3)
	assert decision.outcome == Outcome.HELD
	assert decision.rules_breached == (Rule.ISSUE_LIMIT,)
	assert (
		"the limit of new issues for this month is reached (3 raised, limit 3, period from 1 November 2026)"
		in decision.message.render()
	)


def test_reply_on_an_existing_issue_does_not_count_against_the_limit_6_4_3(site):
	decision = decide_incoming(message(opens_new_issue=False), limited(), site, issues_opened_in_period=9)
	assert decision.outcome == Outcome.ACCEPTED


def test_off_topic_is_held_6_5_4(site):
	rules = make_rules(allowed_ticket_types=frozenset({"Repairs"}))
	assert decide_incoming(message(ticket_type="Rent"), rules, site).outcome == Outcome.HELD


def test_non_health_and_safety_during_hs_only_period_is_held_6_4_4(site):
	rules = make_rules(health_and_safety_only_until=date(2026, 12, 31))
	assert decide_incoming(message(ticket_type="Rent"), rules, site).rules_breached == (
		Rule.HEALTH_AND_SAFETY_ONLY,
	)


def test_health_and_safety_is_never_held_6_4_4(site):
	rules = limited(
		allowed_ticket_types=frozenset({"Repairs"}), health_and_safety_only_until=date(2026, 12, 31)
	)
	for ticket_type in (HEALTH_AND_SAFETY, EMERGENCY):
		decision = decide_incoming(message(ticket_type=ticket_type), rules, site, issues_opened_in_period=50)
		assert decision.outcome == Outcome.ACCEPTED


def test_disallowed_channel_is_accepted_and_flagged_6_4_2(site):
	decision = decide_incoming(message(channel=Channel.PORTAL), make_rules(), site)
	assert decision.outcome == Outcome.FLAGGED
	assert decision.rules_breached == (Rule.CHANNEL,)
	assert not decision.refused


def test_held_outranks_flagged_and_reports_both_6_4_3(site):
	decision = decide_incoming(message(channel=Channel.PORTAL), limited(), site, issues_opened_in_period=3)
	assert decision.outcome == Outcome.HELD
	assert set(decision.rules_breached) == {Rule.ISSUE_LIMIT, Rule.CHANNEL}


def test_call_outside_the_phone_window_is_accepted_and_flagged_6_4_2(site):
	"""6.4.2: 'only take telephone calls at set times on set days' — the call is still answered and logged."""
	wednesday = IncomingContact(
		channel=Channel.PHONE, at=datetime(2026, 11, 25, 11, 0), opens_new_issue=False
	)
	decision = decide_incoming(wednesday, make_rules(), site)
	assert decision.outcome == Outcome.FLAGGED
	assert decision.rules_breached == (Rule.CONTACT_WINDOW,)
	assert decision.message.render() == "Accepted and flagged: Phone contact is only Tuesday 10:00–12:00."


def test_call_inside_the_phone_window_is_accepted_6_4_2(site):
	tuesday = IncomingContact(channel=Channel.PHONE, at=datetime(2026, 11, 24, 10, 30), opens_new_issue=False)
	assert decide_incoming(tuesday, make_rules(), site).outcome == Outcome.ACCEPTED
