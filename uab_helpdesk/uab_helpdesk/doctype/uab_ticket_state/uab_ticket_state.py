# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class UABTicketState(Document):
	"""Written only by the server (uab_helpdesk/ticket_state.py); no role may create or change it."""
