"""The health-and-safety and complaint models beside the terms (policy 6.4.4, 5.2, 6.3.1, 6.5.5).

These assert behaviour on messages written for the test, never a figure: the blind figures are in
docs/benchmarks.md, from benchmarks/safety_corpus.py."""

import json

import pytest

from uab_helpdesk.policy import safety_model
from uab_helpdesk.policy.safety import Category, SafetyMatter, find_safety_matter

PHONE_LINES = (
	"phones",
	"I tried to ring you all morning about my rent but your phone lines must be flooded, I was on hold for "
	"forty minutes and then it cut off. Could someone ring me back this afternoon please, I am in from two.",
)
GAS = SafetyMatter(Category.GAS, "gas leak*", "gas leak")


def _judged(subject, body, **kwargs):
	return safety_model.judged_matter(subject, body, find_safety_matter(subject, body), **kwargs)


def test_a_danger_described_without_its_words_is_found_and_named_6_4_4():
	subject, body = (
		"noise",
		(
			"The couple upstairs scream at each other every night and last night I heard the little one crying "
			"for ages and something smashing. I am scared for that kid."
		),
	)
	assert find_safety_matter(subject, body) is None
	matter = _judged(subject, body)
	assert matter and matter.category == Category.SAFEGUARDING
	assert matter.phrase == safety_model.MODEL_PHRASE


def test_a_danger_buried_in_a_letter_about_rent_is_quoted_by_its_own_sentence_6_4_4():
	body = (
		"I am writing about my rent statement, which shows arrears I do not owe. "
		"Also the plug socket in the hall has gone black and it fizzes when I use the hoover. "
		"Please send me a corrected statement."
	)
	matter = safety_model.judged_matter("rent", body, None, score=lambda words: 0.9)
	assert matter and "fizzes" in matter.found and "statement" not in matter.found


def test_a_figure_of_speech_in_a_long_message_is_not_a_danger_though_a_term_fires_6_4_4():
	assert find_safety_matter(*PHONE_LINES) is not None, "the terms alone fire on it"
	assert _judged(*PHONE_LINES) is None


LONG = " ".join(["word"] * safety_model.CONTEXT_WORDS)


def test_a_shipped_term_stands_unless_the_model_reads_a_long_message_as_clearly_safe_6_4_4():
	assert safety_model.judged_matter("gas", f"gas leak {LONG}", GAS, score=lambda words: 0.36) == GAS
	assert safety_model.judged_matter("gas", f"gas leak {LONG}", GAS, score=lambda words: 0.2) is None


def test_a_short_message_is_left_to_the_terms_6_4_4():
	for subject in ("Smell of gas by the meter cupboard", "I can smell gas by the meter"):
		assert _judged(subject, f"<p>{subject}</p>").category == Category.GAS, subject
	assert safety_model.judged_matter("gas", "gas leak", GAS, score=lambda words: 0.0) == GAS
	for ordinary in ("The light in the stairwell is out", "The hinge on the cupboard door has come loose."):
		assert safety_model.judged_matter("repair", ordinary, None, score=lambda words: 1.0) is None


def test_a_term_the_landlord_added_always_stands_whatever_the_model_reads_6_4_4():
	assert (
		safety_model.judged_matter("gas", "gas leak", GAS, landlords_own_term=True, score=lambda w: 0.0)
		== GAS
	)


def test_an_empty_message_keeps_what_the_terms_found():
	assert safety_model.judged_matter("", "", GAS, score=lambda words: 0.0) == GAS, "nothing to read"
	assert safety_model.judged_matter("", "", None, score=lambda words: 1.0) is None


def test_ordinary_mail_is_not_a_danger_6_4_4():
	for subject, body in (
		("fence", "Could someone look at the fence panel that blew down? No rush."),
		("Hi", "Could you tell me when the next gas safety check is booked for?"),
	):
		assert _judged(subject, body) is None, body


def test_chasing_is_read_as_a_possible_complaint_though_the_word_is_never_used_6_5_5():
	body = (
		"This is the fourth time I have rung about the fence since the summer. Nobody calls back, nobody "
		"comes out. Absolutely useless."
	)
	found = safety_model.judged_complaint("still waiting", body, None)
	assert found and found in safety_model.own_words("still waiting", body)


def test_a_polite_request_is_not_a_complaint_6_5_5():
	assert (
		safety_model.judged_complaint("fence", "Could someone look at the fence panel? Thanks.", None) is None
	)


def test_the_words_of_a_complaint_stand_whatever_the_model_reads_6_5_5():
	assert (
		safety_model.judged_complaint("x", "y", "make a complaint", score=lambda words: 0.0)
		== "make a complaint"
	)


@pytest.mark.parametrize("field", ["safety", "category", "complaint"])
def test_the_training_messages_are_labelled_as_the_model_reads_them(field):
	rows = json.loads(safety_model.TRAINING.read_text("utf-8"))
	assert len(rows) >= 500
	for row in rows:
		if field == "category":
			assert (row["category"] in Category.ALL) if row["safety"] else row["category"] is None, row["id"]
		else:
			assert row[field] in ((True, False) if field == "safety" else (True, False, None)), row["id"]
