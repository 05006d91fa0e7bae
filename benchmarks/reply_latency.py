"""Reply latency with UAB Helpdesk installed vs without it, measured side by side on one bench.

Run with the bench's Python from its `sites` folder, naming a site without the app and one with it:

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/reply_latency.py \\
        --without baseline.test --with uab.test [--pairs 1000] [--http] [--hooks] [--protocols 100 100000]

The two sites take turns reply by reply, each pair in swapped order (ABBA), so that drift on the
machine (another process, a disk flush) falls on both alike; the ratio reported (with app / without) is
the median over ABBA quartets, each the geometric mean of two pairs run in opposite orders (the reply
run second in a pair tends to be faster here), with a 95 % bootstrap interval; the middle half of the
single pairs' ratios is printed beside it, so that what this machine cannot tell apart is in view. Every reply starts from a
fresh request context (`frappe.init`/`connect`, untimed), as a request does: nothing of one reply's
in-request cache helps the next. Both sites' schedulers are paused while it runs, and it says how many
background workers are listening (their jobs would share the machine).

- In process (default): `HDTicket.reply_via_agent`, rolled back, so neither site grows.
- `--http`: the same reply over real HTTP (`run_doc_method`, as the agent UI calls it), logged in as
  the agent, to Frappe's WSGI application served by one single-threaded process of its own, as a
  worker serves its sites; and a bare request (`frappe.auth.get_logged_user`) for what the app runs on
  every request. Replies are committed, and removed at the end.
- `--hooks` (in process, instead of the two sites): the app's site against itself, its document hooks
  switched off and on reply by reply: what running the hooks costs, apart from any difference between sites.
- `--protocols`: then fills the app's site with that many Active protocols (committed, then removed) and
  times a reply to a customer who has none, and the enforcement hook alone: the ratio between the smallest
  and largest count shows whether enforcement stays flat.
"""

import argparse
import json
import logging
import math
import multiprocessing
import random
import statistics
import time

import frappe

AGENT = "uab.bench.agent@housing.test"
PASSWORD = "Uab-bench-Pa55!"
MARKER = "uab-latency-bench"
KEPT: dict[str, dict[str, list[float]]] = {}


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
				"new_password": PASSWORD,
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


def time_one_reply(site: str, ticket: str, app_hooks: bool | None = None) -> float:
	"""Milliseconds for one agent reply in a fresh request context, rolled back. With ``app_hooks`` False
	the app's document events are left out of this request's hooks (Frappe reads them once a request);
	True or False, the hooks are read before the clock starts."""
	open_site(site)
	try:
		if app_hooks is not None:
			# Both sides read the hooks before the clock starts, so that only running them is compared.
			hooks = frappe.get_doc_hooks()
		if app_hooks is False:
			frappe.local.doc_events_hooks = {
				doctype: {
					event: [method for method in methods if not method.startswith("uab_helpdesk.")]
					for event, methods in events.items()
				}
				for doctype, events in hooks.items()
			}
		doc = frappe.get_doc("HD Ticket", ticket)
		frappe.set_user(AGENT)
		started = time.perf_counter()
		doc.reply_via_agent(message="<p>Your repair is booked.</p>")
		return (time.perf_counter() - started) * 1000
	finally:
		close_site()


def time_replies(site: str, ticket: str, replies: int) -> float:
	"""Median milliseconds of ``replies`` replies, each in its own request context."""
	return statistics.median(time_one_reply(site, ticket) for _ in range(replies))


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


def interleaved(sites: tuple[str, str], pairs: int, measure, warm_up: int = 10) -> dict[str, list[float]]:
	"""One sample per site per pair, the order within a pair swapped each time (ABBA); the first
	``warm_up`` pairs (imports, first connections, cold caches) are not kept."""
	samples = {site: [] for site in sites}
	for pair in range(warm_up + pairs):
		for site in sites if pair % 2 == 0 else reversed(sites):
			value = measure(site)
			if pair >= warm_up:
				samples[site].append(value)
	return samples


