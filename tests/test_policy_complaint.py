"""Complaints are never held (issue 21; policy 6.5.5; the Complaint Handling Code): the words that show a
possible complaint, and what is not one."""

import pytest

from uab_helpdesk.policy.complaint import find_complaint


@pytest.mark.parametrize(
	"text",
	[
		"I want to make a formal complaint about how my repair was handled.",
		"This is a complaint. Nobody has called me back in three weeks.",
		"I am not happy with your service at all, the boiler is still broken.",
		"Im disgusted with the way the officer spoke to me",
		"Being told I can only write letters is unfair and I want it looked at.",
		"This letters only restriction is discriminatory, I am dyslexic.",
		"I will be going to the Housing Ombudsman if this is not sorted.",
		"shocking service from start to finish",
		"i wanna complain about the repairs team they never turned up",
		"This is the third time I have reported the leak and nobody has come.",
		"been waitin 6 wks 4 a callback. this is a joke",
		"I've rang three times and all I get is somebody will look into it.",
	],
)
def test_a_possible_complaint_is_recognised_complaint_handling_code(text):
	"""The Code: any expression of dissatisfaction, however made — chasing, no response, being let down."""
	assert find_complaint("Re: my repair", text)


@pytest.mark.parametrize(
	"text",
	[
		"Thank you for sorting out my complaint so quickly.",
		"The neighbour's dog barks all night, can you help?",
		"Please can someone look at the boiler on Tuesday?",
		"My boiler is broken, could someone come on Tuesday morning please?",
		"I reported the leak this morning and the plumber is booked for Friday, thanks.",
		"",
	],
)
def test_what_is_not_a_complaint_is_left_alone(text):
	assert find_complaint("Repair", text) is None


def test_a_complaint_is_never_held_in_a_health_and_safety_only_period_or_over_the_limit_6_5_5(site):
	from datetime import date, datetime

	from uab_helpdesk.policy.decision import IncomingContact, decide_incoming
	from uab_helpdesk.policy.values import Channel, Outcome

	from .conftest import make_rules

	rules = make_rules(
		health_and_safety_only_until=date(2027, 3, 1), issue_limit=1, issue_limit_period="Month"
	)
	at = datetime(2026, 12, 1, 11, 0)
	ordinary = IncomingContact(channel=Channel.EMAIL, at=at, ticket_type="Repairs")
	assert decide_incoming(ordinary, rules, site, issues_opened_in_period=5).outcome == Outcome.HELD
	complaint = IncomingContact(channel=Channel.EMAIL, at=at, ticket_type="Repairs", complaint=True)
	assert decide_incoming(complaint, rules, site, issues_opened_in_period=5).outcome == Outcome.ACCEPTED
