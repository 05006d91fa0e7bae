// Desk: the customer's own account of a disputed incident or warning, shown beside the record (UK GDPR
// Article 16; the Ombudsman hears both sides). Managers record it; it is never edited afterwards.
["UAB Incident", "UAB Warning"].forEach((doctype) => {
	frappe.ui.form.on(doctype, {
		refresh(frm) {
			if (frm.doc.docstatus !== 1) return;
			const managers = ["UAB Manager", "UAB Head of Service", "UAB Director"];
			if (frappe.user.has_role(managers)) {
				frm.add_custom_button(__("Record the customer's statement"), () =>
					frappe.new_doc("UAB Customer Statement", { record_type: doctype, record: frm.doc.name })
				);
			}
			if (!frappe.user.has_role([...managers, "UAB Auditor", "System Manager"])) return;
			frappe.db
				.get_list("UAB Customer Statement", {
					filters: { record_type: doctype, record: frm.doc.name },
					fields: ["name", "received_on", "statement"],
					order_by: "received_on asc",
				})
				.then((statements) => {
					statements.forEach((row) => {
						const said = frappe.utils.escape_html(row.statement);
						frm.set_intro(
							`<strong>${__("The customer disputes this record ({0}, {1}):", [row.name, frappe.datetime.str_to_user(row.received_on)])}</strong> ${said}`,
							"blue"
						);
					});
				});
		},
	});
});
