frappe.query_reports["Reviews Due and Overdue"] = {
	filters: [{ fieldname: "within_days", label: __("Due Within (Days)"), fieldtype: "Int", default: 30 }],
};
