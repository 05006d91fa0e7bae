# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import re

import frappe
from frappe import _
from frappe.model.document import Document

from uab_helpdesk.utils import UABValidationError

_WORD = re.compile(r"[A-Za-z0-9]")


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

	def onload(self):
		"""What the app relies on and cannot find in this site, shown above the form (setup/health.py)."""
		from uab_helpdesk.setup.health import setup_problems

		self.set_onload("setup_problems", setup_problems())

	def validate(self):
		self.validate_periods()
		self.validate_safety_terms()

	def validate_safety_terms(self) -> None:
		"""6.4.4: every term says what it recognises and has words to look for."""
		for row in self.safety_terms:
			if not _WORD.search(row.phrase or ""):
				frappe.throw(
					_("Row {0} of the health and safety terms has no words to look for.").format(row.idx),
					exc=UABValidationError,
				)
			if not row.ignore and not row.category:
				frappe.throw(
					_("Row {0} of the health and safety terms needs a category, or Ignore ticked.").format(
						row.idx
					),
					exc=UABValidationError,
				)

	def validate_periods(self) -> None:
		if not 1 <= (self.review_period_months or 0) <= 6:
			frappe.throw(
				_("Protocols are reviewed at least every six months (policy 6.5.6): choose 1 to 6 months."),
				exc=UABValidationError,
			)
		if (self.review_reminder_days or 0) >= self.review_period_months * 28:
			frappe.throw(_("The review reminder must come within the review period."))
		if (self.lookback_months or 0) < 12:
			frappe.throw(_("The lookback is at least 12 months (policy 6.5.3)."))
		if (self.retention_years or 0) < 1:
			frappe.throw(_("Keep records for at least one year."))
