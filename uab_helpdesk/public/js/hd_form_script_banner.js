// Helpdesk agent UI (/helpdesk): installed, with hd_form_script_reply.js after it, as the HD Form Script
// "UAB Protocol Banner" and kept in step on every migrate. One call (api.replies.ticket_view) brings the
// banner and the reply editor's ways. Helpdesk re-runs form scripts whenever the ticket changes, so the dialog is
// shown once per opening of a ticket, and the header action always offers the full rules. A ticket
// held for screening (policy 6.4.3) also offers its screening outcomes; the server checks them.
async function setupForm({ doc, call, $dialog }) {
	// The agent UI defines window.__ (Helpdesk's translations); the strings are in this app's POT file.
	const __ = window.__ || ((text) => text);
	const escape = (value) =>
		String(value == null ? "" : value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
	// 6.3.5: any ticket can be where unacceptable behaviour is first recorded; the incident form opens
	// in Desk with the customer and the ticket filled in.
	const recordIncident = {
		label: __("Record incident"),
		variant: "subtle",
		onClick: () => {
			const query = new URLSearchParams({ ticket: doc.name });
			if (doc.contact) query.set("contact", doc.contact);
			window.open(`/app/uab-incident/new?${query}`);
		},
	};
	// 6.3.3: one action records the incident with the abusive message linked; its letter goes from there.
	const recordAbuse = {
		label: __("Record abusive correspondence"),
		variant: "subtle",
		onClick: async () => {
			const recorded = await call("uab_helpdesk.api.correspondence.record_abusive_correspondence", { ticket: doc.name });
			window.open(`/app/uab-incident/${encodeURIComponent(recorded.incident)}`);
		},
	};
	const view = await call("uab_helpdesk.api.replies.ticket_view", { ticket: doc.name });
	const replyActions = uabReplyActions({ doc, call, $dialog, __, escape }, view); // hd_form_script_reply.js
	const banner = view.banner;
	if (!banner) return { actions: [recordIncident, recordAbuse, ...replyActions] };

	// 6.3.1: a staff-safety precaution is read before anything else, whatever the customer's stage.
	const safety = (banner.staff_safety || []).map((marker) => `<p><strong>${escape(marker.summary)}</strong></p>`).join("");
	const matter =
		(banner.safety_matter ? `<p><strong>${escape(banner.safety_matter)}</strong></p>` : "") +
		(banner.complaint ? `<p><strong>${escape(banner.complaint)}</strong></p>` : "") +
		(banner.hazard_clocks || []).map((clock) => `<p><strong>${escape(clock)}</strong></p>`).join("");
	const rules = () => safety + matter + stageRules();
	const stageRules = () => {
		if (banner.stage === "safety") return "";
		if (banner.stage === "warned") return `<p>${banner.summary_html}</p>`;
		const rows = [
			[__("Allowed channels"), banner.allowed_channels.join(", ")],
			[__("Single point of contact"), banner.single_point_of_contact],
			[__("Contact windows"), banner.windows.join("; ")],
			[__("Topics"), banner.topics.join(", ")],
			[__("Health and safety only until"), banner.health_and_safety_only_until],
			[__("New issues this period"), banner.issue_limit ? `${banner.issues_this_period} / ${banner.issue_limit} (${__(banner.issue_limit_period)})` : ""],
			[__("Third party"), banner.third_party ? `${banner.third_party.name}${banner.third_party.role ? ` (${banner.third_party.role})` : ""}, ${banner.third_party.authority || ""}${banner.third_party.authorised ? "" : ` — ${__("their authority does not stand today")}`}` : ""],
			[__("Third party may act on"), banner.third_party ? banner.third_party.scope : ""],
			[__("Raised by"), banner.raised_by_third_party ? __("the customer's third party") : ""],
			[__("Review due"), banner.review_due],
			[__("Appeal"), banner.appeal ? `${banner.appeal.name}: ${__(banner.appeal.status)}` : ""],
			[__("Held for screening"), banner.held ? banner.held.reason : ""],
			[__("Screening"), banner.held ? banner.held.screening_label : ""],
		].filter(([, value]) => value);
		const table = rows.map(([label, value]) => `<tr><th style="text-align:left;padding-right:1em">${escape(label)}</th><td>${escape(value)}</td></tr>`).join("");
		return `<p>${banner.summary_html}</p><table>${table}</table>`;
	};
	const open = () =>
		$dialog({
			title: { protocol: `${__("Communication protocol")} ${banner.protocol}`, warned: __("Unacceptable behaviour warning"), safety: __("Staff safety") }[banner.stage],
			html: rules(),
			actions: [{ label: __("Understood"), variant: "solid", onClick: ({ close }) => close() }],
		});
	const screen = () =>
		$dialog({
			title: __("Screen held message"),
			size: "5xl", // four outcomes side by side: a narrower dialog cuts the first ones off (Helpdesk v1.28)
			html: `<p>${escape(banner.held.reason)}</p><p>${escape(__("Held messages are still read for new information and safeguarding concerns."))}</p>`,
			actions: banner.held.outcomes.map((outcome) => ({
				label: outcome.label,
				variant: "subtle",
				onClick: async ({ close }) => {
					await call("uab_helpdesk.api.screening.screen_held_ticket", { ticket: doc.name, outcome: outcome.value });
					Object.assign(banner.held, { screening: outcome.value, screening_label: outcome.label, awaiting: false });
					close();
				},
			})),
		});

	window.__uabBannerShown = window.__uabBannerShown || {};
	const last = window.__uabBannerShown[doc.name] || 0;
	if (Date.now() - last > 10000) {
		window.__uabBannerShown[doc.name] = Date.now();
		open();
	}
	const label = { protocol: __("Protocol rules"), warned: __("Warning"), safety: __("Staff safety") }[banner.stage];
	const actions = [{ label, theme: "red", variant: "subtle", onClick: open }];
	if (banner.held && banner.held.awaiting) {
		actions.push({ label: __("Screen held message"), theme: "orange", variant: "subtle", onClick: () => banner.held.awaiting && screen() });
	}
	actions.push(recordIncident, recordAbuse, ...replyActions);
	return { actions };
}
