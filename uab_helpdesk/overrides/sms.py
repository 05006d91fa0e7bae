"""Text messages through Frappe's SMS Settings: Desk's Send SMS (the whitelisted endpoint) and
Notifications on the SMS channel. A text is its own channel (SMS), judged by the same decision as every
other path: staff sending a text that breaches a protocol are refused; an automatic text is never
refused, its restricted numbers are withheld and logged."""

import json

import frappe
from frappe import _
from frappe.email.doctype.notification.notification import Notification

from uab_helpdesk.enforcement import judge_outgoing
from uab_helpdesk.policy.values import Channel
from uab_helpdesk.protection import contact_for_phone, protocol_of_contact


def numbers_allowed(numbers: list[str], message: str, *, sent_by: str | None, refuse: bool) -> list[str]:
	"""The numbers this text may go to; each protected customer's number is judged on the SMS channel."""
	allowed = []
	for number in numbers:
		contact = contact_for_phone(number)
		protocol = protocol_of_contact(contact)
		if protocol:
			decision = judge_outgoing(
				contact,
				protocol,
				channel=Channel.SMS,
				agent=sent_by,
				content=message,
				recipients=number,
				refuse=refuse,
			)
			if decision.refused:
				continue
		allowed.append(number)
	return allowed


@frappe.whitelist()
def send_sms(receiver_list, msg, sender_name="", success_msg=True):
	"""Frappe's Send SMS, for desk users only, checked against every recipient's protocol first."""
	if (
		frappe.session.user == "Guest"
		or frappe.get_cached_value("User", frappe.session.user, "user_type") != "System User"
	):
		frappe.throw(_("Only staff may send text messages."), frappe.PermissionError)
	from frappe.core.doctype.sms_settings.sms_settings import send_sms as frappe_send_sms

	numbers = json.loads(receiver_list) if isinstance(receiver_list, str) else receiver_list
	numbers = numbers if isinstance(numbers, list) else [numbers]
	numbers_allowed([str(number) for number in numbers], msg, sent_by=frappe.session.user, refuse=True)
	return frappe_send_sms(
		receiver_list=receiver_list, msg=msg, sender_name=sender_name, success_msg=success_msg
	)


class UABNotification(Notification):
	"""A Notification on the SMS channel is automatic contact: restricted numbers are withheld."""

	def send_sms(self, doc, context):
		from frappe.core.doctype.sms_settings.sms_settings import send_sms as frappe_send_sms

		message = frappe.render_template(self.message, context)
		numbers = numbers_allowed(
			self.get_receiver_list(doc, context) or [], message, sent_by=None, refuse=False
		)
		if numbers:
			frappe_send_sms(receiver_list=numbers, msg=message)
