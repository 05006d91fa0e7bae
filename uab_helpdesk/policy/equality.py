"""Equality monitoring of restrictions (policy 7.1; Equality Act 2010 public sector equality duty).

For each protected characteristic, compare the share of each group among restricted customers with its
share among all customers who have an equality profile. A group is flagged when it is restricted
noticeably more often than its share would suggest; small numbers are reported but not flagged, since
one or two cases cannot show a pattern.
"""

from collections import Counter
from dataclasses import dataclass

# A group restricted at 1.25 times (or more) its share among all profiled customers is flagged for
# review: the inverse of the "four-fifths" rule of thumb used in adverse-impact monitoring.
DISPROPORTION_RATIO = 1.25
MINIMUM_RESTRICTED = 3
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class GroupShare:
	characteristic: str
	group: str
	restricted: int
	restricted_share: float
	everyone: int
	everyone_share: float
	ratio: float | None
	flagged: bool


def compare_shares(
	characteristic: str, restricted: list[str | None], everyone: list[str | None]
) -> list[GroupShare]:
	"""One row per group seen among everyone (or the restricted), largest ratio first."""
	restricted_counts = Counter(value or NOT_RECORDED for value in restricted)
	everyone_counts = Counter(value or NOT_RECORDED for value in everyone)
	total_restricted, total_everyone = sum(restricted_counts.values()), sum(everyone_counts.values())
	rows = []
	for group in sorted(set(everyone_counts) | set(restricted_counts)):
		r_share = restricted_counts[group] / total_restricted if total_restricted else 0.0
		e_share = everyone_counts[group] / total_everyone if total_everyone else 0.0
		ratio = r_share / e_share if e_share else None
		flagged = (
			group != NOT_RECORDED
			and restricted_counts[group] >= MINIMUM_RESTRICTED
			and (ratio is None or ratio >= DISPROPORTION_RATIO)
		)
		rows.append(
			GroupShare(
				characteristic,
				group,
				restricted_counts[group],
				round(r_share, 4),
				everyone_counts[group],
				round(e_share, 4),
				round(ratio, 2) if ratio is not None else None,
				flagged,
			)
		)
	return sorted(rows, key=lambda row: (-(row.ratio or 0), row.group))
