"""The records and settings the app starts a site with. Each is made only where it is missing, and none is
assumed to be as Helpdesk ships it: landlords rename and delete ticket types, priorities and SLAs. What
the app would like but cannot find is said in UAB Settings (setup/health.py), never an install failure."""

import frappe

# Topics that always get through a protocol (policy 6.4.4; SPEC §5.1 rule 5-6).
DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES = ("Health and safety", "Emergency repair")
SAFETY_TICKET_TYPE = DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES[0]
SAFETY_PRIORITY = "Urgent"
# Where a possible complaint goes (complaints.py); made where missing, since no Helpdesk ships it.
COMPLAINT_TICKET_TYPE = "Complaint"
LETTER = "Letter"


def make_letter_medium() -> None:
	"""A reply sent as a letter is a Communication of medium "Letter" (replies.py): Frappe's list of media
	gains it by a Property Setter, the supported way to change a standard field on both Frappe lines."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	options = frappe.get_meta("Communication").get_field("communication_medium").options or ""
	if LETTER not in options.split("\n"):
		make_property_setter(
			"Communication",
			"communication_medium",
			"options",
			f"{options.rstrip()}\n{LETTER}",
			"Text",
			validate_fields_for_doctype=False,
		)


def make_default_ticket_types() -> None:
	"""The always-allowed topics, made and listed in UAB Settings the first time only: once the list has
	rows it is the landlord's, and a type they deleted is not made again by a migrate."""
	settings = frappe.get_single("UAB Settings")
	if settings.always_allowed_ticket_types:
		return
	for ticket_type in DEFAULT_ALWAYS_ALLOWED_TICKET_TYPES:
		if not frappe.db.exists("HD Ticket Type", ticket_type):
			frappe.get_doc({"doctype": "HD Ticket Type", "name": ticket_type}).insert(
				ignore_permissions=True, ignore_if_duplicate=True
			)
		settings.append("always_allowed_ticket_types", {"ticket_type": ticket_type})
	_save(settings)


def make_complaint_ticket_type() -> None:
	"""The complaints process needs a ticket type to route to: "Complaint", made once where missing."""
	if not frappe.db.exists("HD Ticket Type", COMPLAINT_TICKET_TYPE):
		frappe.get_doc({"doctype": "HD Ticket Type", "name": COMPLAINT_TICKET_TYPE}).insert(
			ignore_permissions=True, ignore_if_duplicate=True
		)


def make_default_settings() -> None:
	"""The health-and-safety terms (policy/safety.py), the safety type and priority, and the staff-support
	default, each written only where the setting is empty and what it names exists; a site that has its
	own keeps them, and a migrate that finds nothing missing saves nothing."""
	from uab_helpdesk.policy.safety import DEFAULT_TERMS

	settings = frappe.get_single("UAB Settings")
	wanted = {}
	if not settings.safety_ticket_type and frappe.db.exists("HD Ticket Type", SAFETY_TICKET_TYPE):
		wanted["safety_ticket_type"] = SAFETY_TICKET_TYPE
	if not settings.safety_priority and frappe.db.exists("HD Ticket Priority", SAFETY_PRIORITY):
		wanted["safety_priority"] = SAFETY_PRIORITY
	if not settings.default_precaution:
		wanted["default_precaution"] = "Visit in pairs"
	if not (wanted or not settings.safety_terms):
		return
	settings.update(wanted)
	for term in () if settings.safety_terms else DEFAULT_TERMS:
		settings.append(
			"safety_terms", {"category": term.category, "phrase": term.phrase, "ignore": int(term.ignore)}
		)
	_save(settings)


def _save(settings) -> None:
	"""A link the landlord set may name a record they have since deleted: that is reported in UAB Settings
	(setup/health.py), and must not stop an install or a migrate from finishing."""
	settings.flags.ignore_links = True
	settings.save(ignore_permissions=True)
