// Awaab's Law clocks by customer group: the period is when the landlord became aware.
frappe.query_reports["Hazard Clocks"] = {
	filters: [
		{ fieldname: "from_date", label: __("Aware From"), fieldtype: "Date", default: frappe.datetime.add_months(frappe.datetime.get_today(), -12) },
		{ fieldname: "to_date", label: __("Aware To"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
