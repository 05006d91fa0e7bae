frappe.query_reports["Equality Monitoring"] = {
	filters: [
		{
			fieldname: "characteristic",
			label: __("Characteristic"),
			fieldtype: "Select",
			options: ["", "age_band", "sex", "gender_reassignment", "sexual_orientation", "marriage_or_civil_partnership", "pregnancy_or_maternity", "ethnicity", "religion_or_belief", "disability"],
		},
		{ fieldname: "include_ended", label: __("Include Ended Protocols"), fieldtype: "Check" },
	],
};
