"""Email Queue: automatic mail (acknowledgements, feedback requests, Notification alerts, auto-replies)
to a protected customer (INTEGRATION §2 I). Never raises — that would abort ticket creation or email
intake — so a restricted recipient is withheld from the envelope and the withholding logged."""

import frappe
from frappe import _

from uab_helpdesk.enforcement import judge_outgoing
from uab_helpdesk.events.communication import is_policy_letter
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contacts_for_addresses, protocol_of_contact
from uab_helpdesk.utils import log_failure


def before_insert(doc, method=None):
	"""Mail is judged as e-mail whatever its Communication's medium says: a message already judged as an
	e-mail goes as judged; one judged as a letter, a call or a portal message, and now mailed, is judged
	again as the e-mail of the officer who wrote it."""
	judged = frappe.flags.uab_judged_communications or {}
	if judged.get(doc.communication) == Channel.EMAIL:
		return
	agent = (
		frappe.db.get_value("Communication", doc.communication, "user")
		if doc.communication in judged
		else None
	)
	try:
		withhold_restricted_recipients(doc, agent=agent)
	except Exception:
		log_failure(title="UAB Helpdesk: could not screen automatic mail", reference_doctype="Email Queue")


def withhold_restricted_recipients(doc, agent: str | None = None) -> list:
	"""Take out of ``doc`` (an Email Queue) the recipients whose protocol refuses this mail; the rows
	taken out are returned."""
	ticket = doc.reference_name if doc.reference_doctype == "HD Ticket" else None
	kept, withheld = [], []
	for row in doc.recipients:
		contact = next(iter(contacts_for_addresses(row.recipient)), None)
		if contact is None:
			kept.append(row)
			continue
		decision = judge_outgoing(
			contact,
			protocol_of_contact(contact),
			channel=Channel.EMAIL,
			agent=agent,  # automatic mail is sent by no officer, so never by the single point of contact
			ticket=ticket,
			about_policy=is_policy_letter(doc, contact),
			recipients=row.recipient,
			refuse=False,
		)
		(withheld if decision.refused else kept).append(row)
	if withheld:
		doc.set("recipients", kept)
		if not kept:
			# Nothing left to send: Error keeps it out of the send loop and shows why.
			doc.status = "Error"
			doc.error = _("Withheld by a communication protocol: {0}").format(
				", ".join(row.recipient for row in withheld)
			)
	return withheld


def withhold_queued_mail(contact: str) -> None:
	"""A protocol now applies: mail already queued for its customer (a delayed reply, a `send_after`)
	is judged again before it leaves, as the mail of whoever queued it. Letters about the customer's
	own UAB records were judged as such when they were sent and go as queued."""
	from uab_helpdesk.letters import PRINT_FORMATS

	emails = frappe.get_all("Contact Email", filters={"parent": contact}, pluck="email_id")
	queued = frappe.get_all(
		"Email Queue Recipient",
		filters={"recipient": ("in", emails or [""]), "status": ("in", ("", "Not Sent"))},
		pluck="parent",
		distinct=True,
	)
	for name in queued:
		doc = frappe.get_doc("Email Queue", name)
		if doc.status not in ("Not Sent", "Partially Sent"):
			continue
		if doc.reference_doctype in PRINT_FORMATS and (
			frappe.db.get_value(doc.reference_doctype, doc.reference_name, "contact") == contact
		):
			continue
		sender = doc.owner if doc.owner not in ("Administrator", "Guest") else None
		withheld = withhold_restricted_recipients(doc, agent=sender)
		if not withheld:
			continue
		frappe.db.delete(
			"Email Queue Recipient",
			{"parent": name, "recipient": ("in", [row.recipient for row in withheld])},
		)
		if not doc.recipients:
			doc.db_set({"status": doc.status, "error": doc.error}, update_modified=False)
