"""Builds each letter's context from its record for the Jinja print formats (`uab_letter(doc)`).

The wording rules are in `uab_helpdesk.policy.letters`; this only loads the facts.
"""

import frappe
from frappe.utils import getdate, today

from uab_helpdesk.policy import letters
from uab_helpdesk.policy.dates import review_due_date
from uab_helpdesk.policy.protocol import activation_date
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import rules_of
from uab_helpdesk.utils import render_text


def uab_letter(doc) -> letters.Letter:
	"""Jinja method (hooks `jinja`): the letter for a UAB Warning, Communication Protocol, Appeal or Review."""
	builders = {
		"UAB Warning": _warning,
		"UAB Communication Protocol": _protocol,
		"UAB Appeal": _appeal_outcome,
		"UAB Protocol Review": _review_outcome,
		"UAB Incident": _correspondence,
		"Communication": _reply,
	}
	return builders[doc.doctype](doc)


def has_letter(doc) -> bool:
	"""A submitted record with a letter: every warning, protocol, appeal and review; of incidents, only
	one that records abusive correspondence (6.3.3)."""
	if doc.doctype not in PRINT_FORMATS or doc.docstatus != 1:
		return False
	return doc.doctype != "UAB Incident" or bool(doc.get("communication"))


def letter_html(doc) -> str:
	"""The letter itself, self-styled, for an e-mail body (no print-view CSS fetched over HTTP)."""
	folder = frappe.scrub(PRINT_FORMATS[doc.doctype])
	return frappe.render_template(
		f"uab_helpdesk/uab_helpdesk/print_format/{folder}/{folder}.html", {"doc": doc}
	)


PRINT_FORMATS = {
	"UAB Warning": "UAB Warning Letter",
	"UAB Communication Protocol": "UAB Protocol Letter",
	"UAB Appeal": "UAB Appeal Outcome Letter",
	"UAB Protocol Review": "UAB Review Outcome Letter",
	"UAB Incident": "UAB Correspondence Letter",
}


def third_party_copy(contact: str, protocol: str | None, on=None) -> str | None:
	"""The third-party Contact who gets a copy of the customer's letters, if any (6.3.2, 6.4.1)."""
	if not protocol:
		return None
	doc = frappe.get_doc("UAB Communication Protocol", protocol)
	if not doc.third_party_contact:
		return None
	needs = frappe.db.get_value("UAB Equality Profile", {"contact": contact}, "communication_needs")
	authorised = rules_of(doc).third_party_authorised(getdate(on or today()))
	copy = letters.copies_third_party(needs, bool(doc.copy_letters_to_third_party), authorised)
	return doc.third_party_contact if copy else None


def recipient_of(contact: str, advocate: str | None = None) -> letters.Recipient:
	"""Name, postal address and recorded communication needs (UAB Equality Profile, 7.1); ``advocate``
	is the third party who gets a copy (see third_party_copy)."""
	name = frappe.db.get_value("Contact", contact, "full_name") or contact
	address = frappe.db.get_value("Contact", contact, "address")
	lines = ()
	if address:
		from frappe.contacts.doctype.address.address import get_address_display

		lines = tuple(
			line.strip() for line in (get_address_display(address) or "").split("<br>") if line.strip()
		)
	needs = frappe.db.get_value("UAB Equality Profile", {"contact": contact}, "communication_needs")
	advocate_name = frappe.db.get_value("Contact", advocate, "full_name") if advocate else None
	return letters.Recipient(
		name=name, address_lines=lines, communication_needs=needs, advocate=advocate_name
	)


def _person(user: str | None) -> str:
	return (frappe.db.get_value("User", user, "full_name") if user else None) or user or ""


def _policy_url() -> str | None:
	return frappe.db.get_single_value("UAB Settings", "policy_url")


