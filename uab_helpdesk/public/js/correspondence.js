// Desk: abusive correspondence (policy 6.3.3). A message the language signal flagged is shown collapsed
// on the ticket, for staff welfare, until someone chooses to read it; "Record abusive correspondence"
// records the incident with the message linked, and its letter goes from the incident (Send letter).
// The signal never decides anything: these only offer, and the server checks the caller.
frappe.provide("uab_helpdesk");

uab_helpdesk.record_abusive_correspondence = (args) =>
	frappe
		.call({ method: "uab_helpdesk.api.correspondence.record_abusive_correspondence", args, freeze: true })
		.then(({ message }) => frappe.set_route("Form", "UAB Incident", message.incident));

uab_helpdesk.collapse_flagged_messages = (frm) => {
	frappe
		.xcall("uab_helpdesk.api.correspondence.flagged_messages", { ticket: frm.doc.name })
		.then((messages) => {
			messages.forEach(({ name }) => {
				const item = frm.timeline?.wrapper?.find(`[data-name="${CSS.escape(name)}"]`);
				if (!item || !item.length || item.data("uab-collapsed")) return;
				const content = item.find(".timeline-message-box .content, .timeline-content .content").first();
				if (!content.length) return;
				item.data("uab-collapsed", true);
				content.hide();
				$(`<button class="btn btn-xs btn-default">${__("This message may contain abusive language — show")}</button>`)
					.insertBefore(content)
					.on("click", function () {
						content.show();
						$(this).remove();
					});
			});
		});
};

frappe.ui.form.on("HD Ticket", {
	refresh(frm) {
		if (frm.is_new()) return;
		uab_helpdesk.collapse_flagged_messages(frm);
		frm.add_custom_button(__("Record abusive correspondence"), () =>
			uab_helpdesk.record_abusive_correspondence({ ticket: frm.doc.name })
		);
	},
});

frappe.ui.form.on("Communication", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.sent_or_received !== "Received") return;
		frappe
			.xcall("uab_helpdesk.api.correspondence.flagged_messages", { communication: frm.doc.name })
			.then((messages) => {
				if (messages.length) frm.set_intro(__("This message may contain abusive language."), "orange");
			});
		frm.add_custom_button(__("Record abusive correspondence"), () =>
			uab_helpdesk.record_abusive_correspondence({ communication: frm.doc.name })
		);
	},
});
