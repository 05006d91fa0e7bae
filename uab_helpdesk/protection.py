"""Who is protected right now: the one cached lookup every enforcement path makes first.

A contact with no Active protocol costs one Redis read and nothing else (SPEC §9). The index lives in
Frappe's Redis cache, not in process memory, so every web and worker process sees the same state; it
is dropped whenever a protocol changes or a contact's addresses change.
"""

import re
from email.utils import getaddresses

import frappe
from frappe.utils import cint, get_time, getdate

from uab_helpdesk.facts import active_protocol_of
from uab_helpdesk.policy.decision import SiteContext
from uab_helpdesk.policy.protocol import WEEKDAYS, ContactWindow, ProtocolRules
from uab_helpdesk.policy.values import Channel, EnforcementMode, IssuePeriod, parse_enum

# Three Redis hashes, filled one key at a time on first lookup (a miss is cached too). An address
# or contact with no Active protocol then costs one HGET, however many protocols exist.
CONTACT_PROTOCOLS = "uab_helpdesk:protocol_of_contact"
EMAIL_CONTACTS = "uab_helpdesk:protected_contact_of_email"
PHONE_CONTACTS = "uab_helpdesk:protected_contact_of_phone"
_NOT_DIGIT = re.compile(r"\D")


def clear_protected_index(*args, **kwargs) -> None:
	"""Drop the index now, and again when this transaction ends: a request that reads the index after
	changing a protocol would otherwise leave behind entries from changes it then rolled back."""
	_drop_index()
	frappe.db.after_commit.add(_drop_index)
	frappe.db.after_rollback.add(_drop_index)


def _drop_index() -> None:
	frappe.cache.delete_value([CONTACT_PROTOCOLS, EMAIL_CONTACTS, PHONE_CONTACTS])


def protocol_of_contact(contact: str | None) -> str | None:
	if not contact:
		return None
	return frappe.cache.hget(CONTACT_PROTOCOLS, contact, generator=lambda: active_protocol_of(contact))


def contacts_for_addresses(*address_fields: str | None) -> set[str]:
	"""Protected contacts among the e-mail addresses of To/Cc/Bcc-style strings."""
	found = set()
	for _name, address in getaddresses([field for field in address_fields if field]):
		email = address.strip().lower()
		if email and (
			contact := frappe.cache.hget(
				EMAIL_CONTACTS, email, generator=lambda e=email: _protected_by_email(e)
			)
		):
			found.add(contact)
	return found


def contact_for_phone(number: str | None) -> str | None:
	"""Numbers match on their last ten digits, so +44 7700 900123 and 07700900123 agree."""
	digits = _NOT_DIGIT.sub("", number or "")[-10:]
	if len(digits) < 7:
		return None
	return frappe.cache.hget(PHONE_CONTACTS, digits, generator=lambda: _protected_by_phone(digits))


def _protected_by_email(email: str) -> str | None:
	contacts = frappe.get_all("Contact Email", filters={"email_id": email}, pluck="parent")
	return next((contact for contact in contacts if active_protocol_of(contact)), None)


def _protected_by_phone(digits: str) -> str | None:
	rows = frappe.get_all(
		"Contact Phone", filters={"phone": ("like", f"%{digits[-4:]}")}, fields=["parent", "phone"]
	)
	return next(
		(
			row.parent
			for row in rows
			if _NOT_DIGIT.sub("", row.phone or "")[-10:] == digits and active_protocol_of(row.parent)
		),
		None,
	)


def load_rules(protocol: str) -> ProtocolRules:
	"""The Active protocol as the policy's value object. Read fresh, not from the document cache:
	only protected contacts get here, and a cached copy can outlive a rolled-back change."""
	return rules_of(frappe.get_doc("UAB Communication Protocol", protocol))


def rules_of(doc) -> ProtocolRules:
	"""A protocol document (saved or still a draft) as the policy's value object."""
	return ProtocolRules(
		reference=doc.name,
		customer_name=doc.contact_name or doc.contact,
		allowed_channels=frozenset(Channel(row.channel) for row in doc.allowed_channels),
		windows=windows_of(doc.contact_windows),
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


def windows_of(rows) -> tuple[ContactWindow, ...]:
	"""`UAB Protocol Window` rows as the policy's contact windows."""
	return tuple(
		ContactWindow(
			Channel(row.channel), WEEKDAYS.index(row.weekday), get_time(row.from_time), get_time(row.to_time)
		)
		for row in rows
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
