frappe.ui.form.on("HD Ticket", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_banner", { ticket: frm.doc.name });
		// SPEC §5.1 rule 8: a Head of Service may send once despite the protocol, with a reason.
		// The server checks the role and logs the reply as Overridden; this only offers the form.
		if (frm.is_new() || !frappe.user.has_role("UAB Head of Service")) return;
		frappe.xcall("uab_helpdesk.api.protocol.get_banner", { ticket: frm.doc.name }).then((banner) => {
			if (banner?.stage === "protocol") {
				frm.add_custom_button(__("Reply despite protocol"), () => uab_helpdesk.reply_with_override(frm));
			}
		});
	},
});

uab_helpdesk.reply_with_override = (frm) => {
	frappe.prompt(
		[
			{ fieldname: "message", fieldtype: "Text Editor", label: __("Reply"), reqd: 1 },
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for overriding the protocol"), reqd: 1 },
		],
		({ message, reason }) =>
			frappe
				.call({
					method: "uab_helpdesk.api.protocol.reply_with_override",
					args: { ticket: frm.doc.name, message, reason },
					freeze: true,
				})
				.then(() => {
					frappe.show_alert({ message: __("Reply sent and logged as an override."), indicator: "green" });
					frm.reload_doc();
				}),
		__("Reply despite protocol"),
		__("Send")
	);
};
