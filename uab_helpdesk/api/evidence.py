"""The Ombudsman evidence pack: a contact's whole case in one zip (issue: the ladder, part 6).

An investigator reading the records later needs every step in order: incidents, warnings, the
assessment, the protocol, its letters, every blocked or held contact, the appeal and the reviews."""

import io
import json
import zipfile

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.letters import has_letter, letter_html
from uab_helpdesk.utils import require_role

CASE_DOCTYPES = (
	"UAB Incident",
	"UAB Customer Statement",
	"UAB Warning",
	"UAB Assessment",
	"UAB Communication Protocol",
	"UAB Appeal",
	"UAB Protocol Review",
	"UAB Contact Attempt",
	"UAB Staff Safety Marker",
	"UAB Reply Draft",
)
EXPORTERS = ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor", "System Manager")


@frappe.whitelist()
def export_case(contact: str) -> None:
	"""Download the case as `uab-case-<contact>.zip`; the export itself is recorded on the contact."""
	require_role(EXPORTERS, _("export a case for the Ombudsman"))
	_download(
		contact,
		f"uab-case-{frappe.scrub(contact)}.zip",
		build_case_archive,
		_("Case exported for the Ombudsman by {0}.").format(frappe.session.user),
	)


SUBJECT_ACCESS_EXPORTERS = ("UAB Manager", "UAB Head of Service", "UAB Director", "System Manager")


@frappe.whitelist()
def export_subject_access(contact: str) -> None:
	"""UK GDPR Article 15: everything the app holds about the person, as one file to send them."""
	require_role(SUBJECT_ACCESS_EXPORTERS, _("export what we hold about a person"))
	from uab_helpdesk.subject_access import subject_access_html

	_download(
		contact,
		f"subject-access-{frappe.scrub(contact)}.html",
		lambda name: subject_access_html(name).encode(),
		_("Subject access export made by {0}.").format(frappe.session.user),
	)


def _download(contact: str, filename: str, build, logged: str) -> None:
	"""After the caller check: the file as the response, and the export on the contact's timeline."""
	if not frappe.db.exists("Contact", contact):
		frappe.throw(_("There is no contact {0}.").format(contact), frappe.DoesNotExistError)
	frappe.local.response.filename = filename
	frappe.local.response.filecontent = build(contact)
	frappe.local.response.type = "download"
	log_export(contact, logged)


def log_export(contact: str, text: str) -> None:
	"""On the contact's timeline, marked as this app's, so retention can find and remove it (8.1)."""
	frappe.get_doc("Contact", contact).add_comment("Info", f"{EXPORT_LOG_PREFIX} {text}")


EXPORT_LOG_PREFIX = "UAB:"


def collect_case(contact: str) -> dict[str, list]:
	"""Every UAB record about the contact, oldest first, as the caller may read it: fields above the
	caller's permission level (support needs, adjustments) are emptied, never exported (need to know)."""
	records = {}
	for doctype in CASE_DOCTYPES:
		names = frappe.get_all(doctype, filters={"contact": contact}, pluck="name", order_by="creation asc")
		docs = []
		for name in names:
			doc = frappe.get_doc(doctype, name)
			doc.apply_fieldlevel_read_permissions()
			docs.append(doc)
		records[doctype] = docs
	return records


def build_case_archive(contact: str) -> bytes:
	buffer = io.BytesIO()
	index = {
		"contact": contact,
		"exported_on": str(now_datetime()),
		"exported_by": frappe.session.user,
		"records": {},
	}
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		for doctype, docs in collect_case(contact).items():
			index["records"][doctype] = [doc.name for doc in docs]
			records = [doc.as_dict(no_default_fields=False) for doc in docs]
			archive.writestr(f"{frappe.scrub(doctype)}.json", json.dumps(records, indent=1, default=str))
			for doc in docs:
				if has_letter(doc):
					archive.writestr(f"letters/{doc.name}.html", letter_html(doc))
		archive.writestr("index.json", json.dumps(index, indent=1, default=str))
	return buffer.getvalue()
