frappe.ui.form.on("HD Ticket", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_banner", { ticket: frm.doc.name });
	},
});
