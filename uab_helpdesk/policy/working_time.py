"""Deadlines in the landlord's working time: a held message is read within so many working hours (issue 21).

A clock that counts only the hours the office is open, skipping weekends and bank holidays, as the
landlord's calendar says; Helpdesk keeps that calendar on its default SLA (the Frappe layer reads it).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

OFFICE_HOURS = (time(9, 0), time(17, 0))


@dataclass(frozen=True)
class WorkingCalendar:
	"""Opening hours by weekday (0 is Monday) and the dates the office is shut."""

	hours: dict[int, tuple[time, time]] = field(default_factory=lambda: dict.fromkeys(range(5), OFFICE_HOURS))
	holidays: frozenset[date] = frozenset()

	def opening(self, day: date) -> tuple[datetime, datetime] | None:
		window = None if day in self.holidays else self.hours.get(day.weekday())
		if not window or window[0] >= window[1]:
			return None
		return datetime.combine(day, window[0]), datetime.combine(day, window[1])


# Far enough to cross any run of holidays, near enough that a calendar with no opening hours fails fast.
MAX_DAYS = 400


def add_working_hours(start: datetime, hours: float, calendar: WorkingCalendar) -> datetime:
	"""The moment ``hours`` of working time after ``start``: time outside opening hours does not count,
	so a message arriving on Friday evening with four hours to run is due on Monday at 13:00."""
	remaining = timedelta(hours=hours)
	current = start
	for _day in range(MAX_DAYS):
		if opening := calendar.opening(current.date()):
			begin = max(current, opening[0])
			if begin < opening[1]:
				if remaining <= opening[1] - begin:
					return begin + remaining
				remaining -= opening[1] - begin
		current = datetime.combine(current.date() + timedelta(days=1), time(0))
	raise ValueError("the working calendar has no opening hours")
