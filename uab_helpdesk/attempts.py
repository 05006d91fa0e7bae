"""Writes `UAB Contact Attempt`, the audit log of enforcement, including for refused requests.

A refusal raises, and Frappe then usually rolls the whole request back; an attempt inserted in that
transaction would vanish with it, and the agent's text with it. So a refusal's record waits in a list
for this request and is written whichever way the transaction ends: after a rollback, in a
transaction of its own; before a commit (a caller caught the refusal and went on), in that one; and
at the end of a request that did neither. Each pending record is written exactly once.
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
		keep_whatever_happens(values)
	else:
		_insert(values)


def keep_whatever_happens(values: dict) -> None:
	pending = getattr(frappe.local, "uab_attempts_after_rollback", None) or []
	pending.append(values)
	frappe.local.uab_attempts_after_rollback = pending
	# commit() and rollback() reset both callback lists, so they are registered again at every refusal;
	# a second registration finds the list already written and does nothing.
	frappe.db.after_rollback.add(_write_pending)
	frappe.db.before_commit.add(_insert_pending)


def flush_pending(*args, **kwargs) -> None:
	"""`after_request` hook: a request that ended with neither commit nor rollback (a GET) still keeps
	its refusals."""
	if getattr(frappe.local, "uab_attempts_after_rollback", None) and frappe.db:
		_write_pending()


def record_policy_letter(
	doc, method: str, communication: str | None = None, correction: str | None = None
) -> None:
	"""Every letter about the policy that goes to a customer is visible in the attempt log too; the first
	one's subject is exactly the record (`api.letters.first_letter_sent_on` finds it by that)."""
	_insert(
		{
			"doctype": "UAB Contact Attempt",
			"action": "Policy letter",
			"direction": "Outgoing",
			"channel": method,
			"attempted_on": now_datetime(),
			"attempted_by": frappe.session.user,
			"protocol": doc.name if doc.doctype == "UAB Communication Protocol" else doc.get("protocol"),
			"contact": doc.contact,
			"subject": f"{doc.doctype} {doc.name}"
			+ (f" — corrected: {correction[:100]}" if correction else ""),
			"content": communication and f"Communication {communication}",
		}
	)


def discard_pending() -> list[dict]:
	"""Forget the refusals waiting for a rollback (tests that keep their transaction use this)."""
	pending = getattr(frappe.local, "uab_attempts_after_rollback", None) or []
	frappe.local.uab_attempts_after_rollback = []
	return pending


def _write_pending() -> None:
	for values in discard_pending():
		_insert_and_commit(values)


def _insert_pending() -> None:
	for values in discard_pending():
		_insert(values)


def _insert(values: dict) -> None:
	frappe.get_doc(values).insert(ignore_permissions=True, ignore_links=True)


def _insert_and_commit(values: dict) -> None:
	try:
		_insert(values)
		frappe.db.commit()  # nosemgrep: the request was rolled back; this record must outlive it
	except Exception:
		frappe.db.rollback()
		# No message text in the Error Log: it would outlive the retention of the case.
		frappe.log_error(
			title="UAB Helpdesk: could not record a refused contact attempt",
			message=frappe.as_json({key: values.get(key) for key in ("action", "channel", "protocol")}),
		)
