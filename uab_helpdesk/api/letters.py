"""Sending a letter about the policy (warnings, protocol, appeal and review outcomes) and recording it.

The order of events is the policy's (6.5.4–6.5.6): the decision is made and submitted first, then the
customer is told in writing, once, in a letter signed by the person who decided. By Email the letter
goes as a Communication marked, for the enforcement hook, as exactly this record's letter to this
record's own customer (the rule for letters about the policy, 6.4.4); by Letter staff print and post
it. Either way the case records when and how, on the record's timeline and in the attempt log."""

import frappe
from frappe import _
from frappe.core.doctype.communication.email import make as send_communication
from frappe.utils import getdate, today

from uab_helpdesk.attempts import record_policy_letter
from uab_helpdesk.letters import PRINT_FORMATS, letter_html
from uab_helpdesk.policy.letters import LetterState, letter_not_ready
from uab_helpdesk.utils import MANAGER_ROLES, has_any_role, render, require_role

METHODS = ("Email", "Letter")

# Who may send each letter. The letter is signed by whoever decided, not by whoever sends it.
SENDERS = {
	"UAB Warning": ("Agent", *MANAGER_ROLES),  # an agent only their own warning
	"UAB Communication Protocol": ("UAB Head of Service", "UAB Manager"),
	"UAB Appeal": ("UAB Director", "UAB Head of Service", "UAB Manager"),
	"UAB Protocol Review": ("UAB Manager", "UAB Head of Service"),
	"UAB Incident": ("Agent", *MANAGER_ROLES),  # 6.3.3; an agent only for a message they recorded
}
KINDS = {
	"UAB Warning": "warning",
	"UAB Communication Protocol": "protocol",
	"UAB Appeal": "appeal",
	"UAB Protocol Review": "review",
	"UAB Incident": "correspondence",
}
# Where each record keeps the date its letter was sent, and its decision and reasons.
SENT_ON = {
	"UAB Communication Protocol": "letter_sent_on",
	"UAB Appeal": "outcome_letter_sent_on",
	"UAB Protocol Review": "customer_notified_on",
}
DECISION = {"UAB Appeal": ("decision", "decision_reasons"), "UAB Protocol Review": ("decision", "reasons")}


@frappe.whitelist(methods=["POST"])
def send_letter(doctype: str, name: str, method: str, correction: str | None = None) -> dict:
	"""The record's letter, once (6.5.4–6.5.6). A letter already sent is corrected only by a manager, with
	the reason, as a new letter recorded beside the first (issue 20): an officer cannot send it again."""
	if doctype not in PRINT_FORMATS:
		frappe.throw(_("There is no letter for {0}.").format(doctype))
	require_role(SENDERS[doctype], _("send this letter"))
	if method not in METHODS:
		frappe.throw(_("Send the letter by Email or Letter."))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	if doctype == "UAB Warning" and not has_any_role(*MANAGER_ROLES) and doc.issued_by != frappe.session.user:
		frappe.throw(
			_("Only the officer who issued this warning, or a manager, may send its letter."),
			frappe.PermissionError,
		)
	if doctype == "UAB Incident":
		if not has_any_role(*MANAGER_ROLES) and doc.owner != frappe.session.user:
			frappe.throw(
				_("Only the officer who recorded this incident, or a manager, may send its letter."),
				frappe.PermissionError,
			)
		if not doc.get("communication"):
			frappe.throw(_("Only an incident of abusive correspondence has a letter (policy 6.3.3)."))
	state = state_of(doc)
	if correction is not None:
		require_role(MANAGER_ROLES, _("send a corrected letter"))
		if not correction.strip():
			frappe.throw(_("Say what the corrected letter corrects."), frappe.MandatoryError)
		if not state.sent_on:
			frappe.throw(_("No letter has been sent for {0} yet: send the letter itself.").format(name))
	elif why_not := letter_not_ready(state):
		frappe.throw(render(why_not), title=_("Not Ready to Send"))
	communication = None
	if method == "Email":
		communication = email_letter(doc)
	if correction is not None:
		record_correction(doc, method, communication, correction.strip())
	else:
		record_letter(doc, method, communication)
	return {
		"communication": communication,
		"print_url": f"/printview?doctype={doctype}&name={name}&format={PRINT_FORMATS[doctype]}",
	}


