// Helpdesk agent UI (/helpdesk): part of the HD Form Script "UAB Protocol Banner" (setup/ui.py
// appends it to hd_form_script_banner.js, whose setupForm calls this with api.replies.ticket_view's answer).
// 1. The reply editor offers what the server decided (policy/reply.py) in place of
//    Send: "Send as letter" or "Send to {officer} for approval". The agent's text is sent as written; a
//    refusal keeps it in the editor. Anything else keeps Helpdesk's Send, and the server's answer to it.
// 2. Replies waiting for approval: the single point of contact sends or returns them from the ticket.
// 3. A message the language signal flagged is shown collapsed (staff welfare, policy 6.3.3).
// Helpdesk builds its editor and activity itself and offers no hook into them, so this finds them on the
// page; Helpdesk re-runs form scripts whenever the ticket changes, so every step is idempotent.
// `__` and `escape` are the banner's (hd_form_script_banner.js): one translator and one escaper per script.
function uabReplyActions({ doc, call, $dialog, __, escape }, view) {
	const explain = (error) =>
		$dialog({
			title: __("Not sent"),
			html: `<p>${escape((error && (error.messages || []).join(" ")) || (error && error.message) || error)}</p>`,
			actions: [{ label: __("Close"), variant: "solid", onClick: ({ close }) => close() }],
		});

	// 1. The reply editor: Helpdesk's Send button is hidden and ours put beside it.
	const editorOf = (button) => {
		for (let box = button.parentElement; box; box = box.parentElement) {
			const editor = box.querySelector(".ProseMirror");
			if (editor) return editor;
		}
		return null;
	};
	const submit = async (editor) => {
		const message = editor.editor ? editor.editor.getHTML() : editor.innerHTML;
		const method = view.reply.route === "letter" ? "send_as_letter" : "send_for_approval";
		let answer;
		try {
			answer = await call(`uab_helpdesk.api.replies.${method}`, { ticket: doc.name, message });
		} catch (error) {
			return explain(error); // the text stays in the editor
		}
		if (editor.editor) editor.editor.commands.clearContent(true);
		localStorage.removeItem(`emailBoxContent${doc.name}`); // Helpdesk keeps an unsent reply here
		const actions = [{ label: __("Close"), variant: "solid", onClick: () => location.reload() }];
		if (answer.print_url) actions.unshift({ label: __("Print letter"), variant: "subtle", onClick: () => window.open(answer.print_url) });
		$dialog({
			title: answer.print_url ? __("Letter recorded") : __("Sent for approval"),
			html: answer.print_url
				? `<p>${escape(__("The letter is on the ticket and waits in Letters to Post until it is marked posted."))}</p>` +
				  (answer.no_address ? `<p><strong>${escape(__("No postal address is recorded for this customer: add one to their contact before the letter is printed."))}</strong></p>` : "")
				: `<p>${escape(__("The reply waits on the ticket for {0}, who sends or returns it.").replace("{0}", view.reply.officer))}</p>`,
			actions,
		});
	};
	const offerOurs = () => {
		if (!view.reply || !view.reply.label) return;
		for (const original of document.querySelectorAll("button:not([data-uab-ours])")) {
			if (!original.dataset.uabReplaced && !/^Send\b/.test(original.textContent.trim())) continue;
			if (!editorOf(original)) continue;
			original.dataset.uabReplaced = "1";
			original.style.display = "none";
			if (original.nextElementSibling && original.nextElementSibling.dataset.uabOurs) continue;
			const ours = original.cloneNode(true);
			delete ours.dataset.uabReplaced;
			ours.dataset.uabOurs = "1";
			ours.style.display = "";
			ours.removeAttribute("disabled");
			ours.textContent = view.reply.label;
			ours.addEventListener("click", () => submit(editorOf(ours)));
			original.after(ours);
		}
	};

	// 3. Flagged messages: Helpdesk v1.28 marks each e-mail with its name; v1.15 by its text only.
	const textOf = (frame) => ((frame.contentDocument && frame.contentDocument.body && frame.contentDocument.body.innerText) || "").replace(/\s+/g, " ");
	// A threat is marked in red with what was found (6.3.1: the manager has been told; record it, report it).
	const collapse = (frame, message) => {
		if (frame.dataset.uabCollapsed) return;
		frame.dataset.uabCollapsed = "1";
		frame.style.display = "none";
		const show = document.createElement("button");
		show.type = "button";
		show.className = `uab-show-flagged rounded border px-2 py-1 text-sm ${message.threat ? "border-red-500 text-ink-red-4 font-semibold" : "text-ink-gray-7"}`;
		show.textContent = (message.kinds || []).length
			? __("This message shows: {0} — show", [message.kinds.join(", ")])
			: __("This message may contain abusive language — show");
		show.addEventListener("click", (event) => {
			event.stopPropagation();
			frame.style.display = "";
			show.remove();
		});
		frame.before(show);
	};
	const collapseFlagged = () => {
		for (const message of view.flagged || []) {
			const holder = document.getElementById(`communication-${message.name}`);
			const frames = holder ? holder.querySelectorAll("iframe") : [...document.querySelectorAll("iframe")].filter((frame) => message.snippet && textOf(frame).includes(message.snippet));
			frames.forEach((frame) => collapse(frame, message));
		}
	};

	const state = (window.__uabReply = window.__uabReply || {});
	state.tick = () => {
		if (!location.pathname.endsWith(`/tickets/${doc.name}`)) return;
		offerOurs();
		collapseFlagged();
	};
	if (!state.timer) {
		state.timer = setInterval(() => state.tick(), 400);
		// Ctrl/Cmd + Enter sends in Helpdesk's editor: where Send is replaced, it presses ours instead.
		window.addEventListener(
			"keydown",
			(event) => {
				if (!(event.key === "Enter" && (event.ctrlKey || event.metaKey))) return;
				const ours = [...document.querySelectorAll("button[data-uab-ours]")].find((button) => editorOf(button) && editorOf(button).contains(event.target));
				if (!ours) return;
				event.preventDefault();
				event.stopImmediatePropagation();
				ours.click();
			},
			true
		);
	}
	state.tick();

	// 2. Replies for approval on this ticket.
	const decide = (draft) =>
		$dialog({
			title: `${__("Reply for approval")} ${draft.name}`,
			html:
				`<p>${escape(__("Written by {0}").replace("{0}", draft.written_by_name))} · ${escape(draft.status_label)}</p>` +
				`<div class="prose-sm border rounded p-2 my-2">${draft.content_html}</div>` +
				(draft.return_reason ? `<p><strong>${escape(__("Returned"))}:</strong> ${escape(draft.return_reason)}</p>` : "") +
				(draft.can_decide ? `<label class="text-sm">${escape(__("Reason, if you return it"))}<textarea id="uab-return-reason" class="form-textarea w-full" rows="2"></textarea></label>` : ""),
			actions: draft.can_decide
				? [
						{
							label: __("Send"),
							variant: "solid",
							onClick: async ({ close }) => {
								try {
									const answer = await call("uab_helpdesk.api.replies.send_draft", { draft: draft.name });
									if (answer.print_url) window.open(answer.print_url);
								} catch (error) {
									return explain(error);
								}
								close();
								location.reload();
							},
						},
						{
							label: __("Return"),
							variant: "subtle",
							onClick: async ({ close }) => {
								try {
									await call("uab_helpdesk.api.replies.return_draft", { draft: draft.name, reason: document.getElementById("uab-return-reason").value });
								} catch (error) {
									return explain(error);
								}
								close();
								location.reload();
							},
						},
				  ]
				: [{ label: __("Close"), variant: "solid", onClick: ({ close }) => close() }],
		});
	const actions = (view.drafts || []).map((draft) => ({
		label: draft.can_decide ? `${__("Approve reply")} ${draft.name}` : `${__("Reply for approval")} ${draft.name}: ${draft.status_label}`,
		theme: draft.can_decide ? "orange" : "gray",
		variant: "subtle",
		onClick: () => decide(draft),
	}));
	return actions;
}
