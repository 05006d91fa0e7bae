"""The language of correspondence received (policy 6.3.3, 6.5.3): a signal for staff, never a decision.

6.3.3 lets staff tell a customer that correspondence is "offensive, unnecessary and unhelpful" and that
they will not respond to it; 6.5.3 asks the assessing manager to "assess the language of communication
received". An offline classifier gives each received message a score; this module says what the score
means. It never blocks, holds or decides anything: a flagged message is shown to staff collapsed, for
their welfare, and counted for the assessment, and a person decides whether it is abusive. Angry is not
abusive (3.1): the threshold is the landlord's, and docs/benchmarks.md shows what each one finds.
"""

import re
from dataclasses import dataclass
from html import unescape

from .evidence import customer_text

DEFAULT_THRESHOLD = 0.9


@dataclass(frozen=True)
class LanguageSignal:
	score: float
	flagged: bool


def own_words(subject: str | None, content: str | None) -> str:
	"""What the customer wrote: the subject and body, without markup or the earlier replies they quote
	(our own letters must not make their message look abusive, or clean)."""
	subject = unescape((subject or "").strip())
	if subject.lower().startswith(("re:", "fwd:", "fw:")):
		subject = subject.split(":", 1)[1].strip()
	return " ".join(f"{subject}\n{customer_text(content)}".split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Tenants star out the words they swear with ("f***", "c*nt"): the model was not trained on stars.
_STARRED = re.compile(r"\b[a-z]{1,3}\*+[a-z]*\b|\b[a-z]+\*+[a-z]+", re.IGNORECASE)
STARRED_SCORE = 0.95


def snippet(content: str | None, words: int = 8) -> str:
	"""The first words of a message's text, whitespace collapsed, as a browser shows them: enough to
	find the message on a page, too little to quote it."""
	text = unescape(re.sub(r"<[^>]+>", " ", content or ""))
	return " ".join(text.split()[:words])


def sentences(text: str) -> list[str]:
	"""The message sentence by sentence: one abusive line in a long, reasonable letter is still seen
	(a model scoring the whole letter averages it away)."""
	return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()] or [text]


def message_score(sentence_scores: list[float], text: str) -> float:
	"""The highest-scoring sentence, and a starred-out swear word counts as one."""
	score = max(sentence_scores, default=0.0)
	return max(score, STARRED_SCORE) if _STARRED.search(text) else score


def signal(score: float, threshold: float = DEFAULT_THRESHOLD) -> LanguageSignal:
	"""A score of 0–1; flagged when it is above the landlord's threshold."""
	score = min(max(float(score), 0.0), 1.0)
	return LanguageSignal(round(score, 4), score > threshold)
