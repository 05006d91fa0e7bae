// Desk: the named actions that end a welfare follow-up (policy 5.2) and lift a staff-safety marker
// (6.3.5). The server checks the role and the state; the form only offers them.
const UAB_MANAGERS = ["UAB Manager", "UAB Head of Service", "UAB Director", "System Manager"];

frappe.ui.form.on("UAB Welfare Follow-up", {
	refresh(frm) {
		if (frm.doc.status !== "Open" || !frappe.user.has_role(UAB_MANAGERS)) return;
		frm.add_custom_button(__("Close with support offered"), () => {
			frappe.prompt(
				{ fieldname: "support_offered", fieldtype: "Small Text", label: __("Support offered"), reqd: 1 },
				({ support_offered }) =>
					frappe
						.call("uab_helpdesk.api.staff.close_welfare_follow_up", { follow_up: frm.doc.name, support_offered })
						.then(() => frm.reload_doc()),
				__("Close welfare follow-up"),
				__("Close")
			);
		});
	},
});

frappe.ui.form.on("UAB Staff Safety Marker", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Active" || !frappe.user.has_role(UAB_MANAGERS)) return;
		frm.add_custom_button(__("Remove marker"), () => {
			frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Why it is no longer needed"), reqd: 1 },
				({ reason }) =>
					frappe
						.call("uab_helpdesk.api.staff.remove_staff_safety_marker", { marker: frm.doc.name, reason })
						.then(() => frm.reload_doc()),
				__("Remove staff-safety marker"),
				__("Remove")
			);
		});
	},
});
