"""How well the language signal reads the abusive-language corpus, and what it costs (policy 6.3.3).

    python benchmarks/language_corpus.py     # from the repository root, with alt-profanity-check installed

Prints precision and recall at several thresholds (the shipped one is 0.9), the share of ordinary
messages wrongly flagged in each way of writing (standard, dialect, second-language, text-speak), so
that a signal that over-flags a way of writing is seen, and the cost per message (median of 5 passes).
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from profanity_check import predict_prob

from uab_helpdesk.policy.language import message_score, own_words, sentences

REGISTERS = ("standard", "dialect", "second-language", "text-speak")


def score(message: dict) -> float:
	words = own_words(message["subject"], message["body"])
	return message_score([float(s) for s in predict_prob(sentences(words))], words)


def main() -> None:
	corpus = json.loads((ROOT / "tests" / "corpus" / "abusive_language.json").read_text("utf-8"))
	timings = []
	for _pass in range(5):
		started = time.perf_counter()
		scores = [score(message) for message in corpus]
		timings.append((time.perf_counter() - started) / len(corpus))
	abusive = sum(message["abusive"] for message in corpus)
	print(f"{len(corpus)} messages ({abusive} abusive, {len(corpus) - abusive} not)")
	print(f"cost per message {statistics.median(timings) * 1e3:.2f} ms (median of 5 passes)")
	for threshold in (0.5, 0.7, 0.8, 0.9, 0.95):
		flagged = [s > threshold for s in scores]
		hits = sum(1 for f, m in zip(flagged, corpus, strict=True) if f and m["abusive"])
		wrong = sum(1 for f, m in zip(flagged, corpus, strict=True) if f and not m["abusive"])
		rates = []
		for register in REGISTERS:
			ordinary = [
				f
				for f, m in zip(flagged, corpus, strict=True)
				if m["register"] == register and not m["abusive"]
			]
			rates.append(f"{register} {sum(ordinary)}/{len(ordinary)}")
		print(
			f"threshold {threshold:.2f}: precision {hits / max(1, hits + wrong):.2f}, recall {hits / abusive:.2f}; "
			f"ordinary messages flagged: {', '.join(rates)}"
		)


if __name__ == "__main__":
	main()