def report(label: str, sites: tuple[str, str], samples: dict[str, list[float]]) -> None:
	"""The second of ``sites`` against the first: (with app / without), or (hooks on / hooks off).

	Whichever reply of a pair runs second tends to run faster here, so each two pairs in swapped order
	(an ABBA quartet) give one ratio, the geometric mean of theirs: the order's effect cancels in it. The
	figure is the median of the quartets' ratios with a bootstrap interval; the middle half of the single
	pairs' ratios and the order's effect are printed beside it."""
	first, second = sites
	KEPT[label] = samples  # every pair, in the order measured, for `--samples`
	pairs = [a / b for a, b in zip(samples[second], samples[first], strict=True)]
	quartets = [math.sqrt(pairs[i] * pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
	low, high = bootstrap_interval(quartets)
	spread = sorted(pairs)
	second_ran_second = statistics.median(pairs[0::2])  # even pairs ran the first site first
	second_ran_first = statistics.median(pairs[1::2])
	print(f"{label}: {len(pairs)} pairs, {len(quartets)} quartets")
	for site in sites:
		print(f"  {site}: {statistics.median(samples[site]):8.2f} ms (median)")
	print(f"  ratio second/first: {statistics.median(quartets):.3f}  95 % interval {low:.3f} .. {high:.3f}")
	print(
		f"  middle half of the pairs' ratios {spread[len(spread) // 4]:.3f} .. {spread[(3 * len(spread)) // 4]:.3f};"
		f" a pair's second reply ran {1 - math.sqrt(second_ran_second / second_ran_first):+.1%} faster"
	)


def bootstrap_interval(ratios: list[float], rounds: int = 2000) -> tuple[float, float]:
	"""The median ratio's 95 % interval, resampling the quartets (seeded: the same data, the same interval)."""
	draw = random.Random(20261203)
	medians = sorted(statistics.median(draw.choices(ratios, k=len(ratios))) for _ in range(rounds))
	return medians[int(rounds * 0.025)], medians[int(rounds * 0.975) - 1]


def pause_schedulers(sites) -> list[str]:
	"""Scheduled jobs would run in the middle of the blocks: paused for the run, on sites that had them."""
	paused = []
	for site in sites:
		open_site(site)
		from frappe.utils.background_jobs import get_workers
		from frappe.utils.scheduler import is_scheduler_disabled

		if not is_scheduler_disabled():
			frappe.db.set_single_value("System Settings", "enable_scheduler", 0)
			frappe.db.commit()
			paused.append(site)
		workers = len(get_workers())
		close_site()
	print(f"schedulers paused on {paused or 'none (already off)'}; background workers listening: {workers}")
	if workers:
		print("  (stop the bench's workers for a quieter machine: their jobs run beside the blocks)")
	return paused


def resume_schedulers(paused: list[str]) -> None:
	for site in paused:
		open_site(site)
		frappe.db.set_single_value("System Settings", "enable_scheduler", 1)
		frappe.db.commit()
		close_site()


def serve(port_out) -> None:
	"""Frappe's WSGI application, single-threaded, in a process of its own (the child of `Served`)."""
	from frappe.app import application
	from werkzeug.serving import make_server

	logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
	server = make_server("127.0.0.1", 0, application, threaded=False)
	port_out.send(server.server_port)
	server.serve_forever()


class Served:
	"""A loopback web server for both sites, apart from the timing client so that they never share
	one interpreter's lock."""

	def __enter__(self) -> "Served":
		context = multiprocessing.get_context("fork")
		receive, send = context.Pipe(duplex=False)
		self.process = context.Process(target=serve, args=(send,), daemon=True)
		self.process.start()
		self.url = f"http://127.0.0.1:{receive.recv()}"
		return self

	def __exit__(self, *exc) -> None:
		self.process.terminate()
		self.process.join()

	def client(self, site: str):
		import requests

		session = requests.Session()
		session.headers["X-Frappe-Site-Name"] = site
		session.base = self.url
		answer = session.post(f"{self.url}/api/method/login", data={"usr": AGENT, "pwd": PASSWORD})
		answer.raise_for_status()
		return session


def time_bare(client) -> float:
	started = time.perf_counter()
	client.get(f"{client.base}/api/method/frappe.auth.get_logged_user").raise_for_status()
	return (time.perf_counter() - started) * 1000


def time_http_reply(client, ticket: str) -> float:
	started = time.perf_counter()
	answer = client.post(
		f"{client.base}/api/method/run_doc_method",
		data={
			"dt": "HD Ticket",
			"dn": ticket,
			"method": "reply_via_agent",
			"args": json.dumps({"message": f"<p>{MARKER}: your repair is booked.</p>"}),
		},
	)
	elapsed = (time.perf_counter() - started) * 1000
	if answer.status_code != 200:
		raise SystemExit(f"the reply over HTTP failed ({answer.status_code}): {answer.text[:500]}")
	return elapsed


def remove_bench_replies(sites) -> None:
	for site in sites:
		open_site(site)
		names = frappe.get_all("Communication", {"content": ("like", f"%{MARKER}%")}, pluck="name")
		for name in names:
			frappe.db.delete("Email Queue", {"communication": name})
			frappe.db.delete("Communication Link", {"parent": name})
		frappe.db.delete("Communication", {"name": ("in", names or [""])})
		frappe.db.commit()
		close_site()


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--without", required=True, help="a site with Helpdesk but not this app")
	parser.add_argument("--with", dest="with_app", required=True, help="a site with Helpdesk and this app")
	parser.add_argument("--pairs", type=int, default=1000, help="pairs of replies, one on each site")
	parser.add_argument("--http", action="store_true", help="over real HTTP, and a bare request too")
	parser.add_argument("--protocols", type=int, nargs="*", default=[100, 100000])
	parser.add_argument(
		"--hooks", action="store_true", help="in process, the app's site against itself, its hooks off vs on"
	)
	parser.add_argument("--samples", help="write every pair's two timings (ms, in order) to this JSON file")
	args = parser.parse_args()

	tickets = {site: prepare(site) for site in (args.without, args.with_app)}
	sites = (args.without, args.with_app)
	print(f"first: {args.without} (without the app); second: {args.with_app} (with it)")
	paused = pause_schedulers(sites)
	try:
		if args.http:
			with Served() as served:
				clients = {site: served.client(site) for site in sites}
				report(
					"a bare request (what runs on every request)",
					sites,
					interleaved(sites, args.pairs, lambda site: time_bare(clients[site])),
				)
				report(
					"an agent reply over HTTP",
					sites,
					interleaved(
						sites, args.pairs, lambda site: time_http_reply(clients[site], tickets[site])
					),
				)
			remove_bench_replies(sites)
		elif args.hooks:
			# The app's site against itself: what its hooks cost, apart from any difference between sites.
			hooks_off, hooks_on = f"{args.with_app}, app's hooks off", f"{args.with_app}, app's hooks on"
			report(
				"an agent reply, in process, the app's hooks off and on",
				(hooks_off, hooks_on),
				interleaved(
					(hooks_off, hooks_on),
					args.pairs,
					lambda side: time_one_reply(args.with_app, tickets[args.with_app], side == hooks_on),
				),
			)
		else:
			report(
				"an agent reply, in process",
				sites,
				interleaved(sites, args.pairs, lambda site: time_one_reply(site, tickets[site])),
			)
	finally:
		resume_schedulers(paused)
	if args.samples:
		with open(args.samples, "w") as out:
			json.dump(KEPT, out)

	if args.protocols:
		replies, hooks = {}, {}
		try:
			for count in sorted(args.protocols):
				fill_protocols(args.with_app, count)
				for _ in range(max(3, args.pairs // 50)):
					replies.setdefault(count, []).append(
						time_replies(args.with_app, tickets[args.with_app], 5)
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
