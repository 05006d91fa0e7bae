"""Sending a letter about the policy (warnings, protocol, appeal and review outcomes) and recording it.

By Email the letter goes as a Communication that references its record, the letter as its body: the
enforcement hook then applies the rule for letters about the policy (an allowed written channel, 6.4.4).
By Letter it is printed and posted by staff. Either way the case records when and how (6.5.4, 6.5.6)."""

import frappe
from frappe import _
from frappe.core.doctype.communication.email import make as send_communication
from frappe.utils import today

from uab_helpdesk.letters import PRINT_FORMATS, letter_html
from uab_helpdesk.policy.letters import outcome_letter_not_ready
from uab_helpdesk.utils import render

METHODS = ("Email", "Letter")
# The outcome letters, and the field that holds the reasons for their decision.
OUTCOME_REASONS = {"UAB Appeal": "decision_reasons", "UAB Protocol Review": "reasons"}


@frappe.whitelist(methods=["POST"])
def send_letter(doctype: str, name: str, method: str) -> dict:
	if doctype not in PRINT_FORMATS:
		frappe.throw(_("There is no letter for {0}.").format(doctype))
	if method not in METHODS:
		frappe.throw(_("Send the letter by Email or Letter."))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("write" if doc.docstatus == 0 else "read")
	if doctype in OUTCOME_REASONS and (
		why_not := outcome_letter_not_ready(doc.decision, doc.get(OUTCOME_REASONS[doctype]))
	):
		frappe.throw(render(why_not), title=_("Not Ready to Send"))
	print_format = PRINT_FORMATS[doctype]
	communication = None
	if method == "Email":
		email = frappe.db.get_value(
			"Contact Email", {"parent": doc.contact, "is_primary": 1}, "email_id"
		) or frappe.db.get_value("Contact Email", {"parent": doc.contact}, "email_id")
		if not email:
			frappe.throw(_("{0} has no email address: send the letter by post.").format(doc.contact))
		communication = send_communication(
			doctype=doctype,
			name=name,
			recipients=email,
			subject=_("Our letter {0}").format(name),
			content=letter_html(doc),  # the e-mail is the letter
			send_email=True,
		)["name"]
	record_letter(doc, method)
	return {
		"communication": communication,
		"print_url": f"/printview?doctype={doctype}&name={name}&format={print_format}",
	}


def record_letter(doc, method: str) -> None:
	"""Write on the case when and how the customer was told."""
	if doc.doctype == "UAB Communication Protocol":
		doc.db_set({"letter_sent_on": today(), "letter_method": method})
	elif doc.doctype == "UAB Appeal":
		doc.db_set("outcome_letter_sent_on", today())
	elif doc.doctype == "UAB Protocol Review":
		doc.db_set({"customer_notified_on": today(), "notification_method": method})
	how = _("email") if method == "Email" else _("post")
	doc.add_comment("Info", _("{0} sent by {1}.").format(PRINT_FORMATS[doc.doctype], how))
