// Desk: "Send letter" on the four records that have a letter (warning, protocol, appeal outcome, review
// outcome), once the decision it reports is submitted. The server checks the caller, the state, the
// method and the protocol's written channel (6.4.4), and writes on the case when and how the customer
// was told (6.5.4, 6.5.6). On draft warnings and protocols: request, or (a Director) authorise,
// immediate action (6.5). The server decides who may; these buttons only offer.
frappe.provide("uab_helpdesk");

uab_helpdesk.add_immediate_action_buttons = (frm) => {
	if (frm.is_new() || frm.doc.docstatus !== 0 || frm.doc.immediate_action) return;
	const ask = (method, title) =>
		frappe.prompt(
			[
				{
					fieldname: "reason",
					fieldtype: "Small Text",
					label: __("Immediate action reason"),
					default: frm.doc.immediate_action_reason,
					reqd: 1,
				},
			],
			({ reason }) => frm.call(method, { reason }).then(() => frm.reload_doc()),
			title
		);
	if (frappe.user.has_role("UAB Director")) {
		frm.add_custom_button(__("Authorise immediate action"), () =>
			ask("authorise_immediate_action", __("Authorise immediate action"))
		);
	} else if (frappe.user.has_role(["UAB Manager", "UAB Head of Service"])) {
		frm.add_custom_button(__("Request immediate action"), () =>
			ask("request_immediate_action", __("Request immediate action"))
		);
	}
};

uab_helpdesk.add_send_letter_button = (frm) => {
	if (["UAB Warning", "UAB Communication Protocol"].includes(frm.doctype)) {
		uab_helpdesk.add_immediate_action_buttons(frm);
	}
	// Decided first, then the customer is told, once (the server refuses anything else).
	const sent_on = {
		"UAB Communication Protocol": "letter_sent_on",
		"UAB Appeal": "outcome_letter_sent_on",
		"UAB Protocol Review": "customer_notified_on",
	}[frm.doctype];
	if (frm.doc.docstatus !== 1) return;
	// Of incidents, only abusive correspondence has a letter (6.3.3).
	if (frm.doctype === "UAB Incident" && !frm.doc.communication) return;
	if (!(sent_on && frm.doc[sent_on])) {
		frm.add_custom_button(__("Send letter"), () => uab_helpdesk.send_letter_prompt(frm));
	}
	// A letter goes once; a manager corrects it with a new letter, with the reason (the server checks both).
	if (frappe.user.has_role(["UAB Manager", "UAB Head of Service", "UAB Director"])) {
		frm.add_custom_button(__("Send corrected letter"), () => uab_helpdesk.send_letter_prompt(frm, true));
	}
};

uab_helpdesk.send_letter_prompt = (frm, correcting = false) => {
	const fields = [
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
	];
	if (correcting) {
		fields.push({ fieldname: "correction", fieldtype: "Small Text", label: __("What it corrects"), reqd: 1 });
	}
	const title = correcting ? __("Send corrected letter") : __("Send letter");
	frappe.prompt(
		fields,
		({ method, correction }) =>
			frappe
				.call({
					method: "uab_helpdesk.api.letters.send_letter",
					args: { doctype: frm.doctype, name: frm.doc.name, method, correction },
					freeze: true,
				})
				.then(({ message }) => {
					if (method === "Letter") window.open(message.print_url);
					frappe.show_alert({ message: __("The letter is recorded as sent."), indicator: "green" });
					frm.reload_doc();
				}),
		title,
		__("Send")
	);
};

// Each of the four forms loads this file; register the buttons once, not once per form opened.
if (!uab_helpdesk.send_letter_registered) {
	uab_helpdesk.send_letter_registered = true;
	["UAB Warning", "UAB Communication Protocol", "UAB Appeal", "UAB Protocol Review", "UAB Incident"].forEach((doctype) =>
		frappe.ui.form.on(doctype, { refresh: uab_helpdesk.add_send_letter_button })
	);
}
