"""Awaab's Law clocks: the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025,
in force from 27 October 2025 (issue 21). Pure Python; no Frappe import.

The clock starts when the landlord **becomes aware** of a hazard: when the message describing it arrived,
whether or not a communication protocol held it. The timescales, as the regulations and the government's
guidance of October 2025 set them for the first phase (all emergency hazards; damp and mould):

- an **emergency** hazard is investigated, and made safe, within 24 hours;
- a **significant** hazard is investigated within 10 working days; the tenant is given a written summary of
  the findings within 3 working days of the investigation concluding; safety work begins within 5 working
  days of it concluding.

A working day is any day but a Saturday, a Sunday or a bank holiday (the landlord's holiday list). A due
time is the end of its working day. Which of the app's safety categories is which kind is data below: the
scope widens in 2026–2027 (excess cold and heat, falls, structural collapse, explosions, fire, electrical),
and a landlord may judge a matter more serious than its category says.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from .working_time import MAX_DAYS, WorkingCalendar


class HazardKind(str, Enum):
	EMERGENCY = "Emergency"
	SIGNIFICANT = "Significant"


class Step(str, Enum):
	INVESTIGATED = "Investigated"
	MADE_SAFE = "Made safe"
	SUMMARY_SENT = "Written summary sent"
	WORK_STARTED = "Safety work started"


# The app's safety categories (policy/safety.py) and the clock each starts. Safeguarding is not a hazard
# in the building: it is routed (6.4.4) but starts no clock.
KIND_OF_CATEGORY = {
	"Gas": HazardKind.EMERGENCY,
	"Carbon monoxide": HazardKind.EMERGENCY,
	"Electrical danger": HazardKind.EMERGENCY,
	"Fire": HazardKind.EMERGENCY,
	"Structural danger": HazardKind.EMERGENCY,
	"Flood or leak": HazardKind.EMERGENCY,
	"No heating or hot water": HazardKind.EMERGENCY,
	"Damp and mould": HazardKind.SIGNIFICANT,
}
STEPS = {
	HazardKind.EMERGENCY: (Step.INVESTIGATED, Step.MADE_SAFE),
	HazardKind.SIGNIFICANT: (Step.INVESTIGATED, Step.SUMMARY_SENT, Step.WORK_STARTED),
}
EMERGENCY_HOURS = 24
INVESTIGATE_WORKING_DAYS = 10
SUMMARY_WORKING_DAYS = 3
WORK_WORKING_DAYS = 5
# Told before a breach: the officers when this much of a step's time is left, their managers at the breach.
WARN_EMERGENCY = timedelta(hours=6)
WARN_WORKING_DAYS = 2


@dataclass(frozen=True)
class Due:
	step: Step
	by: datetime | None  # None: it runs from a step not yet done (the summary, from the investigation)


def kind_of(category: str | None) -> HazardKind | None:
	return KIND_OF_CATEGORY.get(category or "")


def is_working_day(day: date, calendar: WorkingCalendar) -> bool:
	return day.weekday() < 5 and day not in calendar.holidays


def add_working_days(start: date, days: int, calendar: WorkingCalendar) -> date:
	"""The ``days``-th working day after ``start`` (the day of awareness itself is not counted)."""
	current, counted = start, 0
	for _step in range(MAX_DAYS):
		current += timedelta(days=1)
		if is_working_day(current, calendar):
			counted += 1
			if counted == days:
				return current
	raise ValueError("no working days in the calendar")


def end_of(day: date) -> datetime:
	return datetime.combine(day, time(23, 59, 59))


def due_dates(
	kind: HazardKind, aware_at: datetime, calendar: WorkingCalendar, investigated_at: datetime | None = None
) -> list[Due]:
	"""Each step of the clock and when it is due."""
	if kind == HazardKind.EMERGENCY:
		by = aware_at + timedelta(hours=EMERGENCY_HOURS)
		return [Due(Step.INVESTIGATED, by), Due(Step.MADE_SAFE, by)]
	investigate_by = end_of(add_working_days(aware_at.date(), INVESTIGATE_WORKING_DAYS, calendar))
	concluded = investigated_at.date() if investigated_at else None
	return [
		Due(Step.INVESTIGATED, investigate_by),
		Due(
			Step.SUMMARY_SENT,
			end_of(add_working_days(concluded, SUMMARY_WORKING_DAYS, calendar)) if concluded else None,
		),
		Due(
			Step.WORK_STARTED,
			end_of(add_working_days(concluded, WORK_WORKING_DAYS, calendar)) if concluded else None,
		),
	]


@dataclass(frozen=True)
class ClockState:
	status: str  # "Open", "Met" or "Breached"
	next_due: Due | None  # the earliest step not yet done that has a due time
	breached: tuple[Step, ...]
	warn: bool  # the next due is close: the officers are told before it is breached


def clock_state(
	kind: HazardKind,
	aware_at: datetime,
	done: dict[Step, datetime | None],
	now: datetime,
	calendar: WorkingCalendar,
) -> ClockState:
	"""Where the clock stands now. A step done late is a breach on the record, even once it is done."""
	dues = due_dates(kind, aware_at, calendar, done.get(Step.INVESTIGATED))
	breached = tuple(due.step for due in dues if due.by and ((done.get(due.step) or now) > due.by))
	waiting = [due for due in dues if not done.get(due.step)]
	next_due = min((due for due in waiting if due.by), key=lambda due: due.by, default=None)
	if not waiting:
		return ClockState("Breached" if breached else "Met", None, breached, False)
	warn = bool(next_due) and now >= _warn_from(next_due.by, kind, calendar)
	return ClockState("Breached" if breached else "Open", next_due, breached, warn)


def _warn_from(due: datetime, kind: HazardKind, calendar: WorkingCalendar) -> datetime:
	if kind == HazardKind.EMERGENCY:
		return due - WARN_EMERGENCY
	day, back = due.date(), 0
	while back < WARN_WORKING_DAYS:
		day -= timedelta(days=1)
		if is_working_day(day, calendar):
			back += 1
	return end_of(day)


# The equality report's test (policy/equality.py): restricted customers breached at 1.25 times the rate
# of everyone else, with at least three breaches, is flagged — a protocol must never make a hazard wait.
DISPROPORTION_RATIO = 1.25
MINIMUM_BREACHES = 3
RESTRICTED, NOT_RESTRICTED = "Under a communication protocol", "Not under a protocol"


@dataclass(frozen=True)
class GroupClocks:
	group: str
	kind: str
	open: int
	met: int
	breached: int
	breach_rate: float
	median_hours_to_investigate: float | None
	flagged: bool


def summarise_clocks(clocks: list[dict]) -> list[GroupClocks]:
	"""Rows a group and kind: clocks open, met and breached, the breach rate, the median hours from
	awareness to the investigation, and whether restricted customers wait disproportionately. Each clock
	is a dict with `restricted` (bool), `kind`, `status`, `aware_on` and `investigated_on` (datetimes)."""
	rows = []
	rates = {}
	for kind in HazardKind:
		for restricted, group in ((True, RESTRICTED), (False, NOT_RESTRICTED)):
			mine = [c for c in clocks if bool(c["restricted"]) == restricted and c["kind"] == kind.value]
			counts = {
				status: sum(1 for c in mine if c["status"] == status)
				for status in ("Open", "Met", "Breached")
			}
			hours = sorted(
				(c["investigated_on"] - c["aware_on"]).total_seconds() / 3600
				for c in mine
				if c.get("investigated_on")
			)
			rate = counts["Breached"] / len(mine) if mine else 0.0
			rates[(kind, restricted)] = (rate, counts["Breached"])
			rows.append(
				[
					group,
					kind.value,
					counts["Open"],
					counts["Met"],
					counts["Breached"],
					round(rate, 3),
					_median(hours),
				]
			)
	result = []
	for row in rows:
		kind, restricted = HazardKind(row[1]), row[0] == RESTRICTED
		rate, breaches = rates[(kind, restricted)]
		other_rate = rates[(kind, False)][0]
		flagged = (
			restricted
			and breaches >= MINIMUM_BREACHES
			and (other_rate == 0 or rate / other_rate >= DISPROPORTION_RATIO)
		)
		result.append(GroupClocks(*row, flagged))
	return result


def _median(values: list[float]) -> float | None:
	if not values:
		return None
	middle = len(values) // 2
	return round(values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2, 1)
