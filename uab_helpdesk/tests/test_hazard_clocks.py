"""Awaab's Law clocks (the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025;
issue 21): a gas smell and a mould report start their clocks at the message's arrival, with the right dues
across a weekend and bank holidays; steps are recorded by named actions as the session user; the officers'
managers are told of a breach."""

from datetime import datetime
from unittest.mock import patch

import frappe
from frappe.utils import get_datetime, getdate

from uab_helpdesk.api.hazards import mark_hazard, record_step
from uab_helpdesk.attempts import discard_pending
from uab_helpdesk.enforcement import ProtocolViolationError
from uab_helpdesk.hazards import CLOCK, watch_clocks
from uab_helpdesk.policy.decision import format_date
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.utils import email_of, make_ticket, use_christmas_calendar
from uab_helpdesk.ticket_state import ticket_state


def clock_of(ticket: str):
	name = frappe.db.get_value(CLOCK, {"ticket": str(ticket)})
	assert name, f"no hazard clock on ticket {ticket}"
	return frappe.get_doc(CLOCK, name)


class TestAwaabsLawClocks(ProtectedCustomerTestCase):
	"""Health and safety only until 2099: an ordinary message is held; a hazard is never held, and its
	clock runs from when it arrived."""

	protocol_fields = {"health_and_safety_only": 1, "health_and_safety_only_until": "2099-12-31"}

	def test_a_gas_smell_starts_a_24_hour_clock_from_its_arrival_awaabs_law(self):
		with self.freeze_time("2026-12-24 16:30:00"):
			ticket = receive_email(email_of(self.contact), "I can smell gas in the kitchen")
		clock = clock_of(ticket)
		self.assertEqual((clock.category, clock.kind, clock.status), ("Gas", "Emergency", "Open"))
		self.assertEqual(get_datetime(clock.aware_on), datetime(2026, 12, 24, 16, 30))
		self.assertEqual(get_datetime(clock.investigate_by), datetime(2026, 12, 25, 16, 30))
		self.assertEqual(get_datetime(clock.make_safe_by), datetime(2026, 12, 25, 16, 30))
		self.assertFalse(ticket_state(ticket).held, "never held (6.4.4)")

	def test_a_mould_report_is_investigated_within_10_working_days_across_christmas_awaabs_law(self):
		use_christmas_calendar(self)
		with self.freeze_time("2026-12-23 10:00:00"):
			ticket = receive_email(email_of(self.contact), "black mould all over the bedroom walls")
		clock = clock_of(ticket)
		self.assertEqual((clock.category, clock.kind), ("Damp and mould", "Significant"))
		# 24, 29, 30, 31 December, 1, 4, 5, 6, 7, 8 January: the weekend and both holidays skipped.
		self.assertEqual(get_datetime(clock.investigate_by), datetime(2027, 1, 8, 23, 59, 59))
		self.assertIsNone(clock.summary_by, "the summary runs from the investigation")

	def test_steps_are_recorded_as_the_session_user_and_a_customer_records_nothing_awaabs_law(self):
		ticket = receive_email(email_of(self.contact), "there is black mould in the bathroom")
		clock = clock_of(ticket)
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			record_step(clock.name, "Investigated")
		with self.set_user(self.staff.agent):
			with self.assertRaises(frappe.ValidationError):
				record_step(clock.name, "Written summary sent")  # before the investigation
			record_step(clock.name, "Investigated", findings="Condensation mould behind the bath panel.")
			with self.assertRaises(frappe.ValidationError):
				record_step(clock.name, "Investigated", findings="Again.")  # once
		clock.reload()
		self.assertEqual(clock.investigated_by, self.staff.agent)
		self.assertTrue(clock.summary_by, "the summary is now due, 3 working days from the investigation")

	def test_the_written_summary_says_what_was_found_and_what_will_be_done_once_awaabs_law(self):
		ticket = receive_email(email_of(self.contact), "black mould on the bedroom ceiling")
		clock = clock_of(ticket)
		with self.set_user(self.staff.agent):
			with self.assertRaises(frappe.MandatoryError):
				record_step(clock.name, "Investigated")  # a significant hazard's findings go to the tenant
			record_step(
				clock.name, "Investigated", findings="Mould from a failed extractor fan <b>and</b> no leak."
			)
			with self.assertRaises(frappe.MandatoryError):
				record_step(clock.name, "Written summary sent", method="Letter")
		# A reply like any other: from an officer the protocol does not name, it is refused (6.4.2).
		with self.set_user(self.staff.other_agent), self.assertRaises(ProtocolViolationError):
			record_step(clock.name, "Written summary sent", planned_work="Replace the fan.", method="Email")
		discard_pending()
		self.assertIsNone(
			frappe.db.get_value(CLOCK, clock.name, "summary_sent_on"), "a refusal records nothing"
		)
		with self.set_user(self.staff.agent):
			record_step(
				clock.name,
				"Written summary sent",
				planned_work="Replace the fan and treat the ceiling with a fungicidal wash.",
				method="Letter",
			)
			with self.assertRaises(frappe.ValidationError):
				record_step(
					clock.name, "Written summary sent", planned_work="Again.", method="Letter"
				)  # once
		clock.reload()
		self.assertEqual((clock.summary_sent_by, clock.status), (self.staff.agent, "Open"))
		letter = frappe.get_doc("Communication", clock.summary_communication)
		self.assertEqual((letter.communication_medium, str(letter.reference_name)), ("Letter", str(ticket)))
		self.assertIn("failed extractor fan &lt;b&gt;and&lt;/b&gt; no leak", letter.content)
		self.assertIn("fungicidal wash", letter.content)
		self.assertIn(format_date(getdate(clock.work_by)), letter.content)
		self.assertEqual(frappe.db.get_value("UAB Message State", letter.name, "letter_status"), "To post")

	def test_a_breach_is_recorded_and_the_officers_managers_are_told_awaabs_law(self):
		ticket = receive_email(email_of(self.contact), "sparks coming out of the socket")
		clock = clock_of(ticket)
		frappe.db.set_value(CLOCK, clock.name, "aware_on", "2026-01-05 09:00:00")
		frappe.db.set_single_value("UAB Settings", "welfare_manager", self.staff.manager)
		frappe.clear_document_cache("UAB Settings", "UAB Settings")
		self.addCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		watch_clocks()
		clock.reload()
		self.assertEqual(clock.status, "Breached")
		self.assertIn("Investigated", clock.breached_steps)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": self.staff.manager, "subject": ("like", "%breached%")}
			)
		)

	def test_an_officer_marks_a_missed_hazard_and_the_clock_runs_from_its_arrival_awaabs_law(self):
		# A hazard neither the terms nor the model recognised (the model is stood down for the test).
		with patch("uab_helpdesk.health_and_safety.safety_score_of", lambda words: 0.0):
			ticket = make_ticket(
				self.contact, subject="boiler", description="the pilot light keeps going out"
			)
		self.assertFalse(ticket_state(ticket).safety_matter)
		with self.set_user(self.staff.agent):
			name = mark_hazard(ticket, "Carbon monoxide", "Headaches in the household and a sooty boiler.")
		clock = frappe.get_doc(CLOCK, name)
		self.assertEqual((clock.started_by, clock.kind), (self.staff.agent, "Emergency"))
		self.assertEqual(
			get_datetime(clock.aware_on), get_datetime(frappe.db.get_value("HD Ticket", ticket, "creation"))
		)
		self.assertEqual(ticket_state(ticket).safety_matter, "Carbon monoxide")

	def test_a_deleted_ticket_takes_what_the_app_knew_of_it_with_it(self):
		ticket = receive_email(email_of(self.contact), "I can smell gas by the meter")
		self.assertTrue(clock_of(ticket))
		frappe.delete_doc("HD Ticket", ticket, force=True, ignore_permissions=True)
		for doctype in ("UAB Hazard Clock", "UAB Ticket State"):
			self.assertFalse(frappe.db.exists(doctype, {"ticket": str(ticket)}), doctype)

	def test_the_hazard_clocks_report_compares_restricted_customers_with_everyone_else_7_1(self):
		from frappe.desk.query_report import run as run_report

		receive_email(email_of(self.contact), "there is a smell of gas on the stairs")
		with self.set_user(self.staff.manager):
			rows = run_report("Hazard Clocks", filters={})["result"]
		restricted = next(
			row
			for row in rows
			if row["group"] == "Under a communication protocol" and row["kind"] == "Emergency"
		)
		self.assertGreaterEqual(restricted["open"], 1)
		with self.set_user(self.staff.agent), self.assertRaises(frappe.PermissionError):
			run_report("Hazard Clocks", filters={})
