# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from uab_helpdesk.utils import MANAGER_ROLES, UABValidationError, require_role, translated_option


class UABStaffSafetyMarker(Document):
	"""A precaution every colleague sees on the customer's tickets and contact, never the incident
	behind it (policy 6.3.1, 6.3.5). Placed by a manager or by an incident of violence; removed only by
	`uab_helpdesk.api.staff.remove_staff_safety_marker`, with the reason kept."""

	def before_insert(self):
		# Who and when are the server's; an incident link only when an incident placed it.
		self.placed_by, self.placed_on, self.status = frappe.session.user, now_datetime(), "Active"
		self.removed_by = self.removed_on = self.removal_reason = None
		if not self.flags.uab_placed_by_incident:
			self.source_incident = None

	def validate(self):
		if not self.is_new():
			if not self.flags.uab_action:
				frappe.throw(
					_("A staff-safety marker changes only when a manager removes it, saying why."),
					exc=UABValidationError,
				)
			return
		if not self.flags.uab_placed_by_incident:  # the caller first (a manager's act), then the record
			require_role(MANAGER_ROLES, _("place a staff-safety marker"))
		if not self.source_incident and len((self.placed_reason or "").split()) < 3:
			frappe.throw(_("Say why colleagues need this precaution."), exc=UABValidationError)
		if frappe.db.exists(
			"UAB Staff Safety Marker",
			{"contact": self.contact, "precaution": self.precaution, "status": "Active"},
		):
			frappe.throw(
				_("{0} already has an active staff-safety marker: {1}.").format(
					self.contact_name or self.contact, translated_option(self.precaution)
				),
				exc=UABValidationError,
			)

	def after_insert(self):
		self.add_comment(
			"Info", _("Staff-safety marker placed: {0}.").format(translated_option(self.precaution))
		)
