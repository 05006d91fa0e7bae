"""A subject access export (UK GDPR Article 15): everything the app holds about one person, in plain
language with an index, as one HTML file a manager can send them.

It reuses the Ombudsman evidence pack's collection (`api.evidence.collect_case`), so the two can never
disagree about what the app holds. Staff are given by their role where UAB Settings say so; nothing of
another customer is included: only the contact's own records are collected, and from those the
addresses of others, and words meant for others too, are left out (`without_others`).
"""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, format_date, format_datetime, now_datetime, parse_addr

from uab_helpdesk.api.evidence import collect_case
from uab_helpdesk.letters import has_letter, letter_html
from uab_helpdesk.uab_helpdesk.doctype.uab_assessment.evidence import addresses_of
from uab_helpdesk.utils import translated_option

ROLES_IN_ORDER = ("UAB Director", "UAB Head of Service", "UAB Manager", "UAB Auditor", "Agent")
SKIPPED_FIELDTYPES = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Fold", "Heading"}
SKIPPED_FIELDS = {"amended_from", "contact", "contact_name"}


def plain_names() -> dict[str, str]:
	"""What each record is, in words the person can read (translated when the export is made)."""
	return {
		"UAB Incident": _("Incidents we recorded"),
		"UAB Customer Statement": _("Your statements about our records"),
		"UAB Warning": _("Warnings"),
		"UAB Assessment": _("Assessments by a manager"),
		"UAB Communication Protocol": _("Communication protocols"),
		"UAB Appeal": _("Appeals"),
		"UAB Protocol Review": _("Reviews of your protocol"),
		"UAB Contact Attempt": _("Contact that was stopped, held or flagged"),
		"UAB Staff Safety Marker": _("Staff safety precautions"),
		"UAB Reply Draft": _("Replies to you that waited for a manager's approval"),
	}


def role_titles() -> dict[str, str]:
	return {
		"UAB Director": _("a director"),
		"UAB Head of Service": _("a head of service"),
		"UAB Manager": _("a housing manager"),
		"UAB Auditor": _("an auditor"),
		"Agent": _("a housing officer"),
	}


def subject_access_html(contact: str) -> str:
	name = frappe.db.get_value("Contact", contact, "full_name") or contact
	titles = plain_names()
	staff = _staff_names()
	sections, index = [], []
	own = {address.lower() for address in addresses_of(contact)}
	for doctype, docs in collect_case(contact).items():
		docs = [without_others(doc, own) for doc in docs]
		title = titles[doctype]
		anchor = frappe.scrub(doctype)
		index.append(f'<li><a href="#{anchor}">{escape_html(title)}</a>: {len(docs)}</li>')
		none = _("None.")
		body = "".join(_record(doc, staff) for doc in docs) or f"<p>{escape_html(none)}</p>"
		sections.append(f'<h2 id="{anchor}">{escape_html(title)}</h2>{body}')
	heading = _("Information UAB Helpdesk holds about {0}").format(name)
	made = _("Made on {0}, in answer to a subject access request (UK GDPR Article 15).").format(
		format_datetime(now_datetime(), "d MMMM yyyy, HH:mm")
	)
	contents = _("Contents")
	return (
		f'<!doctype html><html><head><meta charset="utf-8"><title>{escape_html(heading)}</title></head><body>'
		f"<h1>{escape_html(heading)}</h1><p>{escape_html(made)}</p>"
		f"<h2>{escape_html(contents)}</h2><ul>{''.join(index)}</ul>{''.join(sections)}</body></html>"
	)


def without_others(doc, own: set[str]):
	"""UK GDPR Art. 15(4): the export holds nothing identifying anyone else. A contact attempt addressed to
	others too keeps only the person's own addresses, and its words only if they were meant for the person
	alone; what is left out is said, not silently dropped."""
	if doc.doctype != "UAB Contact Attempt" or not doc.get("recipients"):
		return doc
	addresses = [parse_addr(part)[1] or part.strip() for part in doc.recipients.split(",") if part.strip()]
	theirs = [address for address in addresses if address.lower() in own]
	if len(theirs) == len(addresses):
		return doc
	doc.recipients = ", ".join([*theirs, _("and others, not named here (UK GDPR Article 15(4))")])
	if doc.get("content"):
		doc.content = _(
			"The message was also addressed to others: its words are not included (UK GDPR Article 15(4))."
		)
	return doc


def _record(doc, staff: dict[str, str]) -> str:
	rows = []
	for df in doc.meta.fields:
		if df.fieldtype in SKIPPED_FIELDTYPES or df.fieldname in SKIPPED_FIELDS or df.hidden:
			continue
		value = doc.get(df.fieldname)
		if value in (None, "", []) or (df.fieldtype == "Check" and not value):
			continue
		rows.append((translated_option(df.label), _value(df, value, staff)))  # labels are in the POT
	table = "".join(f"<tr><th>{escape_html(label)}</th><td>{text}</td></tr>" for label, text in rows)
	html = f"<h3>{escape_html(doc.name)}</h3><table>{table}</table>"
	if has_letter(doc):
		sent = _("The letter we sent")
		html += f"<h4>{escape_html(sent)}</h4>{_with_roles(letter_html(doc), staff)}"
	return html


def _value(df, value, staff: dict[str, str]) -> str:
	if df.fieldtype in ("Table", "Table MultiSelect"):
		return "; ".join(
			escape_html(", ".join(str(v) for k, v in row.as_dict().items() if k in _row_fields(row) and v))
			for row in value
		)
	if df.fieldtype == "Link" and df.options == "User":
		return escape_html(staff.get(value, value))
	if df.fieldtype == "Select":
		return escape_html(translated_option(value))
	if df.fieldtype == "Datetime":
		return escape_html(format_datetime(value, "d MMMM yyyy, HH:mm"))
	if df.fieldtype == "Date":
		return escape_html(format_date(value, "d MMMM yyyy"))
	return _with_roles(escape_html(str(value)), staff)


def _row_fields(row) -> set[str]:
	return {df.fieldname for df in row.meta.fields if df.fieldtype not in SKIPPED_FIELDTYPES}


def _staff_names() -> dict[str, str]:
	"""User (and full name) -> what the export shows: their role, when UAB Settings say so."""
	setting = frappe.get_cached_doc("UAB Settings").get("subject_access_staff_as_roles")
	if setting is not None and not cint(setting):
		return {}
	shown, titles = {}, role_titles()
	roles: dict[str, set[str]] = {}
	for user, role in frappe.get_all(  # one query, not one role lookup per user
		"Has Role",
		filters={"parenttype": "User", "role": ("in", ROLES_IN_ORDER)},
		fields=["parent", "role"],
		as_list=True,
	):
		roles.setdefault(user, set()).add(role)
	for user, full_name in frappe.get_all(
		"User", filters={"user_type": "System User"}, fields=["name", "full_name"], as_list=True
	):
		held = roles.get(user, set())
		title = next((titles[role] for role in ROLES_IN_ORDER if role in held), _("a member of staff"))
		shown[user] = title
		if full_name and len(full_name) > 3:
			shown[full_name] = title
	return shown


def _with_roles(html: str, staff: dict[str, str]) -> str:
	for name in sorted(staff, key=len, reverse=True):
		if name in html:
			html = html.replace(name, escape_html(staff[name]))
	return html
