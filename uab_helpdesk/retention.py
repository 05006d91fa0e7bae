"""Retention that leaves no trace (policy 8.1; UK GDPR storage limitation).

When a closed case passes *Retention Years*, every UAB record of it keeps only what the registers count
(dates, types, channels, decisions) and loses every link or text that identifies a person: the contact,
customer, ticket, staff, third party and complaint ticket links, every text field, identifying child rows,
its Version history and Comments, the Communications and Email Queue rows of its letters, attached files,
and the Error Log, Access Log, ToDo and Notification Log entries about it. The case's tickets lose their
`uab_` fields; the customer's Contact and tickets themselves are Helpdesk's, and stay.

Which fields go is read from each DocType's meta, not listed by hand, so a field added later is covered:
text goes, links outside this app go, and Select, Date, Datetime, Int and Check values stay.

The job works in batches of contacts by SQL (keyset order on the indexed `contact` columns) and never
loads the register into memory; `benchmarks/retention_scale.py` measures it.
"""

import frappe
from frappe.utils import cint, getdate, today

from uab_helpdesk.policy.retention import ANONYMISED, retention_cutoff
from uab_helpdesk.utils import log_failure

BATCH_SIZE = 500
# Records that can start a case; every other record of a case has one of these too.
ROOTS = ("UAB Incident", "UAB Communication Protocol", "UAB Staff Safety Marker")
# The date of each record's last activity (SQL over its own table).
ACTIVITY = {
	"UAB Incident": "occurred_on",
	"UAB Customer Statement": "received_on",
	"UAB Warning": "issued_on",
	"UAB Assessment": "period_to",
	"UAB Communication Protocol": "coalesce(ended_on, modified)",
	"UAB Appeal": "coalesce(decided_on, modified)",
	"UAB Protocol Review": "coalesce(customer_notified_on, due_date)",
	"UAB Contact Attempt": "attempted_on",
	"UAB Staff Safety Marker": "coalesce(removed_on, placed_on)",
	"UAB Reply Draft": "coalesce(decided_on, written_on)",
}
TEXT_TYPES = {
	"Data",
	"Small Text",
	"Text",
	"Long Text",
	"Text Editor",
	"Markdown Editor",
	"HTML Editor",
	"Code",
}
KEPT_LINKS = {"HD Ticket Type", "HD Ticket Priority", "Email Template", "Language"}
# Text the registers count by, that says nothing about the person.
KEPT_TEXT = {"UAB Contact Attempt": ("rules_breached",)}
# Standard columns that hold a person, or text about one.
STANDARD_PEOPLE = ("owner", "modified_by")
STANDARD_TEXT = ("_comments", "_assign", "_liked_by", "_user_tags", "_seen")


def anonymise_closed_cases() -> int:
	"""Daily: anonymise every closed case past retention, a batch of contacts at a time. Returns how
	many cases it anonymised. A batch that fails is tried again case by case; a case that still fails
	is left as it was, logged without its text."""
	years = cint(frappe.db.get_single_value("UAB Settings", "retention_years")) or 6
	cutoff = retention_cutoff(getdate(today()), years)
	done = 0
	for root in ROOTS:
		after = ""
		while batch := _contacts_after(root, after):
			after = batch[-1]
			if due := due_for_anonymisation(batch, cutoff):
				done += _anonymise_batch(due)
			if not frappe.flags.in_test:
				frappe.db.commit()  # nosemgrep: a long scheduled job keeps its work batch by batch
	return done


def _anonymise_batch(contacts: list[str]) -> int:
	frappe.db.savepoint("uab_anonymise")
	try:
		anonymise_cases(contacts)
		return len(contacts)
	except Exception:
		frappe.db.rollback(save_point="uab_anonymise")
	done = 0
	for contact in contacts:
		frappe.db.savepoint("uab_anonymise")
		try:
			anonymise_cases([contact])
			done += 1
		except Exception:
			frappe.db.rollback(save_point="uab_anonymise")
			log_failure("UAB Helpdesk: anonymising a closed case failed", "Contact", contact)
	return done


def _contacts_after(root: str, after: str) -> list[str]:
	return frappe.db.sql_list(
		f"""select distinct contact from `tab{root}`
		where contact is not null and contact > %s order by contact limit %s""",
		(after, BATCH_SIZE),
	)


