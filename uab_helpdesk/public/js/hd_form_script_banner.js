// Helpdesk agent UI (/helpdesk): installed as the HD Form Script "UAB Protocol Banner" and kept in
// step on every migrate. Helpdesk re-runs form scripts whenever the ticket changes, so the dialog is
// shown once per opening of a ticket, and the header action always offers the full rules.
async function setupForm({ doc, call, $dialog }) {
	const escape = (value) =>
		String(value == null ? "" : value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
	const banner = await call("uab_helpdesk.api.protocol.get_banner", { ticket: doc.name });
	if (!banner) return { actions: [] };

	const rules = () => {
		if (banner.stage === "warned") return `<p>${banner.summary_html}</p>`;
		const rows = [
			["Allowed channels", banner.allowed_channels.join(", ")],
			["Single point of contact", banner.single_point_of_contact],
			["Contact windows", banner.windows.join("; ")],
			["Topics", banner.topics.join(", ")],
			["Health and safety only until", banner.health_and_safety_only_until],
			["New issues this period", banner.issue_limit ? `${banner.issues_this_period} / ${banner.issue_limit} (${banner.issue_limit_period})` : ""],
			["Review due", banner.review_due],
			["Appeal", banner.appeal ? `${banner.appeal.name}: ${banner.appeal.status}` : ""],
		].filter(([, value]) => value);
		const table = rows.map(([label, value]) => `<tr><th style="text-align:left;padding-right:1em">${escape(label)}</th><td>${escape(value)}</td></tr>`).join("");
		return `<p>${banner.summary_html}</p><table>${table}</table>`;
	};
	const open = () =>
		$dialog({
			title: banner.stage === "protocol" ? `Communication protocol ${banner.protocol}` : "Unacceptable behaviour warning",
			html: rules(),
			actions: [{ label: "Understood", variant: "solid", onClick: ({ close }) => close() }],
		});

	window.__uabBannerShown = window.__uabBannerShown || {};
	const last = window.__uabBannerShown[doc.name] || 0;
	if (Date.now() - last > 10000) {
		window.__uabBannerShown[doc.name] = Date.now();
		open();
	}
	return {
		actions: [{ label: banner.stage === "protocol" ? "Protocol rules" : "Warning", theme: "red", variant: "subtle", onClick: open }],
	};
}
