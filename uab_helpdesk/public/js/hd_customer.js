frappe.ui.form.on("HD Customer", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_customer_banners", { customer: frm.doc.name });
	},
});
