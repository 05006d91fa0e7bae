"""How well the health-and-safety terms recognise matters in messages they were not written for (6.4.4).

    python benchmarks/safety_corpus.py            # from the repository root; needs no bench

For each corpus in `tests/corpus/health_and_safety*.json` it prints precision and recall with the
shipped terms, recall by category, the messages missed and wrongly flagged, and the cost per message
(median of 5 passes over the corpus); where the corpus marks complaints, how policy/complaint.py reads them. The corpora were written by people who had not seen the terms;
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

from uab_helpdesk.policy.complaint import find_complaint
from uab_helpdesk.policy.safety import find_safety_matter


def score(messages: list[dict]) -> dict:
	found = [(message, find_safety_matter(message["subject"], message["body"])) for message in messages]
	hits = [message for message, matter in found if matter and message["safety"]]
	false_alarms = [message for message, matter in found if matter and not message["safety"]]
	missed = [message for message, matter in found if not matter and message["safety"]]
	per_category = Counter(message["category"] for message in messages if message["safety"])
	caught = Counter(message["category"] for message in hits)
	return {
		"precision": len(hits) / max(1, len(hits) + len(false_alarms)),
		"recall": len(hits) / max(1, len(hits) + len(missed)),
		"by_category": {
			category: (caught[category], total) for category, total in sorted(per_category.items())
		},
		"missed": [message["id"] for message in missed],
		"false_alarms": [message["id"] for message in false_alarms],
	}


def cost_per_message_us(messages: list[dict], passes: int = 5) -> float:
	timings = []
	for _pass in range(passes):
		start = time.perf_counter()
		for message in messages:
			find_safety_matter(message["subject"], message["body"])
		timings.append((time.perf_counter() - start) / len(messages))
	return statistics.median(timings) * 1e6


def main() -> None:
	for path in sorted((ROOT / "tests" / "corpus").glob("health_and_safety*.json")):
		messages = json.loads(path.read_text("utf-8"))
		result = score(messages)
		safety = sum(1 for message in messages if message["safety"])
		print(f"{path.name}: {len(messages)} messages ({safety} safety, {len(messages) - safety} not)")
		print(f"  precision {result['precision']:.3f}   recall {result['recall']:.3f}")
		print(f"  cost per message {cost_per_message_us(messages):.0f} us")
		for category, (caught, total) in result["by_category"].items():
			print(f"    {category:<28} {caught}/{total}")
		print(f"  missed: {', '.join(result['missed']) or 'none'}")
		print(f"  wrongly flagged: {', '.join(result['false_alarms']) or 'none'}")
		if messages and "complaint" in messages[0]:
			print_complaints(messages)


def print_complaints(messages: list[dict]) -> None:
	"""policy/complaint.py on the same messages: a possible complaint is never held (issue 21)."""
	found = [(m, bool(find_complaint(m["subject"], m["body"]))) for m in messages]
	hits = sum(1 for m, got in found if got and m["complaint"])
	flagged = sum(1 for _m, got in found if got)
	complaints = sum(1 for m in messages if m["complaint"])
	print(
		f"  complaints: precision {hits / max(1, flagged):.3f}   recall {hits / max(1, complaints):.3f}"
		f"   ({complaints} complaints)"
	)
	print(
		"  complaints missed: "
		+ (", ".join(m["id"] for m, got in found if not got and m["complaint"]) or "none")
	)
	print(
		"  not complaints, flagged: "
		+ (", ".join(m["id"] for m, got in found if got and not m["complaint"]) or "none")
	)


if __name__ == "__main__":
	main()
