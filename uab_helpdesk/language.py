"""The language signal on every message received (policy 2.2, 3.1, 5.2, 6.3.1, 6.3.3, 6.5.3).

Read after the message is stored, in a background job queued when its transaction commits: receiving mail
never waits on it, and a slow or failing reader cannot delay or lose a message. The reading has two parts:

- what the policy names, by kind, with the words that showed it (`policy.abuse`): threats, harassment,
  sexual remarks, slurs, abuse aimed at staff. Any kind flags the message, and a threat tells the managers
  of the staff on the ticket at once (2.2, 6.3.1);
- a score from a small classifier that reads how the message is written (`policy.abuse_model`, trained
  from data shipped with the app; nothing is downloaded): above its threshold it flags a message the terms
  placed in no kind, as "abusive language". docs/language.md says what each finds and misses, measured blind.

It never blocks, holds or decides anything.
"""

import frappe
from frappe import _

from uab_helpdesk.health_and_safety import read_for_danger
from uab_helpdesk.policy import abuse_model
from uab_helpdesk.policy.abuse import ABUSE, HARASSMENT, SEXUAL, SLUR, THREAT, UNNAMED, Finding, find_abuse
from uab_helpdesk.policy.language import own_words, snippet
from uab_helpdesk.ticket_state import MESSAGE_STATE, set_message_state
from uab_helpdesk.utils import log_failure, received_text


def score_of(words: str) -> float:
	return abuse_model.probability(words)


def threat_score_of(words: str) -> float:
	return abuse_model.threat_probability(words)


# Messages stored and not yet read, oldest first: one Redis push a message on the request path.
TO_READ = "uab_language_to_read"


def queue_reading(doc, method=None) -> None:
	"""Communication after_insert: once the message is committed, it joins the list waiting to be read,
	and a reader job is queued only when the list was empty (under tests, it is read at once: there is
	no commit to wait for). A burst of mail costs one push a message. Never raises."""
	if doc.sent_or_received != "Received" or frappe.flags.uab_exempt:
		return
	try:
		if _read_at_once():
			read_message(doc.name)
		else:
			frappe.db.after_commit.add(lambda name=doc.name: _wait_to_be_read(name))
	except Exception:
		log_failure("UAB Helpdesk: could not queue the language signal", "Communication", doc.name)


def _wait_to_be_read(communication: str) -> None:
	try:
		if frappe.cache.rpush(TO_READ, communication) == 1:
			frappe.enqueue(
				"uab_helpdesk.language.read_waiting", queue="short", job_id=TO_READ, deduplicate=True
			)
	except Exception:
		log_failure("UAB Helpdesk: could not queue the language signal", "Communication", communication)


def read_waiting() -> None:
	"""The reader job, and every few minutes the scheduler (hooks.py) in case a reader died: reads each
	waiting message, oldest first, and commits each, so that one failure costs one signal, never a message."""
	while name := frappe.cache.lpop(TO_READ):
		read_message(name.decode() if isinstance(name, bytes) else name)
		frappe.db.commit()  # nosemgrep: a background job, one message at a time


def _read_at_once() -> bool:
	"""Under tests there is no commit to wait for: the job runs at once, in the test's transaction."""
	return bool(frappe.flags.in_test)


def read_message(communication: str) -> None:
	"""The job: store the kinds found and the score on the message, and tell managers of a threat."""
	try:
		message = frappe.db.get_value(
			"Communication",
			communication,
			["name", "subject", "content", "text_content", "reference_doctype", "reference_name", "creation"],
			as_dict=True,
		)
		if message:
			message.content = received_text(message)
		words = own_words(message.subject, message.content) if message else ""
		if not words:
			return
		findings, values = find_abuse(words), {}
		try:
			# A veiled threat has no violent word for the terms to find: the threat model names it.
			findings, values["language_score"] = abuse_model.with_model_findings(
				words, findings, score_of, threat_score_of
			)
		except Exception:
			log_failure(
				"UAB Helpdesk: no language signal for a received message", "Communication", communication
			)
		values.update(language_flagged=int(bool(findings)), language_kinds=describe(findings))
		ticket = message.reference_name if message.reference_doctype == "HD Ticket" else None
		set_message_state(communication, ticket=ticket, **values)
		if threat := next((finding for finding in findings if finding.kind == THREAT), None):
			tell_managers_of_a_threat(message, threat)
	except Exception:
		log_failure("UAB Helpdesk: no language signal for a received message", "Communication", communication)
	else:
		_read_for_danger(message)


