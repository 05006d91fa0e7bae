// Desk: "Send letter" on the four records that have a letter (warning, protocol, appeal outcome, review
// outcome). The server checks the method, the permission and the protocol's written channel (6.4.4),
// and writes on the case when and how the customer was told (6.5.4, 6.5.6).
frappe.provide("uab_helpdesk");

uab_helpdesk.add_send_letter_button = (frm) => {
	if (frm.is_new() || frm.doc.docstatus === 2) return;
	frm.add_custom_button(__("Send letter"), () =>
		frappe.prompt(
			[
				{
					fieldname: "method",
					fieldtype: "Select",
					label: __("Send by"),
					options: [
						{ value: "Email", label: __("Email") },
						{ value: "Letter", label: __("Letter") },
					],
					default: "Letter",
					reqd: 1,
				},
			],
			({ method }) =>
				frappe
					.call({
						method: "uab_helpdesk.api.letters.send_letter",
						args: { doctype: frm.doctype, name: frm.doc.name, method },
						freeze: true,
					})
					.then(({ message }) => {
						if (method === "Letter") window.open(message.print_url);
						frappe.show_alert({ message: __("The letter is recorded as sent."), indicator: "green" });
						frm.reload_doc();
					}),
			__("Send letter"),
			__("Send")
		)
	);
};

// Each of the four forms loads this file; register the buttons once, not once per form opened.
if (!uab_helpdesk.send_letter_registered) {
	uab_helpdesk.send_letter_registered = true;
	["UAB Warning", "UAB Communication Protocol", "UAB Appeal", "UAB Protocol Review"].forEach((doctype) =>
		frappe.ui.form.on(doctype, { refresh: uab_helpdesk.add_send_letter_button })
	);
}
