"""A small text classifier beside the terms of `policy.abuse`: it reads the way a message is written, not
only its phrases (policy 6.3.3).

Character and word n-grams (TF-IDF) and a logistic regression, trained when first used from the labelled
messages shipped with the app (`data/abuse_training.json`: the first corpus and blind set 2, 350 messages
written by people who had not seen the terms; tests/corpus keeps them as they were written). Nothing is
downloaded; scikit-learn is the only dependency, imported only when the model is first used. Training takes
about a second, once per process. It flags a message the terms did not place in a kind; it names no kind.
Measured on a blind set it was never trained on: docs/benchmarks.md.
"""

import json
from functools import cache
from pathlib import Path

from .language import own_words

TRAINING = Path(__file__).parent / "data" / "abuse_training.json"
# The classifier's own decision point, chosen before the blind set was scored (docs/benchmarks.md).
THRESHOLD = 0.5


@cache
def _model():
	from sklearn.feature_extraction.text import TfidfVectorizer
	from sklearn.linear_model import LogisticRegression
	from sklearn.pipeline import make_pipeline, make_union

	rows = json.loads(TRAINING.read_text("utf-8"))
	features = make_union(
		TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
		TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
	)
	model = make_pipeline(features, LogisticRegression(C=10, max_iter=2000, class_weight="balanced"))
	return model.fit(
		[own_words(row["subject"], row["body"]) for row in rows], [row["abusive"] for row in rows]
	)


def probability(words: str) -> float:
	"""0-1: how much the message reads like the abusive ones it learnt from."""
	return float(_model().predict_proba([words])[0][1])
