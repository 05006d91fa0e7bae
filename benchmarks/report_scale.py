"""How each standard report's time grows with the caseload (run with the bench's Python, from `sites`).

    cd BENCH/sites && ../env/bin/python PATH/TO/benchmarks/report_scale.py --site SITE [--sizes 10000 100000 1000000]

Tops the site up with `uab_helpdesk.scale` to each size of incident register (with ten communications per
incident, capped at 1,000,000), times every report (median of 3 runs, as a UAB Manager would run it: script
reports in full, Report Builder reports one page of 500 rows), prints a table, and removes the synthetic
rows at the end.
"""

import argparse
import statistics
import time

import frappe

from uab_helpdesk.uab_helpdesk.report import STANDARD_REPORTS as REPORTS


def run_report(name: str) -> int:
	report = frappe.get_doc("Report", name)
	if report.report_type == "Report Builder":
		return len(report.get_data(filters={}, limit=500)[1])
	from frappe.desk.query_report import run

	return len(run(name, filters={}, ignore_prepared_report=True)["result"])


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from uab_helpdesk import scale

	timings = {}
	try:
		for size in sorted(args.sizes):
			scale.generate(
				incidents=size,
				communications=min(size * 10, 1_000_000),
				attempts=size // 2,
				protocols=max(size // 100, 100),
			)
			frappe.set_user("Administrator")
			for name in REPORTS:
				samples, rows = [], 0
				for _ in range(3):
					started = time.perf_counter()
					rows = run_report(name)
					samples.append(time.perf_counter() - started)
				timings[(name, size)] = (statistics.median(samples), rows)
	finally:
		scale.remove()
		frappe.destroy()

	sizes = sorted(args.sizes)
	print(f"{'report':<36}" + "".join(f"{size:>18,}" for size in sizes) + "   growth")
	for name in REPORTS:
		cells = [timings[(name, size)] for size in sizes]
		row = "".join(f"{seconds * 1000:>10.0f} ms {rows:>5}r" for seconds, rows in cells)
		print(f"{name:<36}{row}   x{cells[-1][0] / max(cells[0][0], 1e-9):.1f}")


if __name__ == "__main__":
	main()
