"""What the app adds to opening a ticket in the agent UI, measured side by side with Helpdesk's own load.

When an agent opens a ticket, Helpdesk loads it (`hd_ticket.api.get_one`) and runs the form scripts; this
app's one script makes one call, `api.replies.ticket_view` (the banner, the reply editor's way, replies
for approval, flagged messages). This times both, alternating in one process, for an unprotected
customer, a letters-only customer (the officer: *Send as letter*) and the same customer as another agent
(*Send for approval*), and prints the app's call as a ratio of Helpdesk's own load.

Run with the bench's Python from its `sites` folder, on a site with the app and `allow_tests`:

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/ticket_open.py --site uab.test [--blocks 12] [--opens 20]

Everything it makes is rolled back at the end.
"""

import argparse
import statistics
import time

import frappe


def timed(call, times: int) -> float:
	start = time.perf_counter()
	for _ in range(times):
		call()
	return (time.perf_counter() - start) / times * 1000


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--blocks", type=int, default=12)
	parser.add_argument("--opens", type=int, default=20)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.in_test = True  # the test helpers below make users without e-mailing them
	try:
		run(args.blocks, args.opens)
	finally:
		frappe.db.rollback()
		frappe.destroy()


def run(blocks: int, opens: int) -> None:
	from helpdesk.helpdesk.doctype.hd_ticket.api import get_one

	from uab_helpdesk.api.replies import ticket_view
	from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_ticket

	staff = make_staff()
	protected = make_contact("Bench Letters Tenant")
	make_protocol(
		protected,
		director=staff.director,
		activate_as=staff.head,
		single_point_of_contact=staff.agent,
		allowed_channels=[{"channel": "Letter"}],
		contact_windows=[],
	)
	cases = {
		"unprotected customer": (make_ticket(make_contact("Bench Tenant")), staff.agent),
		"letters only, the officer": (make_ticket(protected), staff.agent),
		"letters only, another agent": (make_ticket(protected), staff.other_agent),
	}
	print(f"opening a ticket, median of {blocks} blocks x {opens} opens (ms per open)")
	for label, (ticket, agent) in cases.items():
		frappe.set_user(agent)
		helpdesk, app = [], []
		for _ in range(blocks):
			helpdesk.append(timed(lambda: get_one(ticket), opens))
			app.append(timed(lambda: ticket_view(ticket), opens))
		ratio = statistics.median(app) / statistics.median(helpdesk)
		print(
			f"  {label:28} Helpdesk get_one {statistics.median(helpdesk):7.2f}   "
			f"app's ticket_view {statistics.median(app):6.2f}   ratio app/Helpdesk {ratio:.3f}"
		)
	frappe.set_user("Administrator")


if __name__ == "__main__":
	main()
