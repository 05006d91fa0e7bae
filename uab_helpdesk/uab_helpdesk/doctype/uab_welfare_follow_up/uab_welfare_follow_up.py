# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from uab_helpdesk.utils import UABValidationError


class UABWelfareFollowup(Document):
	"""Support for a staff member an incident affected (policy 2.2, 5.2). Opened by the server when the
	incident is submitted; closed only by `uab_helpdesk.api.staff.close_welfare_follow_up`."""

	def before_insert(self):
		if not self.flags.uab_opened_by_incident:
			frappe.throw(
				_("A welfare follow-up is opened by submitting an incident that names the staff affected."),
				exc=UABValidationError,
			)
		self.status, self.opened_on = "Open", now_datetime()
		self.support_offered = self.closed_by = self.closed_on = None

	def validate(self):
		if not self.is_new() and not self.flags.uab_action:
			frappe.throw(
				_("A welfare follow-up changes only when a manager closes it with the support offered."),
				exc=UABValidationError,
			)
