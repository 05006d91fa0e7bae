"""Who is protected right now: the one cached lookup every enforcement path makes first.

A contact with no Active protocol costs one Redis read and nothing else (SPEC §9). The index lives in
Frappe's Redis cache, not in process memory, so every web and worker process sees the same state; it
is dropped whenever a protocol changes or a contact's addresses change, and expires on its own.

It never answers "not protected" for a contact whose protocol is Active and committed. A miss is
filled by a locking read, which sees the latest committed rows rather than the snapshot of a
transaction that began before an activation, and which waits for an activation still committing;
the activating request drops the index again once it has committed (`clear_protected_index`), so an
answer cached before that commit does not outlive it.
"""

import pickle
import re
from contextlib import contextmanager
from email.utils import getaddresses
from functools import lru_cache

import frappe
import redis
from frappe.utils import cint, get_time, getdate

from uab_helpdesk.policy.decision import SiteContext
from uab_helpdesk.policy.protocol import WEEKDAYS, ContactWindow, ProtocolRules
from uab_helpdesk.policy.values import Channel, EnforcementMode, IssuePeriod, parse_enum

# Redis hashes, filled one key at a time on first lookup (a miss is cached too). An address, contact
# or customer with no Active protocol then costs one HGET, however many protocols exist.
CONTACT_PROTOCOLS = "uab_helpdesk:protocol_of_contact"
EMAIL_CONTACTS = "uab_helpdesk:protected_contact_of_email"
PHONE_CONTACTS = "uab_helpdesk:protected_contact_of_phone"
CUSTOMER_MANAGERS = "uab_helpdesk:protected_managers_of_customer"
THIRD_PARTY_PROTOCOLS = "uab_helpdesk:protocols_of_third_party_email"
_NOT_DIGIT = re.compile(r"\D")
# A safety net, not the mechanism: the index is dropped on every change anyway.
INDEX_TTL_SECONDS = 6 * 60 * 60


def clear_protected_index(*args, **kwargs) -> None:
	"""Drop the index now, and again when this transaction ends: a request that reads the index after
	changing a protocol would otherwise leave behind entries from changes it then rolled back."""
	_drop_index()
	frappe.db.after_commit.add(_drop_index)
	frappe.db.after_rollback.add(_drop_index)


def _drop_index() -> None:
	frappe.cache.delete_value(
		[CONTACT_PROTOCOLS, EMAIL_CONTACTS, PHONE_CONTACTS, CUSTOMER_MANAGERS, THIRD_PARTY_PROTOCOLS]
	)


def protocol_of_contact(contact: str | None) -> str | None:
	if not contact:
		return None
	return _lookup(CONTACT_PROTOCOLS, contact, lambda: active_protocol_now(contact))


def contacts_for_addresses(*address_fields: str | None) -> set[str]:
	"""Protected contacts among the e-mail addresses of To/Cc/Bcc-style strings."""
	found = set()
	for email in emails_of(*address_fields):
		if contact := _lookup(EMAIL_CONTACTS, email, lambda e=email: _protected_by_email(e)):
			found.add(contact)
	return found


def third_party_protocols(*address_fields: str | None) -> set[str]:
	"""Active protocols that name, as the customer's third party, the owner of one of these addresses
	(6.3.2, 6.4.1). An address of no third party costs one HGET, like any other."""
	found = set()
	for email in emails_of(*address_fields):
		found.update(_lookup(THIRD_PARTY_PROTOCOLS, email, lambda e=email: _protocols_naming_email(e)))
	return found


def _protocols_naming_email(email: str) -> list[str]:
	contacts = frappe.get_all("Contact Email", filters={"email_id": email}, pluck="parent")
	if not contacts:
		return []
	return frappe.db.sql_list(
		"""select name from `tabUAB Communication Protocol`
		where third_party_contact in %(contacts)s and status = 'Active' and docstatus = 1
		lock in share mode""",
		{"contacts": contacts},
	)


def contact_for_phone(number: str | None) -> str | None:
	"""Numbers match on their last ten digits, so +44 7700 900123 and 07700900123 agree."""
	digits = _NOT_DIGIT.sub("", number or "")[-10:]
	if len(digits) < 7:
		return None
	return _lookup(PHONE_CONTACTS, digits, lambda: _protected_by_phone(digits))


def protected_readers_of_ticket(ticket: str, values: dict | None = None) -> set[str]:
	"""Protected contacts who read what is posted on a ticket: its contact, whoever raised it, and on
	Helpdesk v1.28 the customer-manager contacts of its HD Customer, who see their members' tickets.
	``values`` is the ticket's `readers_row`, when the caller has read it already."""
	from uab_helpdesk.facts import customer_managers

	values = values if values is not None else readers_row(ticket)
	if not values:
		return set()
	readers = contacts_for_addresses(values.raised_by)
	if protocol_of_contact(values.contact):
		readers.add(values.contact)
	if values.customer:  # one HGET; the membership is read only on a miss (dropped when it changes)
		readers |= set(
			_lookup(
				CUSTOMER_MANAGERS,
				values.customer,
				lambda: [c for c in customer_managers(values.customer) if active_protocol_now(c)],
			)
		)
	return readers


