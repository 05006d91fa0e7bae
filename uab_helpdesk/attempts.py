"""Writes `UAB Contact Attempt`, the audit log of enforcement, including for refused requests.

A refusal raises, and Frappe then rolls the whole request back; an attempt inserted in that
transaction would vanish with it, and the agent's text with it. So for a refusal the record is
written by a callback that runs after the rollback, in a transaction of its own.
"""

import frappe
from frappe.utils import now_datetime

from uab_helpdesk.policy.decision import Decision
from uab_helpdesk.utils import render


def record_attempt(
	decision: Decision,
	*,
	direction: str,
	channel: str,
	protocol: str | None,
	contact: str | None,
	ticket: str | None = None,
	content: str | None = None,
	subject: str | None = None,
	recipients: str | None = None,
	override_reason: str | None = None,
	survive_rollback: bool = False,
) -> None:
	values = {
		"doctype": "UAB Contact Attempt",
		"action": decision.outcome.value,
		"direction": direction,
		"channel": channel,
		"attempted_on": now_datetime(),
		"attempted_by": frappe.session.user,
		"protocol": protocol,
		"contact": contact,
		"ticket": ticket,
		"rules_breached": ", ".join(rule.value for rule in decision.rules_breached),
		"message": render(decision.message) if decision.message else None,
		"override_reason": override_reason,
		"subject": subject,
		"recipients": recipients,
		"content": content,
	}
	if survive_rollback:
		# commit() resets the after-rollback callbacks, so this is registered right before the raise.
		pending = getattr(frappe.local, "uab_attempts_after_rollback", None) or []
		if not pending:
			frappe.db.after_rollback.add(_write_pending)
		pending.append(values)
		frappe.local.uab_attempts_after_rollback = pending
	else:
		_insert(values)


def discard_pending() -> list[dict]:
	"""Forget the refusals waiting for a rollback (tests that keep their transaction use this)."""
	pending = getattr(frappe.local, "uab_attempts_after_rollback", None) or []
	frappe.local.uab_attempts_after_rollback = []
	return pending


def _write_pending() -> None:
	for values in discard_pending():
		_insert_and_commit(values)


def _insert(values: dict) -> None:
	frappe.get_doc(values).insert(ignore_permissions=True, ignore_links=True)


def _insert_and_commit(values: dict) -> None:
	try:
		_insert(values)
		frappe.db.commit()  # nosemgrep: the request was rolled back; this record must outlive it
	except Exception:
		frappe.db.rollback()
		frappe.log_error(
			title="UAB Helpdesk: could not record a refused contact attempt", message=frappe.as_json(values)
		)