def due_for_anonymisation(contacts: list[str], cutoff) -> list[str]:
	"""Of these contacts, those whose case is closed (no Active protocol, no Active staff-safety marker)
	and whose last activity on any UAB record is on or before the cutoff."""
	if not contacts:
		return []
	activity = " union all ".join(
		f"select contact, {expression} as at from `tab{doctype}` where contact in %(contacts)s"
		for doctype, expression in ACTIVITY.items()
	)
	return frappe.db.sql_list(
		f"""select contact from ({activity}) activity group by contact
		having max(at) <= %(cutoff)s
		and contact not in (select contact from `tabUAB Communication Protocol`
			where contact in %(contacts)s and status = 'Active' and docstatus = 1)
		and contact not in (select contact from `tabUAB Staff Safety Marker`
			where contact in %(contacts)s and status = 'Active')""",
		{"contacts": tuple(contacts), "cutoff": cutoff},
	)


def anonymise_cases(contacts: list[str]) -> None:
	"""Straight to the database: submitted records and the audit log refuse edits through the ORM, by
	design. Each record set is a subquery on the batch's contacts, never a list of names in memory; the
	trail goes first, while the records still name their contact, and the records last."""
	params = {"contacts": tuple(contacts)}
	# Which rows of each DocType are the batch's, as a condition on the DocType's own table.
	where = {
		"UAB Welfare Follow-up": "incident in (select name from `tabUAB Incident` where contact in %(contacts)s)"
	}
	where.update(dict.fromkeys(ACTIVITY, "contact in %(contacts)s"))
	names = {
		doctype: f"select name from `tab{doctype}` where {condition}" for doctype, condition in where.items()
	}
	for doctype in where:
		remove_trail(doctype, names[doctype], params)
	_remove_ticket_states(names["UAB Communication Protocol"], params)
	for doctype in where:  # the follow-ups first: they are found through the incidents' contact
		_anonymise_rows(doctype, names[doctype], where[doctype], params)
	frappe.db.delete("UAB Equality Profile", {"contact": ("in", contacts)})
	for mark in ("UAB:%", "Case exported for the Ombudsman%"):  # the exports logged on the contact
		frappe.db.delete(
			"Comment",
			{"reference_doctype": "Contact", "reference_name": ("in", contacts), "content": ("like", mark)},
		)
	frappe.db.delete(
		"Error Log",
		{
			"reference_doctype": "Contact",
			"reference_name": ("in", contacts),
			"method": ("like", "UAB Helpdesk:%"),
		},
	)
	for contact in contacts:
		_remove_withheld_mail(contact)


def _remove_ticket_states(protocols: str, params: dict) -> None:
	"""What the app knew of the customer's tickets and messages (ticket_state.py), and its history, goes
	whole: the tickets themselves are Helpdesk's, and say nothing of the case once these are gone. A
	ticket is the case's when it is the customer's, or carried one of their protocols (a third party's)."""
	tickets = (
		"select name from `tabHD Ticket` where contact in %(contacts)s "
		f"union select ticket from `tabUAB Ticket State` where protocol in ({protocols})"
	)
	for doctype, names in (
		("UAB Hazard Clock", f"select name from `tabUAB Hazard Clock` where ticket in ({tickets})"),
		("UAB Message State", f"select name from `tabUAB Message State` where ticket in ({tickets})"),
		("UAB Ticket State", f"select name from `tabUAB Ticket State` where ticket in ({tickets})"),
	):
		remove_trail(doctype, names, params)
		frappe.db.sql(f"delete from `tab{doctype}` where name in (select name from ({names}) chosen)", params)


def _anonymise_rows(doctype: str, names: str, where: str, params: dict) -> None:
	meta = frappe.get_meta(doctype)
	for table in meta.get_table_fields():  # children first: the parents' subquery still finds them
		child = frappe.get_meta(table.options)
		rows = f"parenttype = %(parenttype)s and parent in ({names})"
		if _identifies(child):
			frappe.db.sql(f"delete from `tab{table.options}` where {rows}", {**params, "parenttype": doctype})
		elif child_values := _blanked(child, standard=False):
			_update(table.options, child_values, rows, {**params, "parenttype": doctype})
	_update(doctype, _blanked(meta), where, params)


