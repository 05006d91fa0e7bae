// Copyright (c) 2026, UAB Helpdesk Developers and contributors
// For license information, please see license.txt

// What the app relies on and cannot find in this site (setup/health.py): the server says it, translated
// and escaped; the app keeps working without each part, and this tells the administrator what it costs.
frappe.ui.form.on("UAB Settings", {
	refresh(frm) {
		const problems = (frm.doc.__onload || {}).setup_problems || [];
		frm.set_intro(problems.map((problem) => `<p>${problem}</p>`).join(""), "orange");
	},
});
