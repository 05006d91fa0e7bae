"""Health and safety by what the customer says (policy 6.4.4; safeguarding 5.2, 6.3.1)."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from uab_helpdesk.policy.decision import IncomingContact, OutgoingContact, decide_incoming, decide_outgoing
from uab_helpdesk.policy.safety import DEFAULT_TERMS, Category, SafetyTerm, find_safety_matter
from uab_helpdesk.policy.values import Channel, Outcome, Rule

from .conftest import OFFICER, make_rules

# The corpora the terms were tuned on, as a guard against a change that loses what they find. They measure
# nothing (docs/benchmarks.md gives the blind figures). A `*_blind_*` set not yet tuned on is scored by
# benchmarks/safety_corpus.py only: asserting on it here would invite tuning the terms to it.
CORPUS = [
	message
	for path in sorted((Path(__file__).parent / "corpus").glob("health_and_safety*.json"))
	if "_blind_" not in path.name
	for message in json.loads(path.read_text("utf-8"))
]
TUESDAY_11 = datetime(2026, 12, 1, 11, 0)


def category(subject: str = "", body: str = "") -> str | None:
	matter = find_safety_matter(subject, body)
	return matter.category if matter else None


@pytest.mark.parametrize(
	"subject, body, expected",
	[
		("help", "I can smell gas in the kitchen", Category.GAS),
		("", "Whiff of gas on the landing since this morning", Category.GAS),
		("CO ALARM", "its going off and wont stop", Category.CARBON_MONOXIDE),
		("", "Water is coming through the light fitting in the hall", Category.ELECTRICAL),
		("", "there are sparks coming out of the socket", Category.ELECTRICAL),
		("Leak", "", Category.FLOOD),
		("", "Radiators are stone cold and I have a newborn", Category.HEATING),
		("", "no hot water for 3 days now", Category.HEATING),
		("", "The bathroom ceiling is bowing", Category.STRUCTURAL),
		("", "Black mould all over the baby's room", Category.DAMP),
		("", "I can\u2019t go on anymore", Category.SAFEGUARDING),
		("", "<p>There is <b>smoke</b> coming from the fuse box</p>", Category.FIRE),
	],
)
def test_health_and_safety_matters_are_recognised_6_4_4(subject, body, expected):
	assert category(subject, body) == expected


@pytest.mark.parametrize(
	"body",
	[
		"My gas bill is far too high this quarter",
		"I am flooded with letters from you about the rent",
		"When is my gas safety check? I need to rearrange it",
		"I live on Firestone Road and the bins were not collected",
		"The neighbours play music until 3am every night",
		"Why has my rent gone up again?",
	],
)
def test_ordinary_matters_are_not_read_as_safety_6_4_4(body):
	assert category("", body) is None


def test_the_most_urgent_matter_names_the_category_6_4_4():
	"""A message about a leak and a smell of gas is routed as gas: the shipped order puts gas first."""
	assert category("", "The pipe is leaking and I can smell gas") == Category.GAS


def test_a_landlords_own_term_is_used_and_an_ignore_term_blanks_its_words_6_4_4():
	terms = (
		SafetyTerm(Category.STRUCTURAL, "stuck .. lift"),
		SafetyTerm("", "stuck in traffic", ignore=True),
	)
	assert find_safety_matter("", "My dad is stuck in the lift", terms).category == Category.STRUCTURAL
	assert find_safety_matter("", "Sorry I missed you, I was stuck in traffic", terms) is None


def test_the_matter_quotes_the_words_that_showed_it():
	matter = find_safety_matter("", "Smelling the GAS again!!!")
	assert (matter.phrase, matter.found) == ("smell* .. gas", "smelling the gas")


def test_the_shipped_terms_cover_every_category():
	assert {term.category for term in DEFAULT_TERMS if not term.ignore} == set(Category.ALL)


def test_a_safety_matter_is_never_held_under_a_health_and_safety_only_period_6_4_4(site):
	rules = make_rules(
		health_and_safety_only_until=date(2027, 3, 1), issue_limit=1, issue_limit_period="Month"
	)
	ordinary = IncomingContact(channel=Channel.EMAIL, at=TUESDAY_11, ticket_type="Repairs")
	assert decide_incoming(ordinary, rules, site, issues_opened_in_period=5).outcome == Outcome.HELD
	safety = IncomingContact(channel=Channel.EMAIL, at=TUESDAY_11, ticket_type="Repairs", safety_matter=True)
	assert decide_incoming(safety, rules, site, issues_opened_in_period=5).outcome == Outcome.ACCEPTED


def test_the_officers_reply_on_a_safety_matter_is_allowed_but_the_other_rules_still_hold_6_4_4(site):
	rules = make_rules(
		health_and_safety_only_until=date(2027, 3, 1), allowed_ticket_types=frozenset({"Rent"})
	)
	reply = OutgoingContact(channel=Channel.EMAIL, at=TUESDAY_11, agent=OFFICER, ticket_type="Repairs")
	assert decide_outgoing(reply, rules, site).rules_breached == (Rule.TOPIC, Rule.HEALTH_AND_SAFETY_ONLY)
	safety = OutgoingContact(
		channel=Channel.EMAIL, at=TUESDAY_11, agent=OFFICER, ticket_type="Repairs", safety_matter=True
	)
	assert decide_outgoing(safety, rules, site).outcome == Outcome.ALLOWED
	by_sms = OutgoingContact(channel=Channel.SMS, at=TUESDAY_11, agent=OFFICER, safety_matter=True)
	assert decide_outgoing(by_sms, rules, site).rules_breached == (Rule.CHANNEL,)


def _corpus_scores() -> tuple[float, float]:
	found = [(bool(find_safety_matter(m["subject"], m["body"])), m["safety"]) for m in CORPUS]
	true_positives = sum(1 for got, want in found if got and want)
	precision = true_positives / max(1, sum(1 for got, _want in found if got))
	recall = true_positives / max(1, sum(1 for _got, want in found if want))
	return precision, recall


def test_the_corpus_is_large_enough_and_labelled_both_ways():
	assert len(CORPUS) >= 200
	assert len({m["id"] for m in CORPUS}) == len(CORPUS)
	assert {m["category"] for m in CORPUS if m["safety"]} == set(Category.ALL)
	assert sum(1 for m in CORPUS if not m["safety"]) >= 100


def test_on_the_corpus_safety_is_rarely_missed_and_ordinary_mail_rarely_flagged_6_4_4():
	"""Recall matters most (a missed gas leak is held); the figures are in docs/benchmarks.md."""
	precision, recall = _corpus_scores()
	assert recall >= 0.95, recall
	assert precision >= 0.85, precision
