# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from uab_helpdesk.utils import MANAGER_ROLES, UABValidationError, require_role


class UABCustomerStatement(Document):
	"""The customer's own account of an incident or warning they dispute (UK GDPR Article 16; the
	Ombudsman hears both sides). Kept beside the record, in its evidence pack and subject-access export,
	and anonymised with it, never before. Once recorded it is never changed."""

	def before_insert(self):
		require_role(MANAGER_ROLES, _("record a customer's statement"))
		self.recorded_by = frappe.session.user
		self.contact = frappe.db.get_value(self.record_type, self.record, "contact")

	def validate(self):
		if not self.is_new():
			frappe.throw(
				_("A customer's statement is kept as it was given; record a further statement instead."),
				exc=UABValidationError,
			)
		if not frappe.db.get_value(self.record_type, self.record, "docstatus") == 1:
			frappe.throw(
				_("A statement answers a recorded (submitted) incident or warning."), exc=UABValidationError
			)
		if not (self.statement or "").strip():
			frappe.throw(_("Write down what the customer says."), frappe.MandatoryError)
