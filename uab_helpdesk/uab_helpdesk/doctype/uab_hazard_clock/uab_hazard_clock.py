# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class UABHazardClock(Document):
	"""Written only by the server (uab_helpdesk/hazards.py); its steps by `api.hazards.record_step`."""
