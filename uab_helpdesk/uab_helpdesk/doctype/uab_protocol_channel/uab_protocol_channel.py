# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class UABProtocolChannel(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Email", "Letter", "Phone", "SMS", "In person", "Portal", "Third party"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
