// Desk: the communication protocol (or warning) of a ticket's, contact's or customer's customer,
// shown above the form. Every value is escaped; summary_html is escaped on the server.
frappe.provide("uab_helpdesk");

uab_helpdesk.escape = (value) => frappe.utils.escape_html(value == null ? "" : String(value));

uab_helpdesk.staff_safety_html = (banner) =>
	(banner.staff_safety || []).map((marker) => `<strong>${uab_helpdesk.escape(marker.summary)}</strong>`).join("<br>");

// 6.3.2: who may act for the customer, on what, and whether their authority stands today.
uab_helpdesk.third_party_text = (third_party) => {
	const e = uab_helpdesk.escape;
	const who = third_party.role ? `${e(third_party.name)} (${e(third_party.role)})` : e(third_party.name);
	const text = __("Third party: {0}, {1}. May act on: {2}.", [who, e(third_party.authority), e(third_party.scope)]);
	return third_party.authorised ? text : `${text} <strong>${__("Their authority does not stand today.")}</strong>`;
};

uab_helpdesk.banner_html = (banner) => {
	const e = uab_helpdesk.escape;
	const safety = uab_helpdesk.staff_safety_html(banner);
	if (banner.stage === "safety") return safety;
	const lead = [
		safety,
		banner.safety_matter ? `<strong>${e(banner.safety_matter)}</strong>` : "",
		banner.complaint ? `<strong>${e(banner.complaint)}</strong>` : "",
		...(banner.hazard_clocks || []).map((clock) => `<strong>${e(clock)}</strong>`),
	].filter(Boolean);
	if (banner.stage === "warned") {
		return [...lead, `<strong>${__("Warning")}:</strong> ${banner.summary_html}`].join("<br>");
	}
	const parts = [`<strong>${__("Communication protocol")}</strong> ${e(banner.protocol)}: ${banner.summary_html}`];
	if (banner.issue_limit) {
		parts.push(
			__("New issues this {0}: {1} of {2}.", [e(banner.issue_limit_period), e(banner.issues_this_period), e(banner.issue_limit)])
		);
	}
	if (banner.visits_by_appointment_only) parts.push(__("Office visits by appointment only."));
	if (banner.third_party) parts.push(uab_helpdesk.third_party_text(banner.third_party));
	if (banner.raised_by_third_party) parts.push(__("This ticket was raised by the customer's third party."));
	if (banner.appeal) parts.push(__("Appeal {0}: {1}.", [e(banner.appeal.name), e(banner.appeal.status)]));
	return [...lead, ...parts].join("<br>");
};

uab_helpdesk.show_banners = (frm, method, args) => {
	frm.set_intro("");
	if (frm.is_new()) return;
	frappe.call({ method, args }).then(({ message }) => {
		const banners = Array.isArray(message) ? message : message ? [message] : [];
		frm.set_intro("");
		banners.forEach((banner) => {
			const red = banner.stage === "protocol" || (banner.staff_safety || []).length;
			frm.set_intro(uab_helpdesk.banner_html(banner), red ? "red" : "orange");
		});
	});
};
