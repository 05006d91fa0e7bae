frappe.query_reports["Equality Monitoring"] = {
	filters: [
		{
			fieldname: "characteristic",
			label: __("Characteristic"),
			fieldtype: "Select",
			options: ["", "age_band", "sex", "gender_reassignment", "sexual_orientation", "marriage_or_civil_partnership", "pregnancy_or_maternity", "ethnicity", "religion_or_belief", "disability"],
		},
		{ fieldname: "include_ended", label: __("Include Ended Protocols"), fieldtype: "Check" },
		{
			// 6.3.3 / 7.1: a language signal that flags one group's messages out of proportion is seen.
			fieldname: "measure",
			label: __("Compare"),
			fieldtype: "Select",
			options: [
				{ value: "Restrictions", label: __("Restricted customers against all profiled") },
				{ value: "Language flags", label: __("Flagged messages against all messages received") },
			],
			default: "Restrictions",
		},
	],
};
