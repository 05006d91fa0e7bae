"""The six-monthly review of a protocol (6.5.6) as a daily schedule decision.

The scheduled job asks, for each Active protocol, what is due today. The answer depends only on the
dates and on what already exists, so running the job twice does nothing the second time.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class ReviewAction(str, Enum):
	OPEN_REVIEW = "Open review"
	ESCALATE = "Escalate overdue review"
	LAPSE = "Lapse protocol"


@dataclass(frozen=True)
class ReviewState:
	review_due: date
	review_opened: bool = False  # a review for this due date exists (draft or submitted)
	review_completed: bool = False  # that review is submitted
	escalated: bool = False


def review_actions(
	today: date, state: ReviewState, reminder_days: int, lapse_when_overdue: bool
) -> list[ReviewAction]:
	"""What the daily job must do now for one Active protocol."""
	if state.review_completed:
		return []
	actions = []
	if not state.review_opened and today >= state.review_due - timedelta(days=reminder_days):
		actions.append(ReviewAction.OPEN_REVIEW)
	if today > state.review_due:
		# Restrictions are not indefinite: an overdue review goes up to the Head of Service, and the
		# protocol lapses where the landlord has chosen that default.
		if lapse_when_overdue:
			actions.append(ReviewAction.LAPSE)
		elif not state.escalated:
			actions.append(ReviewAction.ESCALATE)
	return actions
