"""Appeals (policy 6.5.5) and reviews (policy 6.5.6)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from uab_helpdesk.policy.appeals import (
	ProtocolInvolvement,
	check_decider,
	choose_director,
	eligible_directors,
)
from uab_helpdesk.policy.reviews import ReviewAction, ReviewState, review_actions

INVOLVED = ProtocolInvolvement(assessor="a@x", authoriser="h@x", immediate_action_director="d1@x")


def test_directors_involved_in_the_protocol_are_not_eligible_6_5_5():
	assert eligible_directors(["d1@x", "d2@x", "d3@x", "a@x"], INVOLVED) == ["d2@x", "d3@x"]


def test_round_robin_among_eligible_directors_6_5_5():
	assert choose_director(["d2@x", "d3@x"], None) == "d2@x"
	assert choose_director(["d2@x", "d3@x"], "d2@x") == "d3@x"
	assert choose_director(["d2@x", "d3@x"], "d3@x") == "d2@x"
	assert choose_director(["d2@x", "d3@x"], "d1@x") == "d2@x"  # the last one is no longer eligible


def test_no_eligible_director_means_no_assignment_6_5_5():
	assert choose_director([], "d2@x") is None


@given(
	st.lists(st.sampled_from(["d1@x", "d2@x", "d3@x", "d4@x", "a@x", "h@x"]), unique=True),
	st.none() | st.sampled_from(["d1@x", "d2@x", "d4@x"]),
)
def test_the_chosen_director_is_never_involved_6_5_5(directors, last):
	chosen = choose_director(eligible_directors(directors, INVOLVED), last)
	assert chosen is None or chosen not in INVOLVED.people


def test_only_the_assigned_uninvolved_director_decides_6_5_5():
	assert check_decider("d2@x", "d2@x", INVOLVED, decider_is_director=True) == []
	assert check_decider("d3@x", "d2@x", INVOLVED, decider_is_director=True)
	assert check_decider("d1@x", None, INVOLVED, decider_is_director=True)
	assert check_decider("d3@x", None, INVOLVED, decider_is_director=True) == []


def test_a_user_without_the_director_role_never_decides_an_appeal_6_5_5():
	"""Even when the appeal names them: the role is the authority, not the name on the record."""
	refused = check_decider("m@x", "m@x", INVOLVED, decider_is_director=False)
	assert refused and "Only a Director decides an appeal" in refused[0].render()


DUE = date(2027, 5, 24)


def actions(today, **state):
	return review_actions(
		today, ReviewState(review_due=DUE, **state), reminder_days=14, lapse_when_overdue=False
	)


def test_review_opens_reminder_days_before_it_is_due_6_5_6():
	assert actions(date(2027, 5, 9)) == []
	assert actions(date(2027, 5, 10)) == [ReviewAction.OPEN_REVIEW]


def test_an_opened_review_is_not_opened_again_6_5_6():
	assert actions(date(2027, 5, 12), review_opened=True) == []


def test_overdue_review_escalates_once_6_5_6():
	assert actions(date(2027, 5, 25), review_opened=True) == [ReviewAction.ESCALATE]
	assert actions(date(2027, 5, 26), review_opened=True, escalated=True) == []


def test_overdue_protocol_lapses_when_configured_6_5_6():
	state = ReviewState(review_due=DUE, review_opened=True)
	assert review_actions(date(2027, 5, 25), state, 14, lapse_when_overdue=True) == [ReviewAction.LAPSE]


def test_a_completed_review_needs_nothing_6_5_6():
	assert actions(date(2028, 1, 1), review_opened=True, review_completed=True) == []


@given(
	st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
	st.booleans(),
	st.booleans(),
	st.booleans(),
)
def test_applying_the_actions_makes_the_job_idempotent_6_5_6(today, opened, escalated, lapse):
	state = ReviewState(review_due=DUE, review_opened=opened, escalated=escalated)
	first = review_actions(today, state, 14, lapse)
	after = ReviewState(
		review_due=DUE,
		review_opened=opened or ReviewAction.OPEN_REVIEW in first,
		escalated=escalated or ReviewAction.ESCALATE in first,
	)
	second = review_actions(today, after, 14, lapse)
	assert ReviewAction.OPEN_REVIEW not in second and ReviewAction.ESCALATE not in second
