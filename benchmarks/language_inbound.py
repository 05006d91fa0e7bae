"""What the language signal costs receiving mail, with it on and off side by side in one run (issue 22).

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/language_inbound.py --site SITE [--blocks 30 --per-block 10]

Receives messages the way email intake does (a Communication received on a ticket, with `in_receive`, then
the commit that ends the request), alternating short blocks with the app's signal hook on and off, and
prints the median time per message of each, their ratio, and the spread of the per-pair ratios. With the
hook on, the commit queues the reading job (to Redis); the job itself runs in a worker, after the
message is stored, and its cost per message is measured on its own. Stop the workers first, so that
nothing else runs beside the timed blocks; what it makes is deleted and the jobs it queued are dropped.
"""

import argparse
import statistics
import time

import frappe

TEXT = "<p>This is the third time I have written. The boiler is still broken and nobody came.</p>"


def receive(ticket: str, i: int) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Email",
			"sent_or_received": "Received",
			"sender": "bench.tenant@tenant.test",
			"subject": f"Re: repairs {i}",
			"content": TEXT,
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
		}
	)
	doc.flags.in_receive = True
	doc.insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep: the end of the request that received it, when the job is queued
	return doc.name


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--blocks", type=int, default=30)
	parser.add_argument("--per-block", type=int, default=10)
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	from frappe.utils.background_jobs import get_queue

	from uab_helpdesk import language

	frappe.flags.in_test = False
	ticket = frappe.get_doc(
		{"doctype": "HD Ticket", "subject": "Benchmark", "raised_by": "bench.tenant@tenant.test"}
	)
	ticket.flags.ignore_mandatory = True
	ticket.insert(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep
	language.score_of("warm up the model")  # loaded once per process, not per message
	queue_reading, off = language.queue_reading, lambda doc, method=None: None
	times, made = {"on": [], "off": []}, []
	for block in range(args.blocks * 2):
		# Alternate which state goes first in each pair, so that drift favours neither.
		state = ("on", "off")[(block + block // 2) % 2]
		language.queue_reading = queue_reading if state == "on" else off
		started = time.perf_counter()
		for _i in range(args.per_block):
			made.append(receive(ticket.name, len(made)))
		times[state].append((time.perf_counter() - started) / args.per_block)
	language.queue_reading = queue_reading
	started = time.perf_counter()
	for name in made[:50]:
		language.read_message(name)
	job = (time.perf_counter() - started) / min(50, len(made))
	frappe.db.rollback()
	get_queue("short").empty()
	frappe.cache.delete_value(language.TO_READ)
	frappe.db.delete("Communication", {"name": ("in", made)})
	frappe.delete_doc("HD Ticket", ticket.name, force=True, ignore_permissions=True)
	frappe.db.commit()  # nosemgrep
	on, off_ = statistics.median(times["on"]), statistics.median(times["off"])
	pairs = sorted(a / b for a, b in zip(times["on"], times["off"], strict=True))
	low, high = pairs[len(pairs) // 4], pairs[(3 * len(pairs)) // 4]
	print(f"received message and its commit, median of {args.blocks} blocks x {args.per_block} each way:")
	print(f"  signal hook on:  {on * 1e3:7.2f} ms\n  signal hook off: {off_ * 1e3:7.2f} ms")
	print(f"  ratio on/off: {on / off_:.3f}   (pairs' middle half {low:.3f}-{high:.3f})")
	print(f"  the reading job, in a worker after the commit: {job * 1e3:.2f} ms a message")


if __name__ == "__main__":
	main()
