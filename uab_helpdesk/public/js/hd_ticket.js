frappe.ui.form.on("HD Ticket", {
	refresh(frm) {
		uab_helpdesk.show_banners(frm, "uab_helpdesk.api.protocol.get_banner", { ticket: frm.doc.name });
		if (!frm.is_new()) uab_helpdesk.add_hazard_buttons(frm);
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

// Awaab's Law (issue 21): mark a hazard the terms missed, and record each step of its clock. The server
// records who and when, checks the order of the steps and the caller's access to the ticket.
uab_helpdesk.HAZARD_CATEGORIES = [
	"Gas",
	"Carbon monoxide",
	"Electrical danger",
	"Fire",
	"Structural danger",
	"Flood or leak",
	"No heating or hot water",
	"Damp and mould",
];

uab_helpdesk.add_hazard_buttons = (frm) => {
	frm.add_custom_button(
		__("Mark as a hazard"),
		() =>
			frappe.prompt(
				[
					{
						fieldname: "category",
						fieldtype: "Select",
						label: __("Hazard"),
						options: uab_helpdesk.HAZARD_CATEGORIES.map((value) => ({ value, label: __(value) })),
						reqd: 1,
					},
					{ fieldname: "reason", fieldtype: "Small Text", label: __("Why it is a hazard"), reqd: 1 },
				],
				({ category, reason }) =>
					frappe
						.call({ method: "uab_helpdesk.api.hazards.mark_hazard", args: { ticket: frm.doc.name, category, reason }, freeze: true })
						.then(() => frm.reload_doc()),
				__("Mark as a hazard"),
				__("Mark")
			),
		__("Awaab's Law")
	);
	frappe.db
		.get_list("UAB Hazard Clock", { filters: { ticket: frm.doc.name, status: ["!=", "Met"] }, fields: ["name", "category", "kind"] })
		.then((clocks) => {
			clocks.forEach((clock) => {
				const steps = clock.kind === "Emergency" ? ["Investigated", "Made safe"] : ["Investigated", "Written summary sent", "Safety work started"];
				frm.add_custom_button(
					__("Record a step: {0}", [__(clock.category)]),
					() =>
						frappe.prompt(
							[
								{ fieldname: "step", fieldtype: "Select", label: __("Step"), options: steps.map((value) => ({ value, label: __(value) })), reqd: 1 },
								// The server requires these where the law does (api/hazards.py): shown only for their step.
								{ fieldname: "findings", fieldtype: "Small Text", label: __("What the investigation found"), depends_on: "eval:doc.step=='Investigated'" },
								{ fieldname: "planned_work", fieldtype: "Small Text", label: __("What will be done"), depends_on: "eval:doc.step=='Written summary sent'" },
								{ fieldname: "method", fieldtype: "Select", label: __("Send the written summary by"), options: [{ value: "Letter", label: __("Letter") }, { value: "Email", label: __("Email") }], default: "Letter", depends_on: "eval:doc.step=='Written summary sent'" },
							],
							({ step, findings, planned_work, method }) =>
								frappe
									.call({ method: "uab_helpdesk.api.hazards.record_step", args: { clock: clock.name, step, findings, planned_work, method }, freeze: true })
									.then(() => frm.reload_doc()),
							__("Record a step"),
							__("Record")
						),
					__("Awaab's Law")
				);
			});
		});
};