def state_of(doc) -> LetterState:
	decision, reasons = DECISION.get(doc.doctype, (None, None))
	sent_on = doc.get(SENT_ON[doc.doctype]) if doc.doctype in SENT_ON else first_letter_sent_on(doc)
	return LetterState(
		kind=KINDS[doc.doctype],
		submitted=doc.docstatus == 1,
		status=doc.get("status"),
		decision=doc.get(decision) if decision else None,
		reasons=doc.get(reasons) if reasons else None,
		sent_on=getdate(sent_on) if sent_on else None,
	)


def first_letter_sent_on(doc):
	"""Warnings and incidents keep no date of their own: the attempt log records every policy letter."""
	return frappe.db.get_value(
		"UAB Contact Attempt",
		{"action": "Policy letter", "subject": f"{doc.doctype} {doc.name}"},
		"attempted_on",
		order_by="attempted_on asc",
	)


def email_letter(doc) -> str:
	email = frappe.db.get_value(
		"Contact Email", {"parent": doc.contact, "is_primary": 1}, "email_id"
	) or frappe.db.get_value("Contact Email", {"parent": doc.contact}, "email_id")
	if not email:
		frappe.throw(_("{0} has no email address: send the letter by post.").format(doc.contact))
	# This, and only this, is a letter about the policy: this record's letter to this record's customer.
	frappe.flags.uab_policy_letter = frappe._dict(doctype=doc.doctype, name=doc.name, contact=doc.contact)
	try:
		return send_communication(
			doctype=doc.doctype,
			name=doc.name,
			recipients=email,
			cc=_third_party_email(doc),
			subject=_("Our letter {0}").format(doc.name),
			content=letter_html(doc),  # the e-mail is the letter
			send_email=True,
		)["name"]
	finally:
		frappe.flags.uab_policy_letter = None


def _third_party_email(doc) -> str | None:
	"""The copy to the customer's third party goes with the e-mail too (6.3.2, 6.4.1)."""
	from uab_helpdesk.letters import third_party_copy

	protocol = doc.name if doc.doctype == "UAB Communication Protocol" else doc.get("protocol")
	if third_party := third_party_copy(doc.contact, protocol):
		return frappe.db.get_value("Contact", third_party, "email_id")
	return None


def record_letter(doc, method: str, communication: str | None = None) -> None:
	"""Write on the case when and how the customer was told; a protocol then takes effect (6.5.4)."""
	if doc.doctype == "UAB Communication Protocol":
		doc.record_letter_sent(method)
	elif doc.doctype == "UAB Appeal":
		doc.db_set("outcome_letter_sent_on", today())
	elif doc.doctype == "UAB Protocol Review":
		doc.db_set({"customer_notified_on": today(), "notification_method": method})
	how = _("email") if method == "Email" else _("post")
	doc.add_comment("Info", _("{0} sent by {1}.").format(PRINT_FORMATS[doc.doctype], how))
	record_policy_letter(doc, method, communication)


def record_correction(doc, method: str, communication: str | None, correction: str) -> None:
	"""A corrected letter: on the record's timeline and in the attempt log, with who sent it and why; the
	first letter's date and whatever it set in motion (a protocol's start) stay as they were."""
	how = _("email") if method == "Email" else _("post")
	doc.add_comment(
		"Info",
		_("Corrected {0} sent by {1} by {2}: {3}").format(
			PRINT_FORMATS[doc.doctype], how, frappe.utils.get_fullname(frappe.session.user), correction
		),
	)
	record_policy_letter(doc, method, communication, correction=correction)
