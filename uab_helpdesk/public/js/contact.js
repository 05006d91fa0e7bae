frappe.ui.form.on("Contact", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_contact_banner", { contact: frm.doc.name });
	},
});
