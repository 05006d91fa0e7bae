"""How the kinds (policy/abuse.py) read each abusive-language corpus, and what they cost (issue 22).

    python benchmarks/abuse_corpus.py [-v]     # from the repository root; needs no bench

For each `tests/corpus/abusive_language*.json`, as the app flags (a kind from the terms, else the classifier
above its threshold) and by the terms alone: precision and recall, each kind found out of how many, the
ordinary messages wrongly flagged by way of writing, the cost per message (median of 5 passes), and with
-v the ids missed and wrongly flagged. Which corpora the terms were written against, and so which figure is
blind, is recorded in docs/benchmarks.md.
"""

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from uab_helpdesk.policy.abuse import THREAT, find_abuse
from uab_helpdesk.policy.abuse_model import with_model_findings
from uab_helpdesk.policy.language import own_words

REGISTERS = ("standard", "dialect", "second-language", "text-speak")


def main() -> None:
	verbose = "-v" in sys.argv
	for path in sorted((ROOT / "tests" / "corpus").glob("abusive_language*.json")):
		corpus = json.loads(path.read_text("utf-8"))
		terms_only = [(m, find_abuse(own_words(m["subject"], m["body"]))) for m in corpus]
		found = [(m, with_model_findings(own_words(m["subject"], m["body"]), f)[0]) for m, f in terms_only]
		term_hits = sum(1 for m, f in terms_only if f and m["abusive"])
		term_flags = sum(1 for _m, f in terms_only if f)
		hits = sum(1 for m, f in found if f and m["abusive"])
		flagged = sum(1 for _m, f in found if f)
		abusive = sum(1 for m in corpus if m["abusive"])
		print(f"{path.name}: {len(corpus)} messages ({abusive} abusive)")
		print(f"  as flagged: precision {hits / max(1, flagged):.2f}   recall {hits / max(1, abusive):.2f}")
		print(
			f"  terms alone: precision {term_hits / max(1, term_flags):.2f}   recall {term_hits / max(1, abusive):.2f}"
		)
		if corpus and "kind" in corpus[0]:
			total = Counter(m["kind"] for m in corpus if m["abusive"])
			caught = Counter(m["kind"] for m, f in found if f and m["abusive"])
			print("  " + ", ".join(f"{kind} {caught[kind]}/{n}" for kind, n in sorted(total.items())))
			for label, read in (("terms alone", terms_only), ("as the app names them", found)):
				threats = [f for m, f in read if m["abusive"] and m["kind"] == THREAT]
				named = [f for _m, f in read if any(x.kind == THREAT for x in f)]
				print(
					f"  threats named as threats, {label}: {sum(any(x.kind == THREAT for x in f) for f in threats)}"
					f"/{len(threats)} (named in {len(named)} messages)"
				)
		rates = []
		for register in REGISTERS:
			ordinary = [bool(f) for m, f in found if m.get("register") == register and not m["abusive"]]
			rates.append(f"{register} {sum(ordinary)}/{len(ordinary)}")
		print("  ordinary messages flagged: " + ", ".join(rates))
		timings = []
		for _pass in range(5):
			started = time.perf_counter()
			for m in corpus:
				words = own_words(m["subject"], m["body"])
				with_model_findings(words, find_abuse(words))
			timings.append((time.perf_counter() - started) / len(corpus))
		print(f"  cost per message {statistics.median(timings) * 1e6:.0f} us")
		if verbose:
			print("  missed: " + ", ".join(m["id"] for m, f in found if not f and m["abusive"]))
			print("  wrongly flagged: " + ", ".join(m["id"] for m, f in found if f and not m["abusive"]))
			print(
				"  threats not named as threats: "
				+ ", ".join(
					m["id"]
					for m, f in found
					if m.get("kind") == THREAT and not any(x.kind == THREAT for x in f)
				)
			)


if __name__ == "__main__":
	main()
