"""The kinds of unacceptable correspondence the policy names (2.2, 3.1, 5.2, 6.3.1, 6.3.3): pure, no Frappe."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uab_helpdesk.policy.abuse import ABUSE, HARASSMENT, KINDS, SEXUAL, SLUR, THREAT, find_abuse, normalise


def kinds(text: str) -> set[str]:
	return {finding.kind for finding in find_abuse(text)}


@pytest.mark.parametrize(
	"text",
	[
		"I know where Mr Patel lives and what car he drives.",
		"I'll be waiting outside your office at five for Sharon.",
		"Tell your surveyor to check under his car before he drives home.",
		"Shame if something happened to that van of his while it's parked on our close.",
		"Tell that Kevin he's a dead man.",
		"if he comes round again I'm gonna put him through the window",
	],
)
def test_threats_explicit_and_veiled_are_threats_6_3_1(text):
	"""6.3.1: violence threatened is reported to the police; a veiled threat has no violent word at all."""
	assert THREAT in kinds(text)


@pytest.mark.parametrize(
	"text",
	[
		"The f***ing mould is back in the bathroom and I'm sick of it.",
		"this bloody boiler has packed in again",
		"I could murder a cup of tea after the morning I've had.",
		"This rent rise is killing me.",
		"I'd kill for a working shower.",
		"I will take this to the Ombudsman, my MP and the Evening News if it is not fixed.",
		"Watch this space: it all goes to the Ombudsman this week.",
		"It's a disgrace, so it is.",
		"Ya wee numpty boiler's went again.",
	],
)
def test_anger_at_a_situation_is_not_abuse_3_1(text):
	"""3.1: anger, frustration and swearing at a situation are not unacceptable behaviour."""
	assert kinds(text) == set()


@pytest.mark.parametrize(
	"text",
	["F*** off, Mr Jones.", "Go f*** yourself, Diane.", "Karen in customer services is a useless cow."],
)
def test_a_swear_word_or_insult_at_a_person_is_abuse_6_3_3(text):
	"""A starred word that ends in stars is seen: the old pattern needed a word boundary after `*`."""
	assert ABUSE in kinds(text)


@pytest.mark.parametrize(
	"text",
	["The contractor was a n****r.", "Your officer is f@ggot.", "Don't send that Polack again.", "a r*tard"],
)
def test_slurs_written_out_starred_or_misspelt_are_slurs(text):
	assert SLUR in kinds(text)


def test_a_starred_swear_word_is_not_taken_for_a_slur():
	assert SLUR not in kinds("no f***ing heating for two weeks")


def test_abuse_the_customer_reports_is_not_theirs_6_3_3():
	"""They are telling us someone else abused them: the words in quotes are not aimed at staff."""
	assert (
		kinds("Last night my neighbour shouted 'go home you Paki' at my husband. We are frightened.") == set()
	)
	assert kinds("My neighbour said he knows where I live and will sort me out.") == set()


def test_sexual_remarks_and_harassment_of_staff_5_2():
	assert SEXUAL in kinds("Tell Jess she looked very sexy in that tight skirt.")
	assert HARASSMENT in kinds("I will post his name, photo and number on every local Facebook group.")
	assert HARASSMENT in kinds(
		"What time does Priya finish on a Thursday? I want to catch her as she leaves."
	)


def test_each_finding_quotes_the_words_that_showed_it():
	[finding] = find_abuse("Nice van. Shame if something happened to it.")
	assert (finding.kind, finding.words) == (THREAT, "shame if something")


def test_symbols_inside_words_are_read_as_letters():
	assert normalise("b!tch a$$hole sh1t") == "bitch asshole shit"


@given(st.text(max_size=400))
def test_any_text_gives_a_deterministic_answer_of_known_kinds(text):
	first = find_abuse(text)
	assert first == find_abuse(text)
	assert {finding.kind for finding in first} <= set(KINDS)


# The corpora the terms were written against, as a guard against a change that loses what they find. They
# measure nothing: docs/benchmarks.md gives the figure on a blind set the terms were never tuned on.
TUNED_ON = ("abusive_language.json", "abusive_language_blind_2.json")


def test_on_the_corpora_it_was_tuned_on_it_still_finds_what_it_found():
	corpus = [
		message
		for name in TUNED_ON
		for message in json.loads((Path(__file__).parent / "corpus" / name).read_text("utf-8"))
	]
	found = [(bool(find_abuse(f"{m['subject']}\n{m['body']}")), m["abusive"]) for m in corpus]
	hits = sum(1 for got, want in found if got and want)
	assert hits / sum(1 for got, _ in found if got) >= 0.95
	assert hits / sum(1 for _, want in found if want) >= 0.9


def test_the_classifier_reads_the_way_a_message_is_written_6_3_3():
	"""It learns from the data shipped with the app; the blind figure is in docs/benchmarks.md."""
	pytest.importorskip("sklearn")
	from uab_helpdesk.policy.abuse_model import THRESHOLD, probability

	assert probability("you are a lying useless cow and everyone knows it") > THRESHOLD
	assert probability("Please can someone come and look at the boiler on Tuesday morning?") < THRESHOLD
	assert probability("the same text") == probability("the same text")


def test_a_veiled_threat_with_no_violent_word_is_named_a_threat_6_3_1():
	"""The terms find no phrase in it; the threat model names it, so its manager is told (issue 22)."""
	pytest.importorskip("sklearn")
	from uab_helpdesk.policy.abuse import THREAT
	from uab_helpdesk.policy.abuse_model import with_model_findings

	veiled = "I know what time you finish work and which way you walk home, Sarah. Think on."
	findings, _score = with_model_findings(veiled, find_abuse(veiled))
	assert THREAT in [finding.kind for finding in findings]
	angry = "The boiler has been broken for three weeks and I am furious. Fix it or I go to the Ombudsman."
	findings, _score = with_model_findings(angry, find_abuse(angry))
	assert THREAT not in [finding.kind for finding in findings]