def readers_row(ticket: str) -> dict | None:
	"""The ticket's contact, raiser and customer: one primary-key read, in plain SQL because it runs on
	every reply (the query builder behind `get_value` costs more than the read itself)."""
	rows = frappe.db.sql(
		"select contact, raised_by, customer from `tabHD Ticket` where name = %s", ticket, as_dict=True
	)
	return rows[0] if rows else None


def prefetch_for_message(addresses: tuple[str, ...], ticket_row: dict | None) -> None:
	"""Everything `enforce_sent` will look up for a message, read from Redis in one round trip: each
	address's protected contact and the protocols naming it as a third party, and the ticket's readers.
	A key Redis does not hold is left for `_lookup` to fill as before; nothing is decided here."""
	wanted = [(EMAIL_CONTACTS, email) for email in addresses]
	wanted += [(THIRD_PARTY_PROTOCOLS, email) for email in addresses]
	if ticket_row:
		wanted += [(EMAIL_CONTACTS, email) for email in emails_of(ticket_row.raised_by)]
		wanted += [(CONTACT_PROTOCOLS, ticket_row.contact), (CUSTOMER_MANAGERS, ticket_row.customer)]
	prefetch(wanted)


def emails_of(*address_fields: str | None) -> tuple[str, ...]:
	"""The lower-cased e-mail addresses in To/Cc/Bcc-style strings, as the index keys them."""
	return _parsed_emails(tuple(field for field in address_fields if field))


@lru_cache(maxsize=4096)
def _parsed_emails(address_fields: tuple[str, ...]) -> tuple[str, ...]:
	# A reply's addresses are asked for several times (its readers, its recipients, their third parties);
	# the standard library's parser is slow enough on every reply to be worth parsing each string once.
	emails = (address.strip().lower() for _name, address in getaddresses(list(address_fields)))
	return tuple(email for email in emails if email)


def prefetch(wanted: list[tuple[str, str | None]]) -> None:
	"""Fill this request's copy of the index (Frappe's `frappe.local.cache`, which `hget` reads first)
	for many keys with one pipelined round trip to Redis: on this machine a round trip is the cost."""
	local = frappe.local.cache
	missing = []
	for index, key in dict.fromkeys(wanted):
		name = frappe.cache.make_key(index)
		if key and key not in local.setdefault(name, {}):
			missing.append((name, key))
	if not missing:
		return
	pipe = frappe.cache.pipeline(transaction=False)
	for name, key in missing:
		pipe.hget(name, key)
	try:
		values = pipe.execute()
	except redis.exceptions.ConnectionError:
		return  # each lookup then asks on its own, as without the prefetch
	for (name, key), value in zip(missing, values, strict=True):
		if value is not None:
			local[name][key] = pickle.loads(value)


def _lookup(index: str, key: str, generator):
	filled = []

	def fill():
		filled.append(True)
		return generator()

	value = frappe.cache.hget(index, key, generator=fill)
	if filled and frappe.cache.ttl(frappe.cache.make_key(index)) < 0:
		frappe.cache.expire(frappe.cache.make_key(index), INDEX_TTL_SECONDS)
	return value


def active_protocol_now(contact: str) -> str | None:
	"""The contact's Active protocol as committed now (plus this transaction's own changes): a locking
	read, not this transaction's snapshot. It locks only this contact's protocol rows (indexed), and
	only on a cache miss."""
	rows = frappe.db.sql(
		"""select name from `tabUAB Communication Protocol`
		where contact = %s and status = 'Active' and docstatus = 1
		limit 1 lock in share mode""",
		contact,
	)
	return rows[0][0] if rows else None


def _protected_by_email(email: str) -> str | None:
	contacts = frappe.get_all("Contact Email", filters={"email_id": email}, pluck="parent")
	return next((contact for contact in contacts if active_protocol_now(contact)), None)


def _protected_by_phone(digits: str) -> str | None:
	rows = frappe.get_all(
		"Contact Phone", filters={"phone": ("like", f"%{digits[-4:]}")}, fields=["parent", "phone"]
	)
	return next(
		(
			row.parent
			for row in rows
			if _NOT_DIGIT.sub("", row.phone or "")[-10:] == digits and active_protocol_now(row.parent)
		),
		None,
	)


def load_rules(protocol: str) -> ProtocolRules:
	"""The Active protocol as the policy's value object. Read fresh, not from the document cache:
	only protected contacts get here, and a cached copy can outlive a rolled-back change. Inside
	`rules_read_once` (a read-only answer) each protocol is read once."""
	memo = getattr(frappe.local, "uab_rules_once", None)
	if memo is None:
		return rules_of(frappe.get_doc("UAB Communication Protocol", protocol))
	if protocol not in memo:
		memo[protocol] = rules_of(frappe.get_doc("UAB Communication Protocol", protocol))
	return memo[protocol]


@contextmanager
def rules_read_once():
	"""For an answer that only reads (the agent UI's ticket view): its banner, reply way and drafts
	each ask for the same protocol's rules; nothing it does can change them meanwhile."""
	frappe.local.uab_rules_once = {}
	try:
		yield
	finally:
		frappe.local.uab_rules_once = None


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
		third_party_name=doc.get("third_party_name") or doc.third_party_contact,
		third_party_authority_from=getdate(doc.third_party_authority_from)
		if doc.get("third_party_authority_from")
		else None,
		third_party_authority_until=getdate(doc.third_party_authority_until)
		if doc.get("third_party_authority_until")
		else None,
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
