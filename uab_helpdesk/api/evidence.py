"""The Ombudsman evidence pack: a contact's whole case in one zip (issue: the ladder, part 6).

An investigator reading the records later needs every step in order: incidents, warnings, the
assessment, the protocol, its letters, every blocked or held contact, the appeal and the reviews."""

import io
import json
import zipfile

import frappe
from frappe import _
from frappe.utils import now_datetime

from uab_helpdesk.letters import PRINT_FORMATS, letter_html
from uab_helpdesk.utils import require_role

CASE_DOCTYPES = (
	"UAB Incident",
	"UAB Warning",
	"UAB Assessment",
	"UAB Communication Protocol",
	"UAB Appeal",
	"UAB Protocol Review",
	"UAB Contact Attempt",
)
EXPORTERS = ("UAB Manager", "UAB Head of Service", "UAB Director", "UAB Auditor", "System Manager")


@frappe.whitelist()
def export_case(contact: str) -> None:
	"""Download the case as `uab-case-<contact>.zip`; the export itself is recorded on the contact."""
	require_role(EXPORTERS, _("export a case for the Ombudsman"))
	if not frappe.db.exists("Contact", contact):
		frappe.throw(_("There is no contact {0}.").format(contact), frappe.DoesNotExistError)
	frappe.local.response.filename = f"uab-case-{frappe.scrub(contact)}.zip"
	frappe.local.response.filecontent = build_case_archive(contact)
	frappe.local.response.type = "download"
	frappe.get_doc("Contact", contact).add_comment(
		"Info", _("Case exported for the Ombudsman by {0}.").format(frappe.session.user)
	)


def build_case_archive(contact: str) -> bytes:
	buffer = io.BytesIO()
	index = {
		"contact": contact,
		"exported_on": str(now_datetime()),
		"exported_by": frappe.session.user,
		"records": {},
	}
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		for doctype in CASE_DOCTYPES:
			names = frappe.get_all(
				doctype, filters={"contact": contact}, pluck="name", order_by="creation asc"
			)
			records = [frappe.get_doc(doctype, name).as_dict(no_default_fields=False) for name in names]
			index["records"][doctype] = names
			archive.writestr(f"{frappe.scrub(doctype)}.json", json.dumps(records, indent=1, default=str))
			if doctype in PRINT_FORMATS:
				for name in names:
					doc = frappe.get_doc(doctype, name)
					if doc.docstatus == 1:
						archive.writestr(f"letters/{name}.html", letter_html(doc))
		archive.writestr("index.json", json.dumps(index, indent=1, default=str))
	return buffer.getvalue()
