"""What every UAB case record shares: who acted is set by the server, and a submitted record changes
only through its named actions (SPEC §3, §4; issue: the case record as evidence)."""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.model import no_value_fields, table_fields
from frappe.model.document import Document
from frappe.utils import cint, cstr, flt, get_datetime, getdate, now_datetime

from uab_helpdesk.facts import customers_of_contact
from uab_helpdesk.utils import UABValidationError, require_role

# The Director's authorisation of immediate action (6.5): set only by `authorise_immediate_action`.
IMMEDIATE_ACTION_FIELDS = ("immediate_action", "authorising_director", "immediate_action_authorised_on")


def authorised_content(doc) -> str:
	"""What a Director's authorisation covers: every value of the record and of its rows, as the database
	keeps it (so that a date typed as text compares equal), except the authorisation itself."""
	return frappe.as_json(_values_of(doc, skip=set(IMMEDIATE_ACTION_FIELDS)))


def _values_of(doc, skip: set) -> dict:
	values = {}
	for df in doc.meta.fields:
		if df.fieldtype in no_value_fields or df.fieldname in skip:
			continue
		if df.fieldtype in table_fields:
			values[df.fieldname] = [_values_of(row, skip=set()) for row in doc.get(df.fieldname) or ()]
		else:
			values[df.fieldname] = _stored(df.fieldtype, doc.get(df.fieldname))
	return values


def _stored(fieldtype: str, value):
	if value in (None, ""):
		return None
	if fieldtype == "Date":
		return str(getdate(value))
	if fieldtype == "Datetime":
		return str(get_datetime(value).replace(microsecond=0))
	if fieldtype in ("Check", "Int"):
		return cint(value)
	if fieldtype in ("Float", "Currency", "Percent"):
		return flt(value)
	return cstr(value).strip() or None


class SubmittedRecordError(UABValidationError):
	"""A submitted record was edited other than through one of its named actions."""


class EvidenceRecord(Document):
	"""A submitted UAB record is evidence: it is never saved again. Its later facts (ended, letter sent,
	decided) are written by named server actions that check role and state and leave a timeline entry;
	a correction is a cancel and amend."""

	def before_update_after_submit(self):
		frappe.throw(
			_(
				"{0} is submitted and cannot be edited. It changes only through its actions (for example End protocol or Send letter), which record who did what; to correct it, cancel and amend it."
			).format(frappe.bold(self.name)),
			exc=SubmittedRecordError,
			title=_("Submitted Record"),
		)

	def set_actor(self, fieldname: str) -> None:
		"""Every 'who' on a record is the session user at the moment of the act, never a typed value."""
		self.set(fieldname, frappe.session.user)

	def add_timeline_entry(self, text: str) -> None:
		self.add_comment("Info", text)


class CaseRecord(EvidenceRecord):
	"""A record about one contact. Fills the customer from the contact when there is exactly one."""

	def set_customer(self) -> None:
		if self.get("customer") or not self.get("contact"):
			return
		customers = customers_of_contact(self.contact)
		if len(customers) == 1:
			self.customer = customers[0]

	def validate_linked_record(self, doctype: str, name: str, *, label: str) -> Document:
		"""The linked record must be submitted and about this same contact."""
		linked = frappe.get_doc(doctype, name)
		if linked.docstatus != 1:
			frappe.throw(
				_("{0} {1} must be submitted before it can be relied on.").format(label, frappe.bold(name))
			)
		if linked.contact != self.contact:
			frappe.throw(
				_("{0} {1} is about a different contact ({2}).").format(
					label, frappe.bold(name), frappe.bold(linked.contact_name or linked.contact)
				)
			)
		return linked

	# Immediate action (6.5): requested by anyone preparing the record, authorised by a Director only.

	def keep_immediate_action_server_set(self) -> None:
		"""Client values for the Director's authorisation are ignored: the fields keep what the server
		wrote. Authority is bound to what was authorised (6.5): a new record, an amendment, or a draft
		changed in any way after the Director authorised it carries none, and the Director must authorise
		again. Only a server-made variation keeps its basis (`uab_keep_authority`)."""
		if self.flags.uab_authorising or self.flags.uab_keep_authority:
			return
		source = self.get_doc_before_save()
		for fieldname in IMMEDIATE_ACTION_FIELDS:
			self.set(fieldname, source.get(fieldname) if source else None)
		self.immediate_action = self.immediate_action or 0
		if self.immediate_action and authorised_content(self) != authorised_content(source):
			for fieldname in IMMEDIATE_ACTION_FIELDS:
				self.set(fieldname, None)
			self.immediate_action = 0
			self.add_timeline_entry(
				_(
					"The Director's authorisation of immediate action is voided: the record changed after it was authorised (policy 6.5). A Director must authorise it again."
				)
			)

	def awaiting_director(self) -> bool:
		"""A draft whose immediate action is requested (a reason written) but not yet authorised: the
		usual gates wait for the Director's decision, and apply at submission if none comes."""
		return (
			self.docstatus == 0
			and not self.immediate_action
			and bool((self.immediate_action_reason or "").strip())
		)

	def validate_director(self) -> None:
		"""6.5: immediate action is signed off by a Director (re-checked: a Director may lose the role)."""
		if not self.get("immediate_action"):
			return
		if "UAB Director" not in frappe.get_roles(self.authorising_director):
			frappe.throw(
				_(
					"Immediate action must be authorised by a user with the role UAB Director (policy 6.5); {0} is not one."
				).format(frappe.bold(self.authorising_director))
			)

	@frappe.whitelist(methods=["POST"])
	def authorise_immediate_action(self, reason: str) -> None:
		"""6.5: a Director authorises action without the usual ladder, in their own name."""
		require_role(("UAB Director",), _("authorise immediate action"))
		self.check_draft(_("authorise immediate action"))
		if not (reason or "").strip():
			frappe.throw(_("Give the reason for immediate action."), frappe.MandatoryError)
		self.update(
			{
				"immediate_action": 1,
				"authorising_director": frappe.session.user,
				"immediate_action_authorised_on": now_datetime(),
				"immediate_action_reason": reason.strip(),
			}
		)
		self.flags.uab_authorising = True
		try:
			self.save()
		finally:
			# Only this save is the Director's: any later save of the same object is checked as usual.
			self.flags.uab_authorising = False
		self.add_timeline_entry(_("Immediate action authorised (policy 6.5): {0}").format(reason.strip()))

	@frappe.whitelist(methods=["POST"])
	def request_immediate_action(self, reason: str) -> None:
		"""A manager or Head of Service asks the Directors to authorise immediate action (6.5)."""
		require_role(("UAB Manager", "UAB Head of Service", "UAB Director"), _("request immediate action"))
		self.check_draft(_("request immediate action"))
		if not (reason or "").strip():
			frappe.throw(_("Give the reason for immediate action."), frappe.MandatoryError)
		self.immediate_action_reason = reason.strip()
		self.save()
		from uab_helpdesk.uab_helpdesk.doctype.uab_appeal.routing import directors

		if directors():
			assign(
				{
					"assign_to": directors(),
					"doctype": self.doctype,
					"name": self.name,
					"description": _("Immediate action requested (policy 6.5): {0}").format(reason.strip()),
				},
				ignore_permissions=True,
			)
		self.add_timeline_entry(_("Immediate action requested: {0}").format(reason.strip()))

	def check_draft(self, action: str) -> None:
		if self.docstatus != 0:
			frappe.throw(
				_("{0} is already submitted: you can {1} only on a draft.").format(
					frappe.bold(self.name), action
				),
				exc=SubmittedRecordError,
			)