def _read_for_danger(message) -> None:
	try:
		read_for_danger(message)
	except Exception:
		log_failure(
			"UAB Helpdesk: could not read a received message for a danger", "Communication", message.name
		)


def describe(findings: tuple[Finding, ...]) -> str:
	"""One line a kind, stored on the message: the kind (stored untranslated) and the words."""
	return "\n".join(
		f"{finding.kind}: \u201c{finding.words}\u201d" if finding.words else finding.kind
		for finding in findings
	)


def kinds_of(stored: str | None) -> list[dict]:
	"""The stored kinds, each translated for display, with its words."""
	rows = []
	for line in (stored or "").splitlines():
		kind, _sep, words = line.partition(": ")
		rows.append({"kind": kind, "label": kind_label(kind), "words": words.strip("\u201c\u201d")})
	return rows


def kind_label(kind: str) -> str:
	labels = {
		THREAT: _("Threat of violence"),
		HARASSMENT: _("Harassment or intimidation"),
		SEXUAL: _("Sexual remark"),
		SLUR: _("Slur"),
		ABUSE: _("Abuse of staff"),
		UNNAMED: _("Abusive language (no kind recognised)"),
	}
	return labels.get(kind, kind)


def tell_managers_of_a_threat(message, threat: Finding) -> None:
	"""2.2 and 6.3.1: the managers of the staff on the ticket (their line manager, else the welfare manager)
	hear of a threat at once, in Frappe's notifications, with the words and what the policy asks next."""
	from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

	from uab_helpdesk.staff_support import managers_of

	staff = []
	if message.reference_doctype == "HD Ticket":
		assigned = frappe.db.get_value("HD Ticket", message.reference_name, "_assign")
		staff = frappe.parse_json(assigned) if assigned else []
	welfare = frappe.get_cached_doc("UAB Settings").get("welfare_manager")
	managers = sorted({manager for member in staff for manager in managers_of(member)} | ({welfare} - {None}))
	if not managers:
		return
	make_notification_logs(
		{
			"type": "Alert",
			"document_type": message.reference_doctype or "Communication",
			"document_name": message.reference_name or message.name,
			"subject": _(
				"Threat of violence in a message received (\u201c{0}\u201d). Policy 6.3.1: record it with Record "
				"abusive correspondence, report it to the police, and consider a staff-safety marker."
			).format(frappe.utils.escape_html(threat.words or snippet(message.content))),
			"from_user": "Administrator",
		},
		managers,
	)


def flagged_on_ticket(ticket: str) -> list[dict]:
	"""The flagged messages received on a ticket, each with the start of its text and its kinds: the agent
	UI shows them collapsed and marked (Helpdesk v1.15 marks a message on the page by nothing else). A
	message not yet read by the job is simply not listed yet."""
	kinds = dict(
		frappe.get_all(
			MESSAGE_STATE,
			filters={"ticket": str(ticket), "language_flagged": 1},
			fields=["communication", "language_kinds"],
			as_list=True,
		)
	)
	rows = (
		frappe.get_all(
			"Communication",
			filters={"name": ("in", list(kinds))},
			fields=["name", "content"],
			order_by="creation",
		)
		if kinds
		else []
	)
	return [
		{
			"name": row.name,
			"snippet": snippet(row.content),
			"kinds": [kind["label"] for kind in kinds_of(kinds[row.name])],
			"threat": THREAT in (kinds[row.name] or ""),
		}
		for row in rows
	]
