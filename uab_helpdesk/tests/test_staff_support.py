"""Staff supported and colleagues warned (policy 2.2, 5.2, 6.3.1, 6.3.5)."""

import frappe

from uab_helpdesk.api.protocol import get_banner, get_contact_banner
from uab_helpdesk.api.staff import close_welfare_follow_up, remove_staff_safety_marker
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_staff, make_ticket
from uab_helpdesk.utils import UABValidationError

VIOLENCE = {
	"physical_violence": "Threatened",
	"police_reported": 1,
	"police_reference": "CAD 1234 01/12",
	"behaviour_type": "Intimidation or threatening",
	"description": "Caller said he would come to the office and hit the officer with a bat.",
}


class TestWelfareFollowUp(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.contact = make_contact("Shouting Tenant")
		# The settings saved here are rolled back with the class; their cached copy must go too.
		cls.addClassCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		settings = frappe.get_single("UAB Settings")
		settings.set("line_managers", [{"staff_member": cls.staff.agent, "manager": cls.staff.manager}])
		settings.save()

	def follow_up_of(self, incident: str):
		return frappe.get_doc("UAB Welfare Follow-up", {"incident": incident})

	def test_an_incident_naming_staff_alerts_their_line_manager_2_2(self):
		incident = make_incident(self.contact, staff_affected=self.staff.agent)
		follow_up = self.follow_up_of(incident)
		self.assertEqual((follow_up.status, follow_up.manager), ("Open", self.staff.manager))
		self.assertTrue(
			frappe.db.exists(
				"ToDo",
				{"reference_name": follow_up.name, "allocated_to": self.staff.manager, "status": "Open"},
			)
		)

	def test_without_a_line_manager_every_uab_manager_but_the_staff_member_is_alerted_2_2(self):
		incident = make_incident(self.contact, staff_affected=self.staff.other_manager)
		follow_up = self.follow_up_of(incident)
		alerted = frappe.get_all("ToDo", filters={"reference_name": follow_up.name}, pluck="allocated_to")
		self.assertIn(self.staff.manager, alerted)
		self.assertNotIn(self.staff.other_manager, alerted)

	def test_an_incident_without_staff_affected_opens_nothing(self):
		incident = make_incident(self.contact)
		self.assertFalse(frappe.db.exists("UAB Welfare Follow-up", {"incident": incident}))

	def test_an_agent_cannot_close_a_follow_up_and_nothing_changes_5_2(self):
		follow_up = self.follow_up_of(make_incident(self.contact, staff_affected=self.staff.agent))
		with self.set_user(self.staff.other_agent), self.assertRaises(frappe.PermissionError):
			close_welfare_follow_up(follow_up.name, "Nothing needed.")
		self.assertEqual(frappe.db.get_value(follow_up.doctype, follow_up.name, "status"), "Open")

	def test_the_staff_member_cannot_close_their_own_follow_up_5_2(self):
		follow_up = self.follow_up_of(make_incident(self.contact, staff_affected=self.staff.other_manager))
		with self.set_user(self.staff.other_manager), self.assertRaises(UABValidationError):
			close_welfare_follow_up(follow_up.name, "I am fine, thanks.")
		self.assertEqual(frappe.db.get_value(follow_up.doctype, follow_up.name, "status"), "Open")

	def test_a_manager_closes_it_with_the_support_offered_in_their_own_name_5_2(self):
		follow_up = self.follow_up_of(make_incident(self.contact, staff_affected=self.staff.agent))
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError):
			close_welfare_follow_up(follow_up.name, "  ")
		with self.set_user(self.staff.manager):
			close_welfare_follow_up(follow_up.name, "Debrief held; counselling through the EAP offered.")
		follow_up.reload()
		self.assertEqual((follow_up.status, follow_up.closed_by), ("Closed", self.staff.manager))
		self.assertIn("counselling", follow_up.support_offered)
		self.assertFalse(
			frappe.db.exists("ToDo", {"reference_name": follow_up.name, "status": "Open"}),
			"the manager's assignment closes with the follow-up",
		)
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError):
			close_welfare_follow_up(follow_up.name, "Closed twice.")

	def test_a_follow_up_cannot_be_made_or_edited_by_hand(self):
		with self.assertRaises(UABValidationError):
			frappe.get_doc({"doctype": "UAB Welfare Follow-up", "staff_member": self.staff.agent}).insert(
				ignore_permissions=True
			)
		follow_up = self.follow_up_of(make_incident(self.contact, staff_affected=self.staff.agent))
		follow_up.support_offered = "Typed in afterwards."
		with self.assertRaises(UABValidationError):
			follow_up.save(ignore_permissions=True)


