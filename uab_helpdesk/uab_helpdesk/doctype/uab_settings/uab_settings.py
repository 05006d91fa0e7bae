# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class UABSettings(Document):
	"""Site-wide settings of the Unacceptable Customer Behaviour policy."""

	def validate(self):
		self.validate_periods()

	def validate_periods(self) -> None:
		if not 1 <= (self.review_period_months or 0) <= 12:
			frappe.throw(
				_("Protocols are reviewed after between 1 and 12 months (the policy says six, 6.5.6).")
			)
		if (self.review_reminder_days or 0) >= self.review_period_months * 28:
			frappe.throw(_("The review reminder must come within the review period."))
		if (self.lookback_months or 0) < 12:
			frappe.throw(_("The lookback is at least 12 months (policy 6.5.3)."))
		if (self.retention_years or 0) < 1:
			frappe.throw(_("Keep records for at least one year."))
