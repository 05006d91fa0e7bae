"""How well the health-and-safety terms recognise matters in messages they were not written for (6.4.4).

    python benchmarks/safety_corpus.py            # from the repository root; needs no bench

For each corpus in `tests/corpus/health_and_safety*.json` it prints, for the shipped terms, the model
(policy/safety_model.py) and the two together as the app judges: precision and recall, recall by category,
false alarms by register, the messages missed and wrongly flagged, and the cost per message (median of 5
passes over the corpus); where the corpus marks complaints, how the words and the model read them. A corpus
the model was trained on is marked so: its figures are not a measure. The corpora were written by people who had not seen the terms;
which corpora the terms were later tuned on is recorded in docs/benchmarks.md.
"""

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from uab_helpdesk.policy import safety_model
from uab_helpdesk.policy.complaint import find_complaint
from uab_helpdesk.policy.safety import find_safety_matter


def by_terms(subject: str, body: str) -> str | None:
	matter = find_safety_matter(subject, body)
	return matter and matter.category


def by_model(subject: str, body: str) -> str | None:
	words = safety_model.own_words(subject, body)
	if safety_model.safety_probability(words) > safety_model.SAFETY_THRESHOLD:
		return safety_model.category_of(words)
	return None


def as_the_app(subject: str, body: str) -> str | None:
	"""What the app does (health_and_safety.safety_matter_in with the shipped terms)."""
	matter = safety_model.judged_matter(subject, body, find_safety_matter(subject, body))
	return matter and matter.category


JUDGES = {"terms": by_terms, "model": by_model, "terms and model (the app)": as_the_app}


def score(messages: list[dict], judge=by_terms) -> dict:
	found = [(message, judge(message["subject"], message["body"])) for message in messages]
	hits = [message for message, matter in found if matter and message["safety"]]
	false_alarms = [message for message, matter in found if matter and not message["safety"]]
	missed = [message for message, matter in found if not matter and message["safety"]]
	per_category = Counter(message["category"] for message in messages if message["safety"])
	caught = Counter(message["category"] for message in hits)
	registers = Counter(message.get("register") for message in messages if not message["safety"])
	alarms_by_register = Counter(message.get("register") for message in false_alarms)
	return {
		"precision": len(hits) / max(1, len(hits) + len(false_alarms)),
		"recall": len(hits) / max(1, len(hits) + len(missed)),
		"by_category": {
			category: (caught[category], total) for category, total in sorted(per_category.items())
		},
		"false_alarms_by_register": {
			register: (alarms_by_register[register], total)
			for register, total in sorted(registers.items(), key=lambda item: str(item[0]))
		},
		"missed": [message["id"] for message in missed],
		"false_alarms": [message["id"] for message in false_alarms],
	}


def cost_per_message_us(messages: list[dict], judge=by_terms, passes: int = 5) -> float:
	judge("warm", "up")
	timings = []
	for _pass in range(passes):
		start = time.perf_counter()
		for message in messages:
			judge(message["subject"], message["body"])
		timings.append((time.perf_counter() - start) / len(messages))
	return statistics.median(timings) * 1e6


def trained_on() -> set[str]:
	return {row["id"] for row in json.loads(safety_model.TRAINING.read_text("utf-8"))}


def main() -> None:
	training = trained_on()
	for path in sorted((ROOT / "tests" / "corpus").glob("health_and_safety*.json")):
		messages = json.loads(path.read_text("utf-8"))
		safety = sum(1 for message in messages if message["safety"])
		print(f"{path.name}: {len(messages)} messages ({safety} safety, {len(messages) - safety} not)")
		if any(message["id"] in training for message in messages):
			print("  the model's training data: its figures and the app's are not a measure")
		for name, judge in JUDGES.items():
			result = score(messages, judge)
			print(f"  {name}: precision {result['precision']:.3f}   recall {result['recall']:.3f}")
			print(f"    cost per message {cost_per_message_us(messages, judge):.0f} us")
			for category, (caught, total) in result["by_category"].items():
				print(f"    {category:<28} {caught}/{total}")
			if messages and "register" in messages[0]:
				alarms = result["false_alarms_by_register"].items()
				print("    false alarms by register: " + ", ".join(f"{r} {a}/{t}" for r, (a, t) in alarms))
			print(f"    missed: {', '.join(result['missed']) or 'none'}")
			print(f"    wrongly flagged: {', '.join(result['false_alarms']) or 'none'}")
		if messages and "complaint" in messages[0]:
			print_complaints(messages, "words", lambda m: find_complaint(m["subject"], m["body"]))
			print_complaints(
				messages,
				"words and model (the app)",
				lambda m: safety_model.judged_complaint(
					m["subject"], m["body"], find_complaint(m["subject"], m["body"])
				),
			)


def print_complaints(messages: list[dict], name: str, judge) -> None:
	"""How possible complaints are read on the same messages: a complaint is never held (issue 21)."""
	found = [(m, bool(judge(m))) for m in messages]
	hits = sum(1 for m, got in found if got and m["complaint"])
	flagged = sum(1 for _m, got in found if got)
	complaints = sum(1 for m in messages if m["complaint"])
	print(
		f"  complaints, {name}: precision {hits / max(1, flagged):.3f}   recall {hits / max(1, complaints):.3f}"
		f"   ({complaints} complaints)"
	)
	print(
		"    complaints missed: "
		+ (", ".join(m["id"] for m, got in found if not got and m["complaint"]) or "none")
	)
	print(
		"    not complaints, flagged: "
		+ (", ".join(m["id"] for m, got in found if got and not m["complaint"]) or "none")
	)


if __name__ == "__main__":
	main()
