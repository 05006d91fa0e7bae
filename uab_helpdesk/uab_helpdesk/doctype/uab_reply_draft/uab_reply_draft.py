# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from uab_helpdesk.utils import UABValidationError


class UABReplyDraft(Document):
	"""A reply an agent wrote on a ticket whose protocol lets only the single point of contact (or the
	deputy) reply (policy 6.4.2). Opened by `api.replies.send_for_approval`; sent or returned only by
	`api.replies.send_draft` / `return_draft`. Who wrote it and who decided are the session users."""

	def before_insert(self):
		if not self.flags.uab_action:
			frappe.throw(
				_("A reply for approval is made from the ticket: write the reply and send it for approval."),
				exc=UABValidationError,
			)
		self.status, self.written_by, self.written_on = (
			"Awaiting approval",
			frappe.session.user,
			now_datetime(),
		)
		self.decided_by = self.decided_on = self.sent_as = self.communication = self.return_reason = None

	def validate(self):
		if not self.is_new() and not self.flags.uab_action:
			frappe.throw(
				_("A reply for approval changes only when the single point of contact sends or returns it."),
				exc=UABValidationError,
			)
