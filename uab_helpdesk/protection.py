"""Who is protected right now: the one cached lookup every enforcement path makes first.

A contact with no Active protocol costs one Redis read and nothing else (SPEC §9). The index lives in
Frappe's Redis cache, not in process memory, so every web and worker process sees the same state; it
is dropped whenever a protocol or a protected contact's addresses change.
"""

import re
from email.utils import getaddresses

import frappe
from frappe.utils import cint, get_time, getdate

from uab_helpdesk.policy.decision import SiteContext
from uab_helpdesk.policy.protocol import WEEKDAYS, ContactWindow, ProtocolRules
from uab_helpdesk.policy.values import Channel, EnforcementMode, IssuePeriod, parse_enum

CACHE_KEY = "uab_helpdesk:protected_contacts"
_NOT_DIGIT = re.compile(r"\D")


def protected_index() -> dict:
	"""{"contacts": {contact: protocol}, "emails": {email: contact}, "phones": {digits: contact}}."""
	return frappe.cache.get_value(CACHE_KEY, generator=_build_index)


def clear_protected_index(*args, **kwargs) -> None:
	"""Drop the index now, and again when this transaction ends: a request that reads the index after
	changing a protocol would otherwise leave behind an index built from changes it then rolled back."""
	_drop_index()
	frappe.db.after_commit.add(_drop_index)
	frappe.db.after_rollback.add(_drop_index)


def _drop_index() -> None:
	frappe.cache.delete_value(CACHE_KEY)


def protocol_of_contact(contact: str | None) -> str | None:
	return protected_index()["contacts"].get(contact) if contact else None


def contacts_for_addresses(*address_fields: str | None) -> set[str]:
	"""Protected contacts among the e-mail addresses of To/Cc/Bcc-style strings."""
	emails = protected_index()["emails"]
	if not emails:
		return set()
	found = set()
	for _name, address in getaddresses([field for field in address_fields if field]):
		if contact := emails.get(address.strip().lower()):
			found.add(contact)
	return found


def contact_for_phone(number: str | None) -> str | None:
	"""Numbers match on their last ten digits, so +44 7700 900123 and 07700900123 agree."""
	digits = _NOT_DIGIT.sub("", number or "")[-10:]
	return protected_index()["phones"].get(digits) if len(digits) >= 7 else None


def _build_index() -> dict:
	protocols = frappe.get_all(
		"UAB Communication Protocol",
		filters={"status": "Active", "docstatus": 1},
		fields=["name", "contact", "third_party_contact"],
	)
	contacts = {row.contact: row.name for row in protocols}
	emails, phones = {}, {}
	if contacts:
		for row in frappe.get_all(
			"Contact Email", filters={"parent": ("in", list(contacts))}, fields=["parent", "email_id"]
		):
			emails[row.email_id.strip().lower()] = row.parent
		for row in frappe.get_all(
			"Contact Phone", filters={"parent": ("in", list(contacts))}, fields=["parent", "phone"]
		):
			digits = _NOT_DIGIT.sub("", row.phone or "")[-10:]
			if len(digits) >= 7:
				phones[digits] = row.parent
	return {"contacts": contacts, "emails": emails, "phones": phones}


def load_rules(protocol: str) -> ProtocolRules:
	"""The Active protocol as the policy's value object. Read fresh, not from the document cache:
	only protected contacts get here, and a cached copy can outlive a rolled-back change."""
	doc = frappe.get_doc("UAB Communication Protocol", protocol)
	return ProtocolRules(
		reference=doc.name,
		customer_name=doc.contact_name or doc.contact,
		allowed_channels=frozenset(Channel(row.channel) for row in doc.allowed_channels),
		windows=tuple(
			ContactWindow(
				Channel(row.channel),
				WEEKDAYS.index(row.weekday),
				get_time(row.from_time),
				get_time(row.to_time),
			)
			for row in doc.contact_windows
		),
		single_point_of_contact=doc.single_point_of_contact,
		single_point_of_contact_name=doc.single_point_of_contact_name,
		deputy_contact=doc.deputy_contact,
		allowed_ticket_types=frozenset(row.ticket_type for row in doc.allowed_ticket_types),
		health_and_safety_only_until=getdate(doc.health_and_safety_only_until)
		if cint(doc.health_and_safety_only) and doc.health_and_safety_only_until
		else None,
		issue_limit=cint(doc.issue_limit) or None,
		issue_limit_period=parse_enum(IssuePeriod, doc.issue_limit_period),
		third_party_only=bool(cint(doc.third_party_only)),
		third_party_contact=doc.third_party_contact,
		review_due=getdate(doc.review_due_date) if doc.review_due_date else None,
		visits_by_appointment_only=bool(cint(doc.visits_by_appointment_only)),
	)


def site_context() -> SiteContext:
	settings = frappe.get_cached_doc("UAB Settings")
	return SiteContext(
		time_zone=frappe.utils.get_system_timezone(),
		always_allowed_ticket_types=frozenset(
			row.ticket_type for row in settings.always_allowed_ticket_types
		),
		mode=EnforcementMode(settings.enforcement_mode or EnforcementMode.BLOCK.value),
	)
