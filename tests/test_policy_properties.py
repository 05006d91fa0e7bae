"""Properties that must hold for every protocol and every attempt, not only the examples."""

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from uab_helpdesk.policy.decision import (
	IncomingContact,
	OutgoingContact,
	SiteContext,
	decide_incoming,
	decide_outgoing,
)
from uab_helpdesk.policy.protocol import ContactWindow, ProtocolDraft, ProtocolRules, validate_protocol
from uab_helpdesk.policy.values import Channel, EnforcementMode, IssuePeriod, Outcome

ALWAYS = frozenset({"Health and safety", "Emergency repair"})
TOPICS = ["Repairs", "Rent", "Neighbours", *sorted(ALWAYS)]
AGENTS = ["spoc@x", "deputy@x", "other@x", None]

channels = st.sampled_from(list(Channel))
moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31))
hours = st.integers(0, 23).map(lambda hour: time(hour))


@st.composite
def windows(draw, allowed):
	start = draw(hours)
	end = time(draw(st.integers(start.hour + 1, 24)) % 24) if start.hour < 23 else time(23, 59)
	if end <= start:
		end = time(23, 59)
	return ContactWindow(
		draw(st.sampled_from(sorted(allowed, key=lambda c: c.value))), draw(st.integers(0, 6)), start, end
	)


@st.composite
def protocols(draw):
	allowed = draw(st.frozensets(channels, min_size=1))
	spoc = draw(st.sampled_from(["spoc@x", None]))
	return ProtocolRules(
		reference="UAB-CP-2026-0001",
		customer_name="J. Doe",
		allowed_channels=allowed,
		windows=tuple(draw(st.lists(windows(allowed), max_size=3))),
		single_point_of_contact=spoc,
		deputy_contact="deputy@x" if spoc and draw(st.booleans()) else None,
		allowed_ticket_types=draw(st.frozensets(st.sampled_from(TOPICS[:3]))),
		health_and_safety_only_until=draw(
			st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2028, 12, 31)))
		),
		issue_limit=draw(st.one_of(st.none(), st.integers(1, 5))),
		issue_limit_period=draw(st.sampled_from(list(IssuePeriod))),
		third_party_only=draw(st.booleans()),
		third_party_contact="Advocate",
		third_party_authority_from=date(2020, 1, 1),
	)


site_contexts = st.builds(
	SiteContext, always_allowed_ticket_types=st.just(ALWAYS), mode=st.sampled_from(list(EnforcementMode))
)
outgoing = st.builds(
	OutgoingContact,
	channel=channels,
	at=moments,
	agent=st.sampled_from(AGENTS),
	ticket_type=st.sampled_from([*TOPICS, None]),
	about_policy=st.booleans(),
	to_third_party=st.booleans(),
)
incoming = st.builds(
	IncomingContact,
	channel=channels,
	at=moments,
	ticket_type=st.sampled_from([*TOPICS, None]),
	opens_new_issue=st.booleans(),
)


@given(st.lists(channels, max_size=6, unique=True), st.booleans())
def test_a_valid_protocol_always_leaves_one_channel_6_4_4(allowed, third_party_only):
	draft = ProtocolDraft(
		allowed_channels=tuple(allowed), third_party_only=third_party_only, third_party_contact="Advocate"
	)
	if not validate_protocol(draft):
		assert len(allowed) >= 1


@given(protocols(), site_contexts, moments)
def test_a_policy_letter_always_has_a_way_out_6_4_4(rules, site, at):
	"""One form of contact always remains: some written channel always carries letters about the policy."""
	outcomes = {
		decide_outgoing(OutgoingContact(channel, at, about_policy=True), rules, site).outcome
		for channel in (Channel.LETTER, Channel.EMAIL, Channel.PORTAL)
	}
	assert Outcome.ALLOWED in outcomes


@given(protocols(), site_contexts, incoming, st.integers(0, 10))
def test_always_allowed_topics_always_pass_incoming_6_4_4(rules, site, contact, opened):
	contact = IncomingContact(contact.channel, contact.at, "Health and safety", contact.opens_new_issue)
	assert decide_incoming(contact, rules, site, opened).outcome in (Outcome.ACCEPTED, Outcome.FLAGGED)


@given(protocols(), site_contexts, incoming, st.integers(0, 10))
def test_incoming_contact_is_never_refused_5(rules, site, contact, opened):
	assert decide_incoming(contact, rules, site, opened).outcome != Outcome.BLOCKED


@given(protocols(), site_contexts, moments, st.sampled_from([*TOPICS, None]))
def test_always_allowed_topics_never_breach_topic_or_hs_rules_outgoing_6_4_4(rules, site, at, _topic):
	decision = decide_outgoing(
		OutgoingContact(Channel.LETTER, at, agent="spoc@x", ticket_type="Emergency repair"), rules, site
	)
	assert {rule.value for rule in decision.rules_breached} <= {
		"Channel",
		"Single point of contact",
		"Contact window",
		"Third party only",
	}


@settings(max_examples=200)
@given(protocols(), site_contexts, st.data())
def test_single_point_of_contact_on_allowed_channel_inside_window_is_never_blocked_6_4_2(rules, site, data):
	"""By the route the protocol allows: to the customer, or to their authorised third party (6.4.1)."""
	if rules.third_party_only:
		channel = Channel.THIRD_PARTY
	else:
		channel = data.draw(st.sampled_from(sorted(rules.allowed_channels, key=lambda c: c.value)))
	own = rules.windows_for(channel)
	if own:
		window = data.draw(st.sampled_from(own))
		monday = datetime(2026, 11, 23)
		at = monday + timedelta(days=window.weekday, hours=window.start.hour, minutes=window.start.minute)
	else:
		at = data.draw(moments)
	agent = rules.single_point_of_contact or "anyone@x"
	contact = OutgoingContact(
		channel, at, agent=agent, ticket_type="Emergency repair", to_third_party=rules.third_party_only
	)
	assert decide_outgoing(contact, rules, site).outcome == Outcome.ALLOWED


@given(protocols(), site_contexts, outgoing)
def test_the_same_inputs_always_give_the_same_decision(rules, site, contact):
	assert decide_outgoing(contact, rules, site) == decide_outgoing(contact, rules, site)


@given(protocols(), site_contexts, outgoing)
def test_every_refusal_says_why_in_a_sentence(rules, site, contact):
	decision = decide_outgoing(contact, rules, site)
	if decision.outcome != Outcome.ALLOWED:
		assert decision.breaches
		assert decision.message.render().endswith(").")
