"""Equality monitoring of who is restricted (policy 7.1)."""

from hypothesis import given
from hypothesis import strategies as st

from uab_helpdesk.policy.equality import NOT_RECORDED, compare_shares

EVERYONE = (
	["White"] * 80 + ["Black, Black British, Caribbean or African"] * 10 + ["Asian or Asian British"] * 10
)


def test_a_group_restricted_out_of_proportion_is_flagged_7_1():
	restricted = ["White"] * 5 + ["Black, Black British, Caribbean or African"] * 5
	rows = {row.group: row for row in compare_shares("ethnicity", restricted, EVERYONE)}
	black = rows["Black, Black British, Caribbean or African"]
	assert (black.restricted_share, black.everyone_share, black.ratio, black.flagged) == (0.5, 0.1, 5.0, True)
	assert not rows["White"].flagged


def test_small_numbers_are_reported_but_not_flagged_7_1():
	rows = {row.group: row for row in compare_shares("ethnicity", ["Asian or Asian British"] * 2, EVERYONE)}
	assert rows["Asian or Asian British"].ratio == 10.0
	assert not rows["Asian or Asian British"].flagged


def test_missing_values_are_counted_as_not_recorded_and_never_flagged_7_1():
	rows = {row.group: row for row in compare_shares("disability", [None] * 5, ["Yes", "No", None])}
	assert rows[NOT_RECORDED].restricted == 5
	assert not rows[NOT_RECORDED].flagged


def test_no_restrictions_gives_zero_shares_not_errors_7_1():
	assert all(row.restricted_share == 0.0 for row in compare_shares("sex", [], ["Female", "Male"]))


@given(
	st.lists(st.sampled_from(["A", "B", "C", None]), max_size=40),
	st.lists(st.sampled_from(["A", "B", "C", None]), min_size=1, max_size=80),
)
def test_shares_add_up_7_1(restricted, everyone):
	rows = compare_shares("x", restricted, everyone)
	if restricted:
		assert abs(sum(row.restricted_share for row in rows) - 1) < 0.01
	assert abs(sum(row.everyone_share for row in rows) - 1) < 0.01
