"""Health and safety by what the customer writes (policy 6.4.4): never held, routed as urgent, answered."""

from datetime import datetime
from unittest.mock import patch

import frappe
from frappe.utils import add_months, get_datetime, today

from uab_helpdesk.hazards import CLOCK
from uab_helpdesk.policy.safety import find_safety_matter
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.test_outgoing_enforcement import reply
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket
from uab_helpdesk.ticket_state import ticket_state
from uab_helpdesk.utils import UABValidationError


class TestHealthAndSafetyByContent(ProtectedCustomerTestCase):
	"""Health-and-safety matters only for three months, one new issue a month: the tightest protocol."""

	protocol_fields = {
		"health_and_safety_only": 1,
		"health_and_safety_only_until": add_months(today(), 3),
		"issue_limit": 1,
		"issue_limit_period": "Month",
	}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.addClassCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		frappe.db.set_value("UAB Communication Protocol", cls.protocol, "deputy_contact", cls.staff.manager)

	def test_an_ordinary_email_is_held_during_a_health_and_safety_only_period_6_4_4(self):
		"""The control: without a safety matter the protocol holds the message for screening."""
		ticket = frappe.get_doc("HD Ticket", receive_email(email_of(self.contact), "Parking permit renewal"))
		self.assertTrue(ticket_state(ticket.name).held)
		self.assertFalse(ticket_state(ticket.name).safety_matter)

	def test_a_gas_smell_by_email_is_not_held_and_goes_to_the_officer_and_deputy_as_urgent_6_4_4(self):
		ticket = frappe.get_doc(
			"HD Ticket", receive_email(email_of(self.contact), "help - I can smell gas on the landing")
		)
		self.assertEqual(
			(ticket_state(ticket.name).held, ticket_state(ticket.name).safety_matter), (0, "Gas")
		)
		self.assertEqual(ticket.ticket_type, "Health and safety")
		if frappe.db.exists("HD Ticket Priority", "Urgent"):
			self.assertEqual(ticket.priority, "Urgent")
		for officer in (self.staff.agent, self.staff.manager):
			self.assertIn(officer, ticket._assign or "")
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_name": ticket.name,
					"content": ("like", "%Health and safety matter recognised (Gas%"),
				},
			)
		)
		self.assertNotIn("Held", [row.action for row in self.attempts(ticket=ticket.name)])

	def test_the_officers_reply_on_a_safety_matter_is_allowed_and_on_an_ordinary_one_refused_6_4_4(self):
		ordinary = make_ticket(
			self.contact, subject="Fence panel", description="When will the fence be painted?"
		)
		with self.set_user(self.staff.agent):
			self.assertRefused(lambda: reply(ordinary), rule="only health and safety matters")
		danger = make_ticket(
			self.contact, subject="Ceiling", description="Water pouring through the light fitting"
		)
		with self.set_user(self.staff.agent):
			reply(danger, "<p>safety-reply-sent</p>")
		self.assertTrue(
			frappe.db.exists(
				"Communication", {"reference_name": danger, "content": ("like", "%safety-reply-sent%")}
			)
		)

	def test_a_later_message_showing_danger_releases_a_held_ticket_6_4_4(self):
		held = receive_email(email_of(self.contact), "Bins not collected")
		self.assertTrue(ticket_state(held).held)
		receive_email(
			email_of(self.contact), "and now there are sparks coming out of the socket", ticket=held
		)
		marked = ticket_state(held)
		self.assertEqual((marked.held, marked.safety_matter), (0, "Electrical danger"))
		self.assertIn(self.staff.manager, frappe.db.get_value("HD Ticket", held, "_assign") or "")

	def test_a_landlords_own_term_in_uab_settings_is_used_6_4_4(self):
		settings = frappe.get_single("UAB Settings")
		settings.append("safety_terms", {"category": "Structural danger", "phrase": "stuck .. lift"})
		settings.save()
		ticket = receive_email(email_of(self.contact), "My dad is stuck in the lift")
		self.assertEqual(ticket_state(ticket).safety_matter, "Structural danger")


class TestSafetyTermSettings(ProtectedCustomerTestCase):
	def test_the_shipped_terms_are_installed_6_4_4(self):
		phrases = [row.phrase for row in frappe.get_single("UAB Settings").safety_terms]
		self.assertIn("smell* .. gas", phrases)
		self.assertIn("gas bill*", phrases)

	def test_a_term_without_a_category_or_without_words_is_refused(self):
		for row in ({"phrase": "flames"}, {"category": "Fire", "phrase": "* .."}):
			settings = frappe.get_single("UAB Settings")
			before = len(settings.safety_terms)
			settings.append("safety_terms", row)
			with self.assertRaises((UABValidationError, frappe.MandatoryError)):
				settings.save()
			self.assertEqual(len(frappe.get_single("UAB Settings").safety_terms), before)