def _warning(doc) -> letters.Letter:
	incidents = [  # when and what kind only: staff's descriptions are internal
		letters.Incident(getdate(row.occurred_on), row.behaviour_type)
		for row in frappe.get_all(
			"UAB Incident",
			filters={"name": ("in", [row.incident for row in doc.incidents])},
			fields=["occurred_on", "behaviour_type"],
		)
	]
	return letters.warning_letter(
		doc.name,
		doc.level,
		getdate(doc.issued_on),
		recipient_of(doc.contact),
		incidents,
		_person(doc.issued_by),
		_policy_url(),
		reason=doc.reason_for_customer or "",
	)


def _protocol(doc) -> letters.Letter:
	"""Signed by the Head of Service who authorised it; the reason is the one written for the customer,
	never the assessment's internal proportionality notes. Before the letter is recorded sent (a
	preview) it shows the day it would start if sent today."""
	rules = rules_of(doc)
	sent_on = getdate(doc.letter_sent_on or today())
	start = activation_date(sent_on, getdate(doc.start_date) if doc.start_date else None)
	return letters.protocol_letter(
		reference=doc.name,
		start=start,
		review_due=getdate(doc.review_due_date)
		if doc.letter_sent_on
		else review_due_date(start, doc.review_period_months()),
		recipient=recipient_of(doc.contact, third_party_copy(doc.contact, doc.name, sent_on)),
		reasons=doc.reason_for_customer or "",
		allowed_channels=[channel for channel in Channel if channel in rules.allowed_channels],
		restrictions=[
			render_text(sentence) for sentence in letters.restrictions_of(rules, doc.update_frequency)
		],
		single_point_of_contact=doc.single_point_of_contact_name
		or _person(doc.single_point_of_contact)
		or None,
		authorised_by=_person(doc.authorised_by),
		policy_url=_policy_url(),
		today=sent_on,
	)


def _correspondence(doc) -> letters.Letter:
	"""6.3.3, signed by the officer who recorded the abusive message."""
	received = (
		frappe.db.get_value("Communication", doc.communication, "communication_date")
		if doc.get("communication")
		else None
	)
	return letters.correspondence_letter(
		doc.name,
		getdate(today()),
		getdate(received or doc.occurred_on),
		recipient_of(doc.contact),
		_person(doc.owner),
		_policy_url(),
	)


def _reply(doc) -> letters.Letter:
	"""A reply sent as a letter (replies.py): to the ticket's customer, signed by whoever sent it."""
	from frappe.utils.html_utils import sanitize_html

	from uab_helpdesk.protection import protocol_of_contact

	contact = frappe.db.get_value(doc.reference_doctype, doc.reference_name, "contact")
	copy_to = (
		third_party_copy(contact, protocol_of_contact(contact), doc.communication_date) if contact else None
	)
	return letters.reply_letter(
		doc.reference_name,
		getdate(doc.communication_date),
		recipient_of(contact, copy_to) if contact else letters.Recipient(name=""),
		_person(doc.user or doc.owner),
		sanitize_html(doc.content or ""),
	)


def _appeal_outcome(doc) -> letters.Letter:
	return letters.appeal_outcome_letter(
		doc.name,
		getdate(doc.decided_on or today()),
		recipient_of(doc.contact, third_party_copy(doc.contact, doc.protocol)),
		doc.decision,
		doc.decision_reasons or "",
		_person(doc.director),
		doc.protocol,
	)


def _review_outcome(doc) -> letters.Letter:
	return letters.review_outcome_letter(
		doc.name,
		getdate(doc.customer_notified_on or today()),
		recipient_of(doc.contact, third_party_copy(doc.contact, doc.protocol)),
		doc.decision,
		doc.reasons or "",
		_person(doc.reviewer),
		doc.protocol,
		getdate(doc.next_review_date) if doc.next_review_date else None,
		period=(getdate(doc.period_from), getdate(doc.period_to))
		if doc.period_from and doc.period_to
		else None,
	)
