// Desk: the named actions that end a welfare follow-up (policy 5.2) and lift a staff-safety marker
// (6.3.5). The server checks the role and the state; the form only offers them.
const UAB_MANAGERS = ["UAB Manager", "UAB Head of Service", "UAB Director", "System Manager"];

// One button: ask for the words the action records, call the named action, show the result.
const uab_named_action = (frm, { button, field, label, title, action, method, args }) =>
	frm.add_custom_button(button, () =>
		frappe.prompt(
			{ fieldname: field, fieldtype: "Small Text", label, reqd: 1 },
			(values) => frappe.call(method, { ...args, [field]: values[field] }).then(() => frm.reload_doc()),
			title,
			action
		)
	);

frappe.ui.form.on("UAB Welfare Follow-up", {
	refresh(frm) {
		if (frm.doc.status !== "Open" || !frappe.user.has_role(UAB_MANAGERS)) return;
		uab_named_action(frm, {
			button: __("Close with support offered"),
			field: "support_offered",
			label: __("Support offered"),
			title: __("Close welfare follow-up"),
			action: __("Close"),
			method: "uab_helpdesk.api.staff.close_welfare_follow_up",
			args: { follow_up: frm.doc.name },
		});
	},
});

frappe.ui.form.on("UAB Staff Safety Marker", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Active" || !frappe.user.has_role(UAB_MANAGERS)) return;
		uab_named_action(frm, {
			button: __("Remove marker"),
			field: "reason",
			label: __("Why it is no longer needed"),
			title: __("Remove staff-safety marker"),
			action: __("Remove"),
			method: "uab_helpdesk.api.staff.remove_staff_safety_marker",
			args: { marker: frm.doc.name },
		});
	},
});
