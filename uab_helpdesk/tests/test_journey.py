"""One customer's whole journey through policy 6.5, each step by the role that takes it."""

import frappe
from frappe.utils import add_days, add_months, today

from uab_helpdesk.api.letters import send_letter
from uab_helpdesk.tasks import review_protocols
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	make_assessment,
	make_contact,
	make_incident,
	make_staff,
	make_warning,
	protocol_fields,
)
from uab_helpdesk.utils import UABValidationError


class TestJourney(UABTestCase):
	def test_from_first_incident_to_protocol_appeal_and_review_6_5(self):
		staff = make_staff()
		contact = make_contact("Journey Tenant")

		with self.set_user(staff.agent):  # 6.3.5, 6.5.1: the officer records and warns
			first = make_incident(contact, hours=96)
			make_warning(contact, "Initial", [first], hours=90, method="Phone")
			second = make_incident(contact, hours=72)
			with self.assertRaises(frappe.PermissionError):  # 6.5.2: a formal warning is a manager's
				make_warning(contact, "Formal", [second], hours=60)
		with self.set_user(staff.manager):
			formal = make_warning(contact, "Formal", [second], hours=60)
			with self.assertRaises(UABValidationError):  # 6.5.3: the behaviour must continue after it
				make_assessment(contact, formal)
		with self.set_user(staff.agent):
			make_incident(contact, hours=24)
		with self.set_user(staff.manager):  # 6.5.3: the manager assesses, evidence counted
			assessment = make_assessment(contact, formal)
			self.assertEqual(frappe.db.get_value("UAB Assessment", assessment, "incident_count"), 3)
			self.assertEqual(frappe.db.get_value("UAB Assessment", assessment, "assessed_by"), staff.manager)
			protocol = frappe.get_doc(protocol_fields(contact, assessment=assessment)).insert()
			with self.assertRaises(frappe.PermissionError):  # 6.5.4: only a Head of Service authorises
				protocol.submit()
		with self.set_user(staff.head):
			with self.assertRaises(frappe.ValidationError):  # 6.5.4: no letter before the authorisation
				send_letter("UAB Communication Protocol", protocol.name, "Letter")
			protocol = frappe.get_doc("UAB Communication Protocol", protocol.name)
			protocol.submit()
			self.assertEqual(protocol.status, "Authorised")  # decided, not yet told
			send_letter("UAB Communication Protocol", protocol.name, "Letter")
		protocol.reload()
		self.assertEqual((protocol.status, protocol.authorised_by), ("Active", staff.head))

		with self.set_user(staff.manager):  # 6.5.5: one appeal, to an uninvolved Director
			appeal = frappe.get_doc(
				{
					"doctype": "UAB Appeal",
					"protocol": protocol.name,
					"received_via": "Letter",
					"grounds": "Unfair.",
				}
			).insert()
			with self.assertRaises(frappe.ValidationError):
				frappe.get_doc(
					{
						"doctype": "UAB Appeal",
						"protocol": protocol.name,
						"received_via": "Email",
						"grounds": "Again.",
					}
				).insert()
		appeal.reload()
		self.assertNotIn(appeal.director, (staff.manager, staff.head))
		with self.set_user(appeal.director):
			appeal.decision, appeal.decision_reasons = (
				"Upheld",
				"Three recorded incidents after two warnings.",
			)
			appeal.submit()
			send_letter("UAB Appeal", appeal.name, "Letter")
		self.assertEqual(frappe.db.get_value("UAB Communication Protocol", protocol.name, "status"), "Active")

		frappe.db.set_value(
			"UAB Communication Protocol", protocol.name, "review_due_date", add_days(today(), 7)
		)
		review_protocols()  # 6.5.6: the review opens before it is due
		review = frappe.get_doc("UAB Protocol Review", {"protocol": protocol.name})
		self.assertEqual(review.reviewer, staff.manager)  # the manager who assessed
		review.update(
			{
				"decision": "Continue",
				"reasons": "One further incident.",
				"next_review_date": add_months(review.due_date, 6),
			}
		)
		with self.set_user(staff.manager):
			review.save()
			with self.assertRaises(frappe.ValidationError):  # the customer is told of a decision made
				send_letter("UAB Protocol Review", review.name, "Letter")
			review.submit()
			send_letter("UAB Protocol Review", review.name, "Letter")
		self.assertTrue(frappe.db.get_value("UAB Protocol Review", review.name, "customer_notified_on"))
		self.assertEqual(
			str(frappe.db.get_value("UAB Communication Protocol", protocol.name, "review_due_date")),
			str(review.next_review_date),
		)
