"""What every UAB case record (incident, warning, assessment, protocol) shares."""

import frappe
from frappe import _
from frappe.model.document import Document

from uab_helpdesk.facts import customers_of_contact


class CaseRecord(Document):
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

	def validate_director(self) -> None:
		"""6.5: immediate action is signed off by a Director."""
		if not self.get("immediate_action"):
			return
		if "UAB Director" not in frappe.get_roles(self.authorising_director):
			frappe.throw(
				_(
					"Immediate action must be authorised by a user with the role UAB Director (policy 6.5); {0} is not one."
				).format(frappe.bold(self.authorising_director))
			)
