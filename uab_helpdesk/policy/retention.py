"""How long closed cases are kept (policy 8.1; UK GDPR storage limitation).

A contact's case is closed when no protocol is Active. Once its last recorded activity (incident,
warning, assessment, protocol end, appeal or review) is older than the retention period, the records are
anonymised: what identifies or describes the person goes, and what the registers count stays (dates,
behaviour types, channels, decisions).
"""

from datetime import date

from .dates import add_months

ANONYMISED = "[anonymised]"


def retention_cutoff(today: date, retention_years: int) -> date:
	"""8.1: a closed case whose last activity is on or before this day is past retention."""
	return add_months(today, -12 * retention_years)


def past_retention(
	last_activity: date | None, today: date, retention_years: int, has_active_protocol: bool
) -> bool:
	if has_active_protocol or last_activity is None:
		return False
	return last_activity <= retention_cutoff(today, retention_years)
