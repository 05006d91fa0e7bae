"""Email Queue: automatic mail (acknowledgements, feedback requests, Notification alerts, auto-replies)
to a protected customer (INTEGRATION §2 I). Never raises — that would abort ticket creation or email
intake — so a restricted recipient is withheld from the envelope and the withholding logged."""

import frappe
from frappe import _

from uab_helpdesk.enforcement import judge_outgoing
from uab_helpdesk.events.communication import is_policy_letter
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contacts_for_addresses, protocol_of_contact


def before_insert(doc, method=None):
	if doc.communication in (frappe.flags.uab_judged_communications or ()):
		return
	try:
		withhold_restricted_recipients(doc)
	except Exception:
		frappe.log_error(
			title="UAB Helpdesk: could not screen automatic mail", reference_doctype="Email Queue"
		)


def withhold_restricted_recipients(doc) -> None:
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
			agent=None,  # automatic mail is sent by no officer, so never by the single point of contact
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
