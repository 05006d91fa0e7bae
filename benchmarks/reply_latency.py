"""Reply latency with UAB Helpdesk installed vs without it, measured side by side on one bench.

Run with the bench's Python from its `sites` folder, naming a site without the app and one with it:

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/reply_latency.py \\
        --without baseline.test --with uab.test [--blocks 12] [--replies 15] [--protocols 100 100000]

Blocks alternate between the two sites in one process, so drift on the machine falls on both
equally; every block is rolled back, so neither site grows. It reports medians and the ratio
(with app / without). `--protocols` then fills the app's site with that many Active protocols
(committed, then removed) and times a reply to a customer who has none, and the enforcement hook
alone: the ratio between the smallest and largest count shows whether enforcement stays flat.
"""

import argparse
import statistics
import time

import frappe

AGENT = "uab.bench.agent@housing.test"


def open_site(site: str) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")


def close_site() -> None:
	frappe.db.rollback()
	frappe.destroy()


def prepare(site: str) -> str:
	"""An agent, an outgoing account and a ticket from an ordinary (unprotected) customer; committed once."""
	open_site(site)
	if not frappe.db.exists("User", AGENT):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": AGENT,
				"first_name": "Bench",
				"send_welcome_email": 0,
				"roles": [{"role": "Agent"}],
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()  # make_test_objects below may roll back what is not committed
	if not frappe.db.exists("Email Account", {"default_outgoing": 1}):
		from frappe.core.doctype.communication.test_communication import create_email_account
		from frappe.test_runner import make_test_objects

		# The test helper's account points at a server that does not exist; in_test stops Frappe
		# logging in to it, exactly as in the test suites that use it.
		frappe.flags.in_test = True
		make_test_objects("Email Domain")
		create_email_account()
		frappe.flags.in_test = False
	ticket = frappe.db.get_value("HD Ticket", {"subject": "UAB benchmark ticket"}, "name")
	if not ticket:
		ticket = (
			frappe.get_doc(
				{
					"doctype": "HD Ticket",
					"subject": "UAB benchmark ticket",
					"raised_by": "ordinary.tenant@tenant.test",
					"description": "x",
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
	frappe.db.commit()
	close_site()
	return str(ticket)


def time_replies(site: str, ticket: str, replies: int) -> float:
	"""Median milliseconds for one agent reply, in a block that is rolled back."""
	open_site(site)
	try:
		doc = frappe.get_doc("HD Ticket", ticket)
		frappe.set_user(AGENT)
		doc.reply_via_agent(message="<p>warm-up</p>")
		samples = []
		for index in range(replies):
			started = time.perf_counter()
			doc.reply_via_agent(message=f"<p>Your repair is booked (reply {index}).</p>")
			samples.append((time.perf_counter() - started) * 1000)
		return statistics.median(samples)
	finally:
		close_site()


def fill_protocols(site: str, count: int) -> None:
	"""Commit ``count`` Active protocols for made-up contacts (straight SQL: this is load, not a test)."""
	open_site(site)
	now = frappe.utils.now()
	rows = [
		(
			f"UAB-CP-BENCH-{i:07d}",
			f"Bench Contact {i}",
			"Active",
			1,
			frappe.utils.today(),
			now,
			now,
			"Administrator",
			"Administrator",
		)
		for i in range(count)
	]
	for start in range(0, count, 5000):
		frappe.db.bulk_insert(
			"UAB Communication Protocol",
			[
				"name",
				"contact",
				"status",
				"docstatus",
				"start_date",
				"creation",
				"modified",
				"owner",
				"modified_by",
			],
			rows[start : start + 5000],
		)
	frappe.db.commit()
	from uab_helpdesk.protection import _drop_index

	_drop_index()
	close_site()


def remove_protocols(site: str) -> None:
	open_site(site)
	frappe.db.delete("UAB Communication Protocol", {"name": ("like", "UAB-CP-BENCH-%")})
	frappe.db.commit()
	close_site()


def time_enforcement(site: str, ticket: str, calls: int) -> float:
	"""Median microseconds of the Communication hook itself for a reply to an unprotected customer."""
	from uab_helpdesk.events.communication import validate

	open_site(site)
	try:
		doc = frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Sent",
				"recipients": "ordinary.tenant@tenant.test",
				"reference_doctype": "HD Ticket",
				"reference_name": ticket,
				"content": "x",
			}
		)
		doc.set("__islocal", 1)  # as in an insert: the hook judges only new messages
		validate(doc)  # first lookup fills the cache
		samples = []
		for _ in range(calls):
			frappe.local.cache.clear()  # count the Redis round trip every time, not the in-request cache
			started = time.perf_counter()
			validate(doc)
			samples.append((time.perf_counter() - started) * 1e6)
		return statistics.median(samples)
	finally:
		close_site()


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--without", required=True, help="a site with Helpdesk but not this app")
	parser.add_argument("--with", dest="with_app", required=True, help="a site with Helpdesk and this app")
	parser.add_argument("--blocks", type=int, default=12)
	parser.add_argument("--replies", type=int, default=15)
	parser.add_argument("--protocols", type=int, nargs="*", default=[100, 100000])
	args = parser.parse_args()

	tickets = {site: prepare(site) for site in (args.without, args.with_app)}
	medians = {args.without: [], args.with_app: []}
	for block in range(args.blocks):
		order = (args.without, args.with_app) if block % 2 == 0 else (args.with_app, args.without)
		for site in order:
			medians[site].append(time_replies(site, tickets[site], args.replies))

	base, app = statistics.median(medians[args.without]), statistics.median(medians[args.with_app])
	ratios = sorted(a / b for a, b in zip(medians[args.with_app], medians[args.without], strict=True))
	print(f"reply latency, median of {args.blocks} blocks x {args.replies} replies")
	print(f"  without app ({args.without}): {base:8.2f} ms")
	print(f"  with app    ({args.with_app}): {app:8.2f} ms")
	print(f"  ratio with/without: {app / base:.3f}  (block ratios {ratios[0]:.3f} .. {ratios[-1]:.3f})")

	if args.protocols:
		replies, hooks = {}, {}
		try:
			for count in sorted(args.protocols):
				fill_protocols(args.with_app, count)
				for _ in range(max(3, args.blocks // 3)):
					replies.setdefault(count, []).append(
						time_replies(args.with_app, tickets[args.with_app], args.replies)
					)
					hooks.setdefault(count, []).append(
						time_enforcement(args.with_app, tickets[args.with_app], 500)
					)
				remove_protocols(args.with_app)
		finally:
			remove_protocols(args.with_app)
		print("a reply to a customer without a protocol, as Active protocols grow")
		for count in sorted(args.protocols):
			reply_ms, hook_us = statistics.median(replies[count]), statistics.median(hooks[count])
			print(f"  {count:>7} protocols: reply {reply_ms:8.2f} ms, enforcement hook {hook_us:7.1f} us")
		small, large = min(args.protocols), max(args.protocols)
		reply_ratio = statistics.median(replies[large]) / statistics.median(replies[small])
		hook_ratio = statistics.median(hooks[large]) / statistics.median(hooks[small])
		print(f"  ratio {large}/{small}: reply {reply_ratio:.3f}, enforcement hook {hook_ratio:.3f}")


if __name__ == "__main__":
	main()
