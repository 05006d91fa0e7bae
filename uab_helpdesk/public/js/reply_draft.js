// Desk: a reply waiting for the single point of contact (policy 6.4.2), opened from their ToDo. The form
// offers Send and Return while it awaits approval; the server checks who calls and sends it by the way
// the protocol allows (e-mail, or a letter to post).
frappe.ui.form.on("UAB Reply Draft", {
	refresh(frm) {
		if (frm.doc.status !== "Awaiting approval") return;
		frm.add_custom_button(__("Send"), () =>
			frappe
				.call({ method: "uab_helpdesk.api.replies.send_draft", args: { draft: frm.doc.name }, freeze: true })
				.then(({ message }) => {
					if (message.print_url) window.open(message.print_url);
					frm.reload_doc();
				})
		);
		frm.add_custom_button(__("Return"), () =>
			frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Why it is returned"), reqd: 1 },
				({ reason }) =>
					frappe
						.call("uab_helpdesk.api.replies.return_draft", { draft: frm.doc.name, reason })
						.then(() => frm.reload_doc()),
				__("Return the reply to its writer"),
				__("Return")
			)
		);
	},
});