def _update(doctype: str, values: dict, where: str, params: dict) -> None:
	"""``update ... set`` by SQL; ``where`` never selects from the table it updates (MariaDB refuses)."""
	assignments = ", ".join(f"`{field}` = %(set_{field})s" for field in values)
	frappe.db.sql(
		f"update `tab{doctype}` set {assignments} where {where}",
		{**params, **{f"set_{field}": value for field, value in values.items()}},
	)


def _blanked(meta, standard: bool = True) -> dict:
	"""Every field of the DocType that names or describes a person, with what it becomes."""
	values = {}
	for df in meta.fields:
		if df.fieldname in KEPT_TEXT.get(meta.name, ()):
			continue
		if df.fieldtype in TEXT_TYPES:
			values[df.fieldname] = ANONYMISED
		elif (
			df.fieldtype == "Link"
			and not (df.options or "").startswith("UAB ")
			and df.options not in KEPT_LINKS
		):
			values[df.fieldname] = None
		elif df.fieldtype == "Dynamic Link":
			values[df.fieldname] = None
	if standard:
		values.update(dict.fromkeys(STANDARD_TEXT))
		values.update(dict.fromkeys(STANDARD_PEOPLE, "Administrator"))
	columns = set(frappe.db.get_table_columns(meta.name))  # `_seen` exists only where seen is tracked
	return {field: value for field, value in values.items() if field in columns}


def _identifies(child_meta) -> bool:
	"""A child table whose rows point at a person's tickets or records outside this app (the
	complaint and ASB cases a protocol closed) goes whole; rules rows (channels, windows) stay."""
	return any(
		df.fieldtype == "Link" and not (df.options or "").startswith("UAB ") and df.options not in KEPT_LINKS
		for df in child_meta.fields
	)


def remove_trail(doctype: str, names: str, params: dict) -> None:
	"""What Frappe and this app wrote about the records (``names`` is a subquery): history, comments,
	letters sent and their mail, files, errors, access and assignment logs."""
	params = {**params, "doctype": doctype}
	# Files first: removing one writes an "Attachment Removed" comment on its record.
	for file in frappe.db.sql_list(
		f"select name from `tabFile` where attached_to_doctype = %(doctype)s and attached_to_name in ({names})",
		params,
	):
		frappe.delete_doc("File", file, ignore_permissions=True, force=True, delete_permanently=True)
	letters = f"select name from `tabCommunication` where reference_doctype = %(doctype)s and reference_name in ({names})"
	queued = (
		f"select name from `tabEmail Queue` where communication in ({letters}) "
		f"or (reference_doctype = %(doctype)s and reference_name in ({names}))"
	)
	for table, where in (
		("Email Queue Recipient", f"parent in ({queued})"),
		("Email Queue", f"name in (select name from ({queued}) as queued)"),
		("Communication Link", f"parent in ({letters})"),
		("Communication", f"name in (select name from ({letters}) as letters)"),
		("Version", f"ref_doctype = %(doctype)s and docname in ({names})"),
		("Comment", f"reference_doctype = %(doctype)s and reference_name in ({names})"),
		("ToDo", f"reference_type = %(doctype)s and reference_name in ({names})"),
		("Notification Log", f"document_type = %(doctype)s and document_name in ({names})"),
		("Error Log", f"reference_doctype = %(doctype)s and reference_name in ({names})"),
		("Access Log", f"export_from = %(doctype)s and reference_document in ({names})"),
	):
		frappe.db.sql(f"delete from `tab{table}` where {where}", params)


def _delete_email_queue(names: list[str]) -> None:
	if names:
		frappe.db.delete("Email Queue Recipient", {"parent": ("in", names)})
		frappe.db.delete("Email Queue", {"name": ("in", names)})


def _remove_withheld_mail(contact: str) -> None:
	"""Automatic mail a protocol withheld from the customer (`events.email_queue`): its text is theirs."""
	for email in frappe.get_all("Contact Email", filters={"parent": contact}, pluck="email_id"):
		_delete_email_queue(
			frappe.get_all(
				"Email Queue",
				filters={
					"status": "Error",
					"error": ("like", f"%Withheld by a communication protocol%{email}%"),
				},
				pluck="name",
			)
		)
