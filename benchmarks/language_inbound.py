"""The inbound path's cost with the language signal on and off, side by side in one run (policy 6.3.3).

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/language_inbound.py --site SITE [--blocks 10 --per-block 20]

Receives messages the way email intake does (a Communication received on a ticket, with `in_receive`),
alternating blocks with the signal on and off in one process, and prints the median time per message of
each and their ratio. Everything it makes is rolled back.
"""

import argparse
import statistics
import time

import frappe


def receive(ticket: str, i: int) -> None:
	doc = frappe.get_doc(
		{
			"doctype": "Communication",
			"communication_type": "Communication",
			"communication_medium": "Email",
			"sent_or_received": "Received",
			"sender": "bench.tenant@tenant.test",
			"subject": f"Re: repairs {i}",
			"content": "<p>This is the third time I have written. The boiler is still broken and nobody came.</p>",
			"reference_doctype": "HD Ticket",
			"reference_name": ticket,
		}
	)
	doc.flags.in_receive = True
	doc.insert(ignore_permissions=True)


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--blocks", type=int, default=10)
	parser.add_argument("--per-block", type=int, default=20)
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	from uab_helpdesk import language
	from uab_helpdesk.events import communication

	ticket = frappe.get_doc(
		{"doctype": "HD Ticket", "subject": "Benchmark", "raised_by": "bench.tenant@tenant.test"}
	)
	ticket.flags.ignore_mandatory = True
	ticket.insert(ignore_permissions=True)
	language.language_signal("warm up", "load the model")  # loaded once per process, not per message
	switched_on, off = communication.mark_received, lambda doc: None
	times = {"on": [], "off": []}
	n = 0
	for block in range(args.blocks * 2):
		state = "on" if block % 2 == 0 else "off"
		communication.mark_received = switched_on if state == "on" else off
		started = time.perf_counter()
		for _i in range(args.per_block):
			n += 1
			receive(ticket.name, n)
		times[state].append((time.perf_counter() - started) / args.per_block)
	communication.mark_received = switched_on
	frappe.db.rollback()
	on, off_ = statistics.median(times["on"]) * 1e3, statistics.median(times["off"]) * 1e3
	print(f"received message, median of {args.blocks} blocks x {args.per_block}:")
	print(f"  signal on:  {on:7.2f} ms\n  signal off: {off_:7.2f} ms\n  ratio on/off: {on / off_:.3f}")


if __name__ == "__main__":
	main()