class TestStaffSafetyMarker(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.contact = make_contact("Threatening Tenant")
		self.ticket = make_ticket(self.contact)

	def marker(self):
		return frappe.get_doc("UAB Staff Safety Marker", {"contact": self.contact, "status": "Active"})

	def test_violence_threatened_places_a_marker_every_agent_sees_without_the_incident_6_3_1(self):
		make_incident(self.contact, **VIOLENCE)
		self.assertEqual(self.marker().precaution, "Visit in pairs")
		with self.set_user(self.staff.other_agent):
			ticket_banner = get_banner(self.ticket)
			contact_banner = get_contact_banner(self.contact)
		for banner in (ticket_banner, contact_banner):
			self.assertEqual(banner["stage"], "safety")
			self.assertIn("Staff safety: Visit in pairs", banner["staff_safety"][0]["summary"])
			self.assertNotIn("bat", frappe.as_json(banner), "the incident's details never reach the banner")
			self.assertNotIn("UAB-INC", frappe.as_json(banner))

	def test_an_incident_without_violence_places_no_marker(self):
		make_incident(self.contact)
		self.assertFalse(frappe.db.exists("UAB Staff Safety Marker", {"contact": self.contact}))
		with self.set_user(self.staff.agent):
			self.assertIsNone(get_banner(self.ticket))

	def test_an_agent_cannot_place_or_remove_a_marker_and_nothing_changes_6_3_5(self):
		make_incident(self.contact, **VIOLENCE)
		marker = self.marker()
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			remove_staff_safety_marker(marker.name, "He has calmed down now, I think.")
		self.assertEqual(frappe.db.get_value(marker.doctype, marker.name, "status"), "Active")
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			frappe.get_doc(
				{
					"doctype": "UAB Staff Safety Marker",
					"contact": self.contact,
					"precaution": "No lone visits",
					"placed_reason": "Agent thinks he is dangerous.",
				}
			).insert()

	def test_a_marker_is_not_edited_away_6_3_5(self):
		make_incident(self.contact, **VIOLENCE)
		marker = self.marker()
		marker.status = "Removed"
		with self.assertRaises(UABValidationError):
			marker.save(ignore_permissions=True)
		self.assertEqual(frappe.db.get_value(marker.doctype, marker.name, "status"), "Active")

	def test_a_manager_removes_it_with_a_reason_and_the_record_stays_6_3_5(self):
		make_incident(self.contact, **VIOLENCE)
		marker = self.marker()
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError):
			remove_staff_safety_marker(marker.name, "ok")
		with self.set_user(self.staff.manager):
			remove_staff_safety_marker(marker.name, "Two years without incident; reviewed with the police.")
		marker.reload()
		self.assertEqual((marker.status, marker.removed_by), ("Removed", self.staff.manager))
		self.assertEqual(
			marker.source_incident, frappe.db.get_value("UAB Incident", {"contact": self.contact})
		)
		with self.set_user(self.staff.agent):
			self.assertIsNone(get_banner(self.ticket))

	def test_a_manager_places_one_by_hand_with_a_reason_in_their_own_name_6_3_1(self):
		someone_elses_incident = make_incident(make_contact("Other Tenant"))
		with self.set_user(self.staff.manager):
			marker = frappe.get_doc(
				{
					"doctype": "UAB Staff Safety Marker",
					"contact": self.contact,
					"precaution": "Meet only at the office",
					"placed_reason": "Police warned us of a risk to lone workers.",
					"placed_by": self.staff.director,
					"source_incident": someone_elses_incident,
				}
			).insert()
		self.assertEqual((marker.placed_by, marker.source_incident), (self.staff.manager, None))
		with self.set_user(self.staff.manager), self.assertRaises(UABValidationError):
			frappe.get_doc(
				{
					"doctype": "UAB Staff Safety Marker",
					"contact": self.contact,
					"precaution": "Meet only at the office",
					"placed_reason": "The same precaution again.",
				}
			).insert()
