"""What the app relies on in a site and cannot find, said in UAB Settings rather than failing.

Landlords rename and delete Helpdesk's ticket types, priorities and SLAs, and a new site has no outgoing
e-mail account. The app keeps working without each of them (a safety matter is still never held and is
still routed; a reply is still judged); this tells the administrator what is missing and what it costs.
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from uab_helpdesk.setup.custom_fields import get_custom_fields
from uab_helpdesk.setup.ui import FORM_SCRIPT_NAME


def setup_problems() -> list[str]:
	"""Each problem as one translated sentence: what is missing, what it costs, what to do."""
	settings = frappe.get_cached_doc("UAB Settings")
	return [
		*_safety_type_problems(settings.safety_ticket_type),
		*_safety_priority_problems(settings.safety_priority),
		*_always_allowed_problems(settings),
		*_outgoing_mail_problems(),
		*_incoming_mail_problems(),
		*_installed_parts_problems(),
	]


def _bold(name: str) -> str:
	"""A record's name, which an administrator chose, shown as text."""
	return frappe.bold(escape_html(name))


def _usable(doctype: str, name: str | None) -> bool:
	"""The record exists and, where the DocType can disable it (Helpdesk v1.28), is not disabled."""
	if not name or not frappe.db.exists(doctype, name):
		return False
	return not (
		frappe.get_meta(doctype).has_field("disabled") and frappe.db.get_value(doctype, name, "disabled")
	)


def _safety_type_problems(ticket_type: str | None) -> list[str]:
	if _usable("HD Ticket Type", ticket_type):
		return []
	if ticket_type:
		return [
			_(
				"The health-and-safety ticket type {0} no longer exists or is disabled: safety matters are still "
				"marked, never held and routed as urgent, but keep the ticket type they came with. Choose a type "
				"under Health and safety."
			).format(_bold(ticket_type))
		]
	return [
		_(
			"No health-and-safety ticket type is set: safety matters are still marked, never held and routed as "
			"urgent, but keep the ticket type they came with. Choose a type under Health and safety."
		)
	]


def _safety_priority_problems(priority: str | None) -> list[str]:
	if not _usable("HD Ticket Priority", priority):
		return [
			_(
				"No usable health-and-safety priority is set: safety matters keep the priority they came with. "
				"Choose a priority under Health and safety."
			)
		]
	from uab_helpdesk.health_and_safety import slas_without_priority

	lacking = slas_without_priority(priority)
	if not lacking:
		return []
	return [
		_(
			"These service level agreements have no {0} priority: {1}. A safety matter under one of them keeps "
			"its priority (Helpdesk refuses a priority its SLA lacks), and is still marked, never held and routed. "
			"Add the priority to those SLAs, or choose another."
		).format(_bold(priority), ", ".join(_bold(sla) for sla in lacking))
	]


def _always_allowed_problems(settings) -> list[str]:
	missing = [
		row.ticket_type
		for row in settings.always_allowed_ticket_types
		if not _usable("HD Ticket Type", row.ticket_type)
	]
	if not missing:
		return []
	return [
		_("These always-allowed topics no longer exist or are disabled: {0}.").format(
			", ".join(_bold(name) for name in missing)
		)
	]


def _outgoing_mail_problems() -> list[str]:
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return []
	return [
		_(
			"There is no default outgoing e-mail account: agents cannot reply by e-mail, and policy letters "
			"can only be printed and posted. Set one up under Email Account."
		)
	]


def _incoming_mail_problems() -> list[str]:
	"""Frappe's IMAP pull in "UNSEEN" mode marks each message read on the mail server as it fetches it, before
	the message is stored: a worker stopped mid-pull (a deploy, a restart, the job's timeout) loses what it
	had fetched and not stored, and it is never fetched again. "ALL" mode resumes after the last message
	stored. A customer's message is never to be lost (SPEC §5), least of all a danger or a complaint."""
	accounts = frappe.get_all(
		"Email Account",
		filters={"enable_incoming": 1, "use_imap": 1, "email_sync_option": "UNSEEN"},
		pluck="name",
		order_by="name",
	)
	if not accounts:
		return []
	return [
		_(
			"These incoming e-mail accounts fetch only unread mail: {0}. Frappe marks a message read on the mail "
			"server before it is stored, so a background worker stopped in the middle of fetching loses those "
			"messages for good. Set Email Sync Option to ALL on each of them."
		).format(", ".join(_bold(name) for name in accounts))
	]


def _installed_parts_problems() -> list[str]:
	"""The parts the install writes; `bench migrate` writes any that are missing."""
	missing_fields = [
		f"{doctype}.{field['fieldname']}"
		for doctype, fields in get_custom_fields().items()
		for field in fields
		if not frappe.db.exists("Custom Field", {"dt": doctype, "fieldname": field["fieldname"]})
	]
	problems = []
	if missing_fields:
		problems.append(
			_("Fields of this app are missing ({0}): run bench migrate on this site.").format(
				", ".join(missing_fields)
			)
		)
	if frappe.db.exists("DocType", "HD Form Script") and not frappe.db.get_value(
		"HD Form Script", FORM_SCRIPT_NAME, "enabled"
	):
		problems.append(
			_(
				"The agent UI's protocol banner ({0}) is missing or disabled: agents in /helpdesk do not see a "
				"customer's protocol (the server still enforces it). Run bench migrate on this site."
			).format(FORM_SCRIPT_NAME)
		)
	return problems
