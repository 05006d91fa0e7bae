"""Contact: a protected customer's new address or number must be known to enforcement at once."""

from uab_helpdesk.protection import clear_protected_index, protocol_of_contact


def on_update(doc, method=None):
	if protocol_of_contact(doc.name):
		clear_protected_index()
