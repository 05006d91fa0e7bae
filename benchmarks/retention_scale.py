"""What the retention job costs as the register grows, side by side (run with the bench's Python, from `sites`).

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/retention_scale.py --site SITE [--sizes 100000 1000000]

For each size it fills the site with `uab_helpdesk.scale` (incidents and contact attempts of 5,000 synthetic
contacts, 1,000 of them under an Active protocol), moves the records of every other contact eight years
back, and then times `anonymise_closed_cases` and takes its peak Python memory (tracemalloc). Beside it, it
takes the peak memory of what the job did before this round (every incident's contact read into memory),
so the two can be compared at each size. It checks that exactly the aged, unprotected cases were
anonymised, and removes the synthetic rows at the end. The job commits batch by batch, as it does when
the scheduler runs it.
"""

import argparse
import time
import tracemalloc

import frappe

AGED = "contact regexp '[02468]$'"


def measure(callable_) -> tuple[float, float]:
	tracemalloc.start()
	started = time.perf_counter()
	callable_()
	seconds = time.perf_counter() - started
	peak = tracemalloc.get_traced_memory()[1] / 2**20
	tracemalloc.stop()
	return seconds, peak


def age_half_the_cases() -> None:
	for doctype, field in (("UAB Incident", "occurred_on"), ("UAB Contact Attempt", "attempted_on")):
		frappe.db.sql(
			f"""update `tab{doctype}` set {field} = {field} - interval 8 year
			where name like 'SCALE-%%' and {AGED}"""
		)
	frappe.db.commit()


def expected_cases() -> int:
	return frappe.db.sql(
		f"""select count(distinct contact) from `tabUAB Incident` where name like 'SCALE-%%' and {AGED}
		and contact not in (select contact from `tabUAB Communication Protocol` where status = 'Active')"""
	)[0][0]


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	from uab_helpdesk import scale
	from uab_helpdesk.retention import anonymise_closed_cases

	frappe.db.set_single_value("UAB Settings", "retention_years", 6)
	rows = []
	try:
		for size in args.sizes:
			scale.remove()
			scale.generate(incidents=size, communications=0, attempts=size // 10, protocols=1000)
			age_half_the_cases()
			wanted = expected_cases()
			_seconds, old_peak = measure(lambda: set(frappe.get_all("UAB Incident", pluck="contact")))
			done = []
			seconds, peak = measure(lambda: done.append(anonymise_closed_cases()))
			left = frappe.db.count(
				"UAB Incident", {"name": ("like", "SCALE-%"), "description": ("!=", "[anonymised]")}
			)
			rows.append((size, seconds, peak, old_peak, done[0], wanted, left))
			print(
				f"{size:>9} incidents: {seconds:7.1f} s, peak {peak:6.1f} MiB (before: {old_peak:6.1f} MiB); "
				f"{done[0]} cases anonymised of {wanted} due; {left} incidents kept",
				flush=True,
			)
	finally:
		scale.remove()
	if len(rows) > 1:
		(small, *_), (large, *_) = rows[0], rows[-1]
		print(
			f"ratio {large}/{small}: time {rows[-1][1] / rows[0][1]:.2f}, peak memory "
			f"{rows[-1][2] / rows[0][2]:.2f} (before: {rows[-1][3] / rows[0][3]:.2f})"
		)


if __name__ == "__main__":
	main()
