# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class UABSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from uab_helpdesk.uab_helpdesk.doctype.uab_ticket_type.uab_ticket_type import UABTicketType

		always_allowed_ticket_types: DF.TableMultiSelect[UABTicketType]
		enforcement_mode: DF.Literal["Block", "Warn"]
		held_message_auto_reply: DF.Check
		held_message_template: DF.Link | None
		lapse_on_overdue_review: DF.Check
		lookback_months: DF.Int
		policy_url: DF.Data | None
		retention_years: DF.Int
		review_period_months: DF.Int
		review_reminder_days: DF.Int
	# end: auto-generated types
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