class TestDangerReadFromTheWholeMessage(ProtectedCustomerTestCase):
	"""The model beside the terms (policy/safety_model.py): a danger written without the terms' words is
	never held; an event that only sounds like one is held as usual; should the model fail, the terms
	decide alone and the message is received all the same."""

	protocol_fields = {"health_and_safety_only": 1, "health_and_safety_only_until": "2099-12-31"}

	def test_a_child_at_risk_described_without_any_term_is_not_held_6_4_4_and_5_2(self):
		subject = "upstairs"
		body = (
			"The little one upstairs has been crying for hours again and nobody is answering the door. "
			"Her mum went out first thing this morning and the car is still not back."
		)
		self.assertIsNone(find_safety_matter(subject, body), "the terms alone miss it")
		ticket = make_ticket(self.contact, subject=subject, description=body)
		state = ticket_state(ticket)
		self.assertEqual((state.held, state.safety_matter), (0, "Safeguarding or self-harm"))
		self.assertTrue(
			frappe.db.exists(
				"Comment", {"reference_name": ticket, "content": ("like", "%read from the whole message%")}
			)
			or frappe.db.exists("Comment", {"reference_name": ticket, "content": ("like", "%crying%")})
		)

	def test_a_long_message_the_model_reads_as_safe_is_held_though_a_term_fires_6_4_4(self):
		subject = "phones"
		body = (
			"I tried to ring you all morning about my rent but your phone lines must be flooded, I was on "
			"hold for forty minutes and then it cut off. Could someone ring me back this afternoon please."
		)
		self.assertIsNotNone(find_safety_matter(subject, body), "the terms alone fire on it")
		# Being left on hold is a fair complaint: the complaint model is stood down to test the danger alone.
		with (
			patch("uab_helpdesk.health_and_safety.safety_score_of", lambda words: 0.1),
			patch("uab_helpdesk.complaints.complaint_score_of", lambda words: 0.0),
		):
			ticket = make_ticket(self.contact, subject=subject, description=body)
		self.assertEqual((ticket_state(ticket).held, ticket_state(ticket).safety_matter), (1, None))

	def test_a_failing_model_leaves_the_terms_to_decide_and_the_message_is_received_6_4_4(self):
		def broken(words):
			raise RuntimeError("the model could not be loaded")

		with (
			patch("uab_helpdesk.health_and_safety.safety_score_of", broken),
			patch("uab_helpdesk.complaints.complaint_score_of", broken),
		):
			gas = receive_email(email_of(self.contact), "I can smell gas on the stairs")
			ordinary = receive_email(email_of(self.contact), "when is the next estate walkabout")
		self.assertEqual(ticket_state(gas).safety_matter, "Gas")
		self.assertEqual(ticket_state(ordinary).held, 1)
		for ticket in (gas, ordinary):
			self.assertTrue(frappe.db.exists("Communication", {"reference_name": ticket}))


class TestAwaabsLawForEveryTenant(ProtectedCustomerTestCase):
	"""Awaab's Law applies to every tenant, not only to those under a protocol: a danger in an unrestricted
	tenant's message is read once the message is stored, and its clock starts from the message's arrival."""

	def test_an_unrestricted_tenants_gas_smell_starts_its_clock_from_its_arrival_awaabs_law(self):
		tenant = make_contact("Unrestricted Tenant")
		with self.freeze_time("2026-12-24 16:30:00"):
			ticket = receive_email(email_of(tenant), "strong smell of gas in the hallway")
		state = ticket_state(ticket)
		self.assertEqual((state.protocol, state.held, state.safety_matter), (None, 0, "Gas"))
		clock = frappe.get_doc(CLOCK, frappe.db.get_value(CLOCK, {"ticket": str(ticket)}))
		self.assertEqual(get_datetime(clock.aware_on), datetime(2026, 12, 24, 16, 30))
		self.assertEqual(clock.kind, "Emergency")

	def test_an_unrestricted_tenants_ordinary_message_starts_nothing(self):
		ticket = receive_email(email_of(make_contact("Another Tenant")), "can I have a new parking permit")
		self.assertFalse(frappe.db.exists(CLOCK, {"ticket": str(ticket)}))
		self.assertFalse(ticket_state(ticket).safety_matter)
