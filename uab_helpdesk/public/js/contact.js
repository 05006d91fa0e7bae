frappe.ui.form.on("Contact", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_contact_banner", { contact: frm.doc.name });
		if (!frm.is_new() && frappe.user.has_role(["UAB Manager", "UAB Head of Service", "UAB Director"])) {
			// 6.3.1: a precaution colleagues see on this customer's tickets, without the reason.
			frm.add_custom_button(__("Place staff-safety marker"), () =>
				frappe.new_doc("UAB Staff Safety Marker", { contact: frm.doc.name })
			);
			// UK GDPR Article 15: everything the app holds about this person, as one file to send them.
			frm.add_custom_button(__("Export what we hold (subject access)"), () => {
				window.open(`/api/method/uab_helpdesk.api.evidence.export_subject_access?contact=${encodeURIComponent(frm.doc.name)}`);
			});
		}
		if (!frm.is_new() && frappe.user.has_role(["UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor"])) {
			frm.add_custom_button(__("Export case for the Ombudsman"), () => {
				window.open(`/api/method/uab_helpdesk.api.evidence.export_case?contact=${encodeURIComponent(frm.doc.name)}`);
			});
		}
	},
});
