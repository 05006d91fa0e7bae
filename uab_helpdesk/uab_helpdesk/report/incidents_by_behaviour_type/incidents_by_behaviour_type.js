frappe.query_reports["Incidents by Behaviour Type"] = {
	filters: [
		{ fieldname: "from_date", label: __("From"), fieldtype: "Date", default: frappe.datetime.add_months(frappe.datetime.get_today(), -12) },
		{ fieldname: "to_date", label: __("To"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "HD Team" },
		{
			fieldname: "behaviour_type",
			label: __("Behaviour Type"),
			fieldtype: "Select",
			options: ["", "Aggressive", "Abusive – physical", "Abusive – verbal", "Intimidation or threatening", "Unreasonable demands", "Unreasonable persistence", "Vexatious", "Social media or online abuse"],
		},
	],
};
