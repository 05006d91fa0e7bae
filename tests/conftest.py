"""Shared builders for the policy tests: a typical protocol and the site context."""

from datetime import date, time

import pytest

from uab_helpdesk.policy.decision import SiteContext
from uab_helpdesk.policy.protocol import ContactWindow, ProtocolRules
from uab_helpdesk.policy.values import Channel

OFFICER = "a.officer@housing.example"
DEPUTY = "b.deputy@housing.example"
OTHER_AGENT = "c.other@housing.example"
HEALTH_AND_SAFETY = "Health and safety"
EMERGENCY = "Emergency repair"


def make_rules(**overrides) -> ProtocolRules:
	"""Letter or email only, phone on Tuesday 10–12, through A. Officer — the SPEC's example."""
	values = dict(
		reference="UAB-CP-2026-0004",
		customer_name="J. Doe",
		allowed_channels=frozenset({Channel.LETTER, Channel.EMAIL, Channel.PHONE}),
		windows=(ContactWindow(Channel.PHONE, 1, time(10), time(12)),),
		single_point_of_contact=OFFICER,
		single_point_of_contact_name="A. Officer",
		deputy_contact=DEPUTY,
		review_due=date(2027, 5, 3),
	)
	values.update(overrides)
	return ProtocolRules(**values)


@pytest.fixture
def site() -> SiteContext:
	return SiteContext(
		time_zone="Europe/London", always_allowed_ticket_types=frozenset({HEALTH_AND_SAFETY, EMERGENCY})
	)
