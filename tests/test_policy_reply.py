"""The way an agent's reply can go under a protocol (SPEC §5.1; policy 6.4.2 one named officer and the
channels allowed, 6.4.4 health and safety, 6.5.4 allowed topics)."""

from datetime import date, datetime

from uab_helpdesk.policy.decision import OutgoingContact, SiteContext
from uab_helpdesk.policy.reply import ReplyRoute, reply_way
from uab_helpdesk.policy.values import Channel, EnforcementMode, Rule

from .conftest import DEPUTY, HEALTH_AND_SAFETY, OFFICER, OTHER_AGENT, make_rules

TUESDAY_11 = datetime(2026, 11, 24, 11, 0)
LETTER_ONLY = frozenset({Channel.LETTER})


def reply(agent=OFFICER, channel=Channel.EMAIL, **kwargs) -> OutgoingContact:
	return OutgoingContact(channel=channel, at=TUESDAY_11, agent=agent, **kwargs)


def test_no_protocol_sends_as_usual(site):
	way = reply_way(reply(agent=OTHER_AGENT), None, site)
	assert way.route == ReplyRoute.SEND and way.channel == Channel.EMAIL


def test_named_officer_on_an_allowed_channel_sends_6_4_2(site):
	assert reply_way(reply(), make_rules(), site).route == ReplyRoute.SEND
	assert reply_way(reply(agent=DEPUTY), make_rules(), site).route == ReplyRoute.SEND


def test_letters_only_turns_the_officers_email_into_a_letter_6_4_2(site):
	way = reply_way(reply(), make_rules(allowed_channels=LETTER_ONLY), site)
	assert way.route == ReplyRoute.LETTER and way.channel == Channel.LETTER
	assert way.decision.rules_breached == (Rule.CHANNEL,), "the reply as written is still explained"


def test_another_agents_reply_goes_to_the_single_point_of_contact_6_4_2(site):
	way = reply_way(reply(agent=OTHER_AGENT), make_rules(), site)
	assert way.route == ReplyRoute.APPROVAL and way.channel == Channel.EMAIL


def test_another_agents_reply_under_letters_only_is_approved_then_posted_6_4_2(site):
	way = reply_way(reply(agent=OTHER_AGENT), make_rules(allowed_channels=LETTER_ONLY), site)
	assert way.route == ReplyRoute.APPROVAL and way.channel == Channel.LETTER


def test_agent_without_a_name_is_never_the_officer_6_4_2(site):
	assert reply_way(reply(agent=None), make_rules(), site).route == ReplyRoute.APPROVAL


def test_no_written_channel_is_refused_not_rerouted_6_4_2(site):
	rules = make_rules(allowed_channels=frozenset({Channel.PHONE}))
	way = reply_way(reply(), rules, site)
	assert way.route == ReplyRoute.REFUSED and way.channel is None
	assert way.decision.refused
	assert reply_way(reply(agent=OTHER_AGENT), rules, site).route == ReplyRoute.REFUSED


def test_a_topic_the_protocol_excludes_is_refused_whatever_the_channel_6_5_4(site):
	rules = make_rules(allowed_channels=LETTER_ONLY, allowed_ticket_types=frozenset({"Repairs"}))
	assert reply_way(reply(ticket_type="Rent"), rules, site).route == ReplyRoute.REFUSED
	assert reply_way(reply(agent=OTHER_AGENT, ticket_type="Rent"), rules, site).route == ReplyRoute.REFUSED
	assert reply_way(reply(ticket_type="Repairs"), rules, site).route == ReplyRoute.LETTER


def test_health_and_safety_only_period_refuses_other_matters_but_not_safety_6_4_4(site):
	rules = make_rules(allowed_channels=LETTER_ONLY, health_and_safety_only_until=date(2027, 1, 31))
	assert reply_way(reply(ticket_type="Rent"), rules, site).route == ReplyRoute.REFUSED
	assert reply_way(reply(ticket_type=HEALTH_AND_SAFETY), rules, site).route == ReplyRoute.LETTER
	assert reply_way(reply(safety_matter=True), rules, site).route == ReplyRoute.LETTER


def test_warn_mode_sends_and_flags_rather_than_rerouting_spec_5_1(site):
	warn = SiteContext(time_zone=site.time_zone, mode=EnforcementMode.WARN)
	way = reply_way(reply(agent=OTHER_AGENT), make_rules(allowed_channels=LETTER_ONLY), warn)
	assert way.route == ReplyRoute.SEND and not way.decision.refused


def test_a_letter_already_is_judged_as_a_letter_6_4_2(site):
	rules = make_rules(allowed_channels=frozenset({Channel.EMAIL}))
	assert reply_way(reply(channel=Channel.LETTER), rules, site).route == ReplyRoute.REFUSED
	assert (
		reply_way(reply(agent=OTHER_AGENT, channel=Channel.LETTER), rules, site).route == ReplyRoute.REFUSED
	)
