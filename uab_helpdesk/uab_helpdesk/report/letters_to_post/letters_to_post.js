// Letters to Post: replies sent as letters (policy 6.4.2). "Print all" prints every letter listed in one
// PDF, with Frappe's own multi-document print (api.replies.print_letters); "Mark all as posted" records who posted them and when
// (the server sets both, and refuses anything that is not a letter waiting to be posted).
frappe.query_reports["Letters to Post"] = {
	filters: [
		{ fieldname: "status", label: __("Status"), fieldtype: "Select", options: "To post\nPosted", default: "To post" },
		{ fieldname: "ticket", label: __("Ticket"), fieldtype: "Link", options: "HD Ticket" },
	],
	onload(report) {
		const listed = () => (frappe.query_report.data || []).map((row) => row.communication).filter(Boolean);
		report.page.add_inner_button(__("Print all"), () => {
			const names = listed();
			if (!names.length) return frappe.msgprint(__("There are no letters to print."));
			const query = new URLSearchParams({ communications: JSON.stringify(names) });
			window.open(`/api/method/uab_helpdesk.api.replies.print_letters?${query}`);
		});
		report.page.add_inner_button(__("Mark all as posted"), () => {
			const names = listed();
			if (!names.length || frappe.query_report.get_filter_value("status") !== "To post") return;
			frappe.confirm(__("Record that these {0} letters were printed and posted?", [names.length]), () =>
				frappe
					.call({ method: "uab_helpdesk.api.replies.mark_letters_posted", args: { communications: names }, freeze: true })
					.then(({ message }) => {
						frappe.show_alert({ message: __("{0} letters marked as posted.", [message]), indicator: "green" });
						frappe.query_report.refresh();
					})
			);
		});
	},
};
