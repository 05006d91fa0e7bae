"""Contact: a protected customer's, or their third party's, new address or number must be known to
enforcement at once."""

import frappe

from uab_helpdesk.protection import clear_protected_index, protocol_of_contact


def on_update(doc, method=None):
	if protocol_of_contact(doc.name) or frappe.db.exists(
		"UAB Communication Protocol", {"third_party_contact": doc.name, "status": "Active", "docstatus": 1}
	):
		clear_protected_index()
