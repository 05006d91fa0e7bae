"""Staff supported and colleagues warned (policy 2.2, 5.2, 6.3.1, 6.3.5)."""

import pytest

from uab_helpdesk.policy.staff import closing_problems, needs_safety_marker, removal_problems, who_supports
from uab_helpdesk.policy.values import PhysicalViolence

AGENT, LINE, WELFARE, M1, M2 = "agent@h", "line@h", "welfare@h", "m1@h", "m2@h"


@pytest.mark.parametrize(
	"violence, marker",
	[
		(PhysicalViolence.THREATENED, True),
		(PhysicalViolence.USED, True),
		(PhysicalViolence.NONE, False),
		(None, False),
	],
)
def test_violence_threatened_or_used_puts_a_marker_on_the_customer_6_3_1(violence, marker):
	assert needs_safety_marker(violence) is marker


def test_the_line_manager_is_alerted_first_2_2():
	assert who_supports(AGENT, {AGENT: LINE}, WELFARE, [M1, M2]) == [LINE]


def test_without_a_line_manager_the_welfare_manager_then_every_manager_2_2():
	assert who_supports(AGENT, {}, WELFARE, [M1, M2]) == [WELFARE]
	assert who_supports(AGENT, {}, None, [M2, M1]) == [M1, M2]


def test_the_staff_member_is_never_their_own_support_2_2():
	assert who_supports(M1, {M1: M1}, M1, [M1, M2]) == [M2]
	assert who_supports(M1, {}, None, [M1]) == []


def test_a_follow_up_closes_once_by_someone_else_with_the_support_written_down_5_2():
	assert closing_problems("Open", "Debrief and counselling offered.", M1, AGENT) == []
	rendered = [m.render() for m in closing_problems("Closed", " ", AGENT, AGENT)]
	assert rendered == [
		"This welfare follow-up is already closed.",
		"A manager other than the staff member closes their welfare follow-up.",
		"Write down the support offered (for example a debrief, counselling, time away).",
	]


def test_a_marker_is_removed_once_and_with_a_reason_6_3_5():
	assert removal_problems("Active", "Reviewed with the police: no longer needed.") == []
	assert [m.render() for m in removal_problems("Removed", "ok")] == [
		"This staff-safety marker has already been removed.",
		"Say why the staff-safety marker is no longer needed.",
	]
