"""How long closed cases are kept (policy 8.1)."""

from datetime import date

from uab_helpdesk.policy.retention import past_retention


def test_closed_case_older_than_retention_is_anonymised_8_1():
	assert past_retention(date(2019, 11, 24), date(2026, 11, 24), 6, has_active_protocol=False)
	assert not past_retention(date(2020, 11, 25), date(2026, 11, 24), 6, has_active_protocol=False)


def test_a_case_with_an_active_protocol_is_never_anonymised_8_1():
	assert not past_retention(date(2001, 1, 1), date(2026, 11, 24), 6, has_active_protocol=True)
