"""Small Frappe-side helpers shared by the controllers: rendering policy messages and role checks."""

import frappe
from frappe import _
from frappe.utils import escape_html

from uab_helpdesk.policy.i18n import Message

MANAGER_ROLES = ("UAB Manager", "UAB Head of Service", "UAB Director", "System Manager")
# Staff who handle tickets; portal customers and Guest are none of these.
STAFF_ROLES = ("Agent", *MANAGER_ROLES)


class UABValidationError(frappe.ValidationError):
	"""A record that breaks the policy; the message says which rule and what to do instead."""


def received_text(message) -> str | None:
	"""What a customer wrote, from a Communication (a document or a row of it). Frappe's e-mail intake inserts
	a plain-text message with its words only in `text_content` and fills `content` after the insert
	(receive.py, `_build_communication_doc`): a reader of `content` alone, at insert or in a job queued then,
	finds nothing in most tenants' mail."""
	if message.content or not message.get("text_content"):
		return message.content
	return escape_html(message.text_content).replace("\n", "<br>")


def render(message: Message) -> str:
	"""A policy message, translated, with every stored value escaped for HTML display."""
	return message.render(translate=translated_option, escape=escape_html)


def translated_option(value: str) -> str:
	"""A Select option's stored value, translated. Frappe extracts Select options from DocType JSON
	for translation, so translating the value (not a string built from it) is correct here."""
	return _(value)


def render_text(message: Message) -> str:
	"""A policy message, translated, as plain text (for fields and clients that escape it themselves)."""
	return message.render(translate=translated_option)


def throw_problems(problems: list[Message], title: str | None = None) -> None:
	"""Refuse with every problem at once, so the user fixes them in one go; nothing is saved."""
	if problems:
		frappe.throw(
			"<br>".join(render(problem) for problem in problems),
			exc=UABValidationError,
			title=title or _("Not Allowed"),
		)


def log_failure(title: str, reference_doctype: str | None = None, reference_name: str | None = None) -> None:
	"""An Error Log entry with where it failed and the kind of error, never the error's text: an
	exception's message can quote what a customer wrote, and the Error Log outlives a case's retention."""
	import sys
	import traceback

	error_type, _error, trace = sys.exc_info()
	# File, line and function only: a source line can hold text too.
	where = "".join(
		f"{frame.filename}:{frame.lineno} in {frame.name}\n" for frame in traceback.extract_tb(trace)
	)
	frappe.log_error(
		title=title,
		message=f"{where}{error_type.__name__ if error_type else ''}",
		reference_doctype=reference_doctype,
		reference_name=reference_name,
	)


def has_any_role(*roles: str, user: str | None = None) -> bool:
	return bool(set(roles) & set(frappe.get_roles(user)))


def require_role(roles: tuple[str, ...], action: str) -> None:
	"""Refuse ``action`` (already translated) unless the session user holds one of ``roles``."""
	if not has_any_role(*roles):
		frappe.throw(
			_("Only a user with the role {0} may {1}.").format(
				" / ".join(role for role in roles if role != "System Manager"), action
			),
			exc=frappe.PermissionError,
			title=_("Not Permitted"),
		)
