"""The language signal on every message received (policy 6.3.3, 6.5.3), from an offline classifier.

The classifier is `alt-profanity-check` (PyPI): a linear model trained on a large public corpus of
offensive and ordinary text, shipped inside the package, so nothing is downloaded at run time and no
message leaves the server; it is maintained, small and fast (docs/language.md says why it was chosen).
It is loaded once per process, on the first message. If it cannot be loaded the message is received
exactly the same, with no signal: the signal never decides anything (see `policy.language`).
"""

import frappe
from frappe.utils import flt

from uab_helpdesk.policy.language import (
	DEFAULT_THRESHOLD,
	LanguageSignal,
	message_score,
	own_words,
	sentences,
	signal,
	snippet,
)
from uab_helpdesk.utils import log_failure

_model = None


def _predict_prob():
	global _model
	if _model is None:
		from profanity_check import predict_prob

		_model = predict_prob
	return _model


def language_signal(subject: str | None, content: str | None) -> LanguageSignal | None:
	words = own_words(subject, content)
	if not words:
		return None
	threshold = flt(frappe.get_cached_doc("UAB Settings").get("language_flag_threshold")) or DEFAULT_THRESHOLD
	return signal(score_of(words), threshold)


def score_of(words: str) -> float:
	return message_score([float(score) for score in _predict_prob()(sentences(words))], words)


def mark_received(doc) -> None:
	"""Communication validate, for a message received: store the signal on it. Never raises."""
	try:
		if result := language_signal(doc.subject, doc.content):
			doc.uab_language_score, doc.uab_language_flagged = result.score, int(result.flagged)
	except Exception:
		log_failure("UAB Helpdesk: no language signal for a received message", "Communication")


def flagged_on_ticket(ticket: str) -> list[dict]:
	"""The flagged messages received on a ticket, each with the start of its text: the agent UI shows
	them collapsed (Helpdesk v1.15 marks a message on the page by nothing else)."""
	rows = frappe.get_all(
		"Communication",
		filters={
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
			"sent_or_received": "Received",
			"uab_language_flagged": 1,
		},
		fields=["name", "content"],
	)
	return [{"name": row.name, "snippet": snippet(row.content)} for row in rows]
