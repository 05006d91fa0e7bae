"""A small text classifier beside the health-and-safety terms of `policy.safety` (6.4.4: "health and
safety issues will always be dealt with"; 5.2 and 6.3.1 for safeguarding).

The terms find a danger by its words; tenants describe one without them ("the little white alarm by the
boiler keeps beeping and we all have headaches"), in dialect, in a second language, or buried in a letter
about the rent, and the terms missed a third of such dangers written by people who had never seen them
(blind set 4: recall 0.68, safeguarding 9 of 29). The terms also fire on dangers that are over or denied
("the gas leak you fixed last week"), so their precision was 0.70. This reads how the message is written.

Character and word n-grams (TF-IDF) and three logistic regressions, trained when first used from the
labelled messages shipped with the app (`data/safety_training.json`: the first corpus, the two holdouts and
blind sets 3 and 4, 564 messages written by people who had not seen the terms; tests/corpus keeps them as
they were written). Nothing is downloaded; scikit-learn is the only dependency, imported only when the model
is first used. Training takes a few seconds, once per process; a message then costs about a millisecond.

- `safety_probability`: a current danger or not.
- `category_of`: which kind of danger, for a danger the terms did not name.
- `complaint_probability`: an expression of dissatisfaction with the landlord (blind sets 3 and 4 carry
  that label), beside the words of `policy.complaint`.

`judged_matter` joins the terms and the model. Both thresholds were chosen by leaving one corpus out at a
time (each written by a different person) and scoring it with a model trained on the rest, before blind set 5
was scored: docs/benchmarks.md. A landlord's own term (one it added in UAB Settings) always stands.
"""

import json
import re
from functools import cache
from pathlib import Path

from .language import own_words
from .safety import SafetyMatter

TRAINING = Path(__file__).parent / "data" / "safety_training.json"
# The model alone marks a danger above this; a shipped term's finding stands unless the model reads the
# message as clearly safe (below CONFIRM_THRESHOLD): a danger that is over, denied, or a figure of speech.
SAFETY_THRESHOLD = 0.5
CONFIRM_THRESHOLD = 0.35
COMPLAINT_THRESHOLD = 0.5
# The model reads a message of this many words or more; a shorter one gives it too little to go on ("I can
# smell gas by the meter" reads as safe to it, "the light in the stairwell is out" as a danger), so there
# the terms and the words decide alone. Almost every message it learnt from is longer.
CONTEXT_WORDS = 20
# What a matter found by the model quotes in place of a term.
MODEL_PHRASE = "(read from the whole message)"
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_QUOTED_WORDS = 24


@cache
def _models():
	from sklearn.feature_extraction.text import TfidfVectorizer
	from sklearn.linear_model import LogisticRegression
	from sklearn.pipeline import make_pipeline, make_union

	rows = json.loads(TRAINING.read_text("utf-8"))

	def fitted(labelled):
		features = make_union(
			TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
			TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
		)
		model = make_pipeline(features, LogisticRegression(C=10, max_iter=3000, class_weight="balanced"))
		return model.fit(
			[own_words(row["subject"], row["body"]) for row, _label in labelled],
			[label for _row, label in labelled],
		)

	return (
		fitted([(row, row["safety"]) for row in rows]),
		fitted([(row, row["category"]) for row in rows if row["safety"]]),
		fitted([(row, row["complaint"]) for row in rows if row["complaint"] is not None]),
	)


def safety_probability(words: str) -> float:
	"""0-1: how much the message reads like the current dangers it learnt from."""
	return float(_models()[0].predict_proba([words])[0][1])


def category_of(words: str) -> str:
	"""The kind of danger the message reads most like (one of `safety.Category.ALL`)."""
	return str(_models()[1].predict([words])[0])


def complaint_probability(words: str) -> float:
	"""0-1: how much the message reads like the expressions of dissatisfaction it learnt from."""
	return float(_models()[2].predict_proba([words])[0][1])


def telling_sentence(words: str, model: int = 0) -> str:
	"""The sentence that reads most like a danger (or, with ``model=2``, a complaint), shortened: what the
	officer is shown as the reason."""
	sentences = [sentence for sentence in _SENTENCES.split(words) if sentence.strip()] or [words]
	if len(sentences) > 1:
		scores = _models()[model].predict_proba(sentences)[:, 1]
		sentences = [sentences[int(scores.argmax())]]
	quoted = sentences[0].split()
	return " ".join(quoted[:_QUOTED_WORDS]) + (" …" if len(quoted) > _QUOTED_WORDS else "")


def judged_matter(
	subject: str | None,
	body: str | None,
	by_terms: SafetyMatter | None,
	landlords_own_term: bool = False,
	score=None,
) -> SafetyMatter | None:
	"""The matter a message shows, the terms' finding weighed with the model's reading.

	``by_terms`` is what `safety.find_safety_matter` found; ``landlords_own_term`` says it came from a term
	the landlord added, which always stands. ``score`` stands in for `safety_probability` in tests."""
	if by_terms and landlords_own_term:
		return by_terms
	words = own_words(subject, body)
	if len(words.split()) < CONTEXT_WORDS:
		return by_terms
	probability = (score or safety_probability)(words)
	if by_terms and probability > CONFIRM_THRESHOLD:
		return by_terms
	if probability > SAFETY_THRESHOLD:
		return SafetyMatter(category_of(words), MODEL_PHRASE, telling_sentence(words))
	return None


def judged_complaint(subject: str | None, body: str | None, by_words: str | None, score=None) -> str | None:
	"""A possible complaint: the words of `policy.complaint`, or the model's reading of a message long
	enough to read (then the sentence quoted is the one that reads most like a complaint)."""
	if by_words:
		return by_words
	words = own_words(subject, body)
	if len(words.split()) >= CONTEXT_WORDS and (score or complaint_probability)(words) > COMPLAINT_THRESHOLD:
		return telling_sentence(words, model=2)
	return None
