"""A possible complaint in what a customer wrote (issue 21; policy 6.5.5; the Housing Ombudsman's
Complaint Handling Code, statutory since 1 April 2024).

The Code: a complaint is "an expression of dissatisfaction, however made, about the standard of service,
actions or lack of action by the organisation"; it must be accepted unless there is a valid reason. A
communication protocol restricts *how* we talk with a customer, never their right to complain: a message
that may be a complaint is never held for screening, whatever the protocol's topics, issue limit or
health-and-safety-only period, and goes to the complaints process. The screening officer decides what a
held message that the words missed really is (screening outcome "Complaint").

The words look for dissatisfaction aimed at the landlord or at the restriction, not at a neighbour or a
boiler: "I want to make a complaint", "not happy with your service", "this restriction is unfair". A
message that only *mentions* a complaint already dealt with ("thank you for sorting my complaint") is not a
new one. Pure Python; no Frappe import.
"""

import re

from .language import own_words

# Each: (pattern, what it is). Case-insensitive, on the message's own words (quoted replies removed).
_SIGNS = (
	(
		r"\b(?:make|making|raise|raising|log|lodge|file|put in|submit)\s+(?:a\s+|an\s+|my\s+)?(?:formal\s+|official\s+|stage\s+(?:1|2|one|two)\s+)?complaint",
		"asks to complain",
	),
	(r"\bi\s+(?:want|wish|would like|need|am going|'m going|will)\s+to\s+complain\b", "asks to complain"),
	(r"\b(?:this|my)\s+(?:is\s+a\s+)?(?:formal\s+)?complaint\b", "says it is a complaint"),
	(
		r"\bcomplain(?:ing|t)?\s+(?:about|against)\s+(?:you|your|the\s+(?:council|association|landlord|housing|officer|staff|service|repairs?)|how\s+i)",
		"complains about the landlord",
	),
	(
		r"\b(?:not|never)\s+(?:happy|satisfied|pleased)\s+with\s+(?:you|your|the\s+(?:service|way|response|repair|officer|decision|restriction|protocol|housing))",
		"dissatisfied with the service",
	),
	(
		r"\b(?:unhappy|dissatisfied|disgusted|appalled|disappointed)\s+(?:with|by|at)\s+(?:you|your|the\s+(?:service|way|response|repairs?|officer|decision|restriction|protocol|housing|council|association))",
		"dissatisfied with the service",
	),
	(
		r"\b(?:poor|terrible|shocking|appalling|disgraceful|awful|unacceptable|rubbish)\s+(?:customer\s+)?service\b",
		"dissatisfied with the service",
	),
	(
		r"\b(?:restriction|protocol|letters?\s+only|only\s+(?:write|contact)|ban(?:ned)?\s+from\s+(?:phoning|calling|ringing))\b[^.!?]{0,80}\b(?:unfair|not fair|wrong|discriminat\w*|disgrace\w*|ridiculous|unjust)",
		"objects to the restriction",
	),
	(
		r"\b(?:unfair|not fair|wrong|discriminat\w*|unjust)\b[^.!?]{0,60}\b(?:restriction|protocol|letters?\s+only|only\s+(?:write|contact))",
		"objects to the restriction",
	),
	(r"\bhousing\s+ombudsman\b|\bombudsman\b", "mentions the Ombudsman"),
	(
		r"\b(?:my\s+)?(?:mp|councillor|solicitor)\b[^.!?]{0,30}\b(?:about this|involved)|\bgoing\s+to\s+(?:my\s+)?(?:mp|councillor)\b|\bescalate\b|\bstage\s+(?:2|two)\b",
		"escalates",
	),
	# The Code: "any expression of dissatisfaction, however made" — chasing, no response, being let down.
	(
		r"\b(?:third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time\b|\bonce\s+again\b|\bagain\s+and\s+again\b",
		"chasing again",
	),
	(
		r"\b(?:reported|rang|rung|phoned|called|emailed|written|wrote|chased|told\s+(?:you|yous))\b[^.!?]{0,50}\b(?:twice|three\s+times|\d+\s+times|several\s+times|many\s+times|numerous\s+times|a\s+fortnight\s+ago|weeks?\s+ago|months?\s+ago)",
		"chasing again",
	),
	(
		r"\b(?:no\s?one|no-one|nobody|naebody|neebody|noboby)(?:'s|\s+has|\s+have|\s+is)?\s+(?:even\s+)?(?:come|came|been|turned\s+up|showed|shown\s+up|called|rung|rang|got\s+back|replied|answer\w*|bothered|help\w*|co)",
		"no response",
	),
	(
		r"\bheard\s+nothing\b|\bnever\s+(?:turned\s+up|came|showed|got\s+back|called|rang)\b|\bstill\s+(?:waiting|waitin|not\s+(?:been|fixed|done|sorted))\b|\bno\s+(?:phone\s+call|reply|response|answer)\b",
		"no response",
	),
	(
		r"\bwait(?:ing|in)?\s+(?:for\s+)?(?:\d+|two|three|four|five|six|several)\s*(?:days|weeks|wks|months|years)\b|\bbeen\s+told\b[^.!?]{0,40}\b(?:times|again)\b",
		"kept waiting",
	),
	(
		r"\b(?:fed\s+up|sick\s+(?:of|listening)|had\s+enough|let\s+down|fobbed\s+off|a\s+joke|disgrace\w*|not\s+on\b|not\s+good\s+enough|unacceptable|ridiculous|criminal|fumin\w*|dead\s+angry|doin\w*\s+my\s+head\s+in|nightmare)",
		"dissatisfied",
	),
	(
		r"\bnot\s+(?:value\s+for\s+money|fair)\b|\b(?:money|refund)\s+back\b|\bwant\s+(?:a\s+)?refund\b|\bwant\s+someone\s+to\s+say\s+sorry\b|\bapolog",
		"wants it put right",
	),
)
_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), what) for pattern, what in _SIGNS)
# A complaint already made and now closed is not a new expression of dissatisfaction.
_SETTLED = re.compile(
	r"\b(?:thank(?:s| you)|grateful)\b[^.!?]{0,60}\b(?:complaint|sorting|resolv\w*|dealing)\b", re.IGNORECASE
)


def find_complaint(subject: str | None, body: str | None) -> str | None:
	"""The words that show a possible complaint, or None. A thank-you for a settled complaint is none."""
	words = own_words(subject, body)
	if not words:
		return None
	for pattern, _what in _PATTERNS:
		if found := pattern.search(words):
			sentence_start = max(words.rfind(".", 0, found.start()), words.rfind("!", 0, found.start()))
			sentence = words[sentence_start + 1 : found.end() + 80]
			if _SETTLED.search(sentence) and "not" not in found.group(0).lower():
				continue
			return found.group(0).strip()
	return None
