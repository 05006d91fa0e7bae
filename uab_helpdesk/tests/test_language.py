"""The language signal on messages received, and abusive correspondence handled as policy 6.3.3 says."""

from unittest.mock import patch

import frappe

from uab_helpdesk import language
from uab_helpdesk.api.correspondence import record_abusive_correspondence
from uab_helpdesk.api.letters import send_letter
from uab_helpdesk.letters import letter_html
from uab_helpdesk.policy.abuse import THREAT, Finding
from uab_helpdesk.tests.enforcement_case import ProtectedCustomerTestCase
from uab_helpdesk.tests.test_incoming_enforcement import receive_email
from uab_helpdesk.tests.utils import email_of, make_assessment, make_contact, walk_ladder
from uab_helpdesk.ticket_state import message_state, ticket_state

ABUSE = "You are a useless fucking idiot and I hope you rot"
ANGRY = "This is a disgrace. SIX WEEKS with no boiler and nobody has called me back. I want a manager."


def received(ticket: str, words: str) -> frappe._dict:
	return frappe.get_last_doc(
		"Communication", filters={"reference_name": ticket, "sent_or_received": "Received", "subject": words}
	)


def signal(ticket: str, words: str) -> frappe._dict:
	"""What the language signal recorded of the message (the app's own record, never Communication)."""
	return message_state(received(ticket, words).name)


class TestLanguageSignal(ProtectedCustomerTestCase):
	"""One new issue a month, so a second email is held: the signal must not change that, or anything."""

	protocol_fields = {"issue_limit": 1, "issue_limit_period": "Month"}

	def test_abusive_words_are_flagged_and_an_angry_complaint_is_not_6_3_3_3_1(self):
		ticket = receive_email(email_of(self.contact), ABUSE)
		self.assertTrue(signal(ticket, ABUSE).language_flagged)
		other = receive_email(email_of(self.contact), ANGRY)
		self.assertFalse(signal(other, ANGRY).language_flagged)

	def test_the_agent_ui_is_told_which_messages_to_show_collapsed_6_3_3(self):
		"""Staff welfare: the page hides a flagged message behind "show"; the ticket view names it."""
		from uab_helpdesk.api.replies import ticket_view

		ticket = receive_email(email_of(self.contact), ABUSE)
		with self.set_user(self.staff.other_agent):
			flagged = ticket_view(ticket)["flagged"]
		self.assertEqual([row["name"] for row in flagged], [received(ticket, ABUSE).name])
		self.assertTrue(ABUSE.startswith(flagged[0]["snippet"].split(" ")[0]))
		other = receive_email(email_of(self.contact), ANGRY)
		with self.set_user(self.staff.other_agent):
			self.assertEqual(ticket_view(other)["flagged"], [])

	def test_the_signal_never_changes_what_is_received_held_or_logged_6_3_3(self):
		outcomes = []
		for findings in ((), (Finding(THREAT, "i know where she lives"),)):
			with (
				patch("uab_helpdesk.language.find_abuse", return_value=findings),
				patch("uab_helpdesk.language.score_of", return_value=float(len(findings))),
			):
				ticket = receive_email(email_of(self.contact), f"{ABUSE} {len(findings)}")
			outcomes.append(
				(
					ticket_state(ticket).held,
					ticket_state(ticket).protocol,
					frappe.db.count(
						"Communication", {"reference_name": ticket, "sent_or_received": "Received"}
					),
					sorted(
						a.action
						for a in frappe.get_all("UAB Contact Attempt", {"ticket": ticket}, ["action"])
					),
				)
			)
			self.assertEqual(signal(ticket, f"{ABUSE} {len(findings)}").language_flagged, len(findings))
		self.assertEqual(outcomes[0], outcomes[1])

	def test_a_classifier_that_fails_loses_no_message_and_logs_no_text_6_3_3(self):
		def broken(words):
			raise RuntimeError(f"cannot score {words}")

		with patch("uab_helpdesk.language.score_of", side_effect=broken):
			ticket = receive_email(email_of(self.contact), ABUSE)
		message = received(ticket, ABUSE)
		self.assertEqual(
			(message_state(message.name).language_score, message_state(message.name).language_flagged),
			(0, 1),
			"the kinds still read",
		)
		logged = frappe.get_last_doc(
			"Error Log", filters={"method": ("like", "UAB Helpdesk: no language signal%")}
		)
		self.assertNotIn("useless", logged.error)

	def test_the_classifier_flags_what_the_terms_place_in_no_kind_6_3_3(self):
		words = "Honestly whoever is running your office is a total waste, a joke of a human."
		with (
			patch("uab_helpdesk.language.find_abuse", return_value=()),
			patch("uab_helpdesk.language.score_of", return_value=0.93),
		):
			ticket = receive_email(email_of(self.contact), words)
		message = received(ticket, words)
		self.assertEqual(
			(message_state(message.name).language_flagged, message_state(message.name).language_kinds),
			(1, "Abusive language"),
		)

	def test_a_reader_that_fails_entirely_loses_no_message_6_3_3(self):
		with patch("uab_helpdesk.language.find_abuse", side_effect=RuntimeError("down")):
			ticket = receive_email(email_of(self.contact), ABUSE)
		self.assertFalse(signal(ticket, ABUSE).language_flagged)

	def test_the_message_is_read_after_its_transaction_commits_not_in_the_request(self):
		"""Receiving mail never waits on the signal: the message joins the list to read when it is committed,
		and one reader job is queued for a burst."""
		with patch("uab_helpdesk.language._read_at_once", return_value=False):
			ticket = receive_email(email_of(self.contact), ABUSE)
		message = received(ticket, ABUSE)
		self.assertFalse(frappe.db.exists("UAB Message State", message.name), "not read yet")
		callbacks = [fn for fn in frappe.db.after_commit._functions if getattr(fn, "__defaults__", None)]
		waiting = [fn for fn in callbacks if fn.__defaults__ == (message.name,)]
		self.assertEqual(len(waiting), 1, "queued for after the commit, not run")
		frappe.db.after_commit._functions.remove(waiting[0])
		frappe.cache.delete_value(language.TO_READ)
		with patch("frappe.enqueue") as enqueue:
			waiting[0]()
			waiting[0]()  # a second message while the first waits: no second job
		self.assertEqual(enqueue.call_count, 1)
		self.assertEqual(enqueue.call_args.args, ("uab_helpdesk.language.read_waiting",))
		language.read_waiting()
		self.assertEqual(message_state(message.name).language_flagged, 1)
		self.assertEqual(frappe.cache.llen(language.TO_READ), 0)

	def test_a_veiled_threat_is_marked_and_its_manager_told_6_3_1(self):
		self.isolate()
		frappe.db.set_single_value("UAB Settings", "welfare_manager", self.staff.manager)
		frappe.clear_document_cache("UAB Settings", "UAB Settings")
		self.addCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		words = "I know where your officer lives and what car she drives. Think on."
		ticket = receive_email(email_of(self.contact), words)
		message = received(ticket, words)
		self.assertTrue(message_state(message.name).language_flagged)
		self.assertIn(THREAT, message_state(message.name).language_kinds)
		told = frappe.get_all(
			"Notification Log",
			filters={"for_user": self.staff.manager, "document_name": ticket},
			pluck="subject",
		)
		self.assertTrue(any("Threat of violence" in subject for subject in told), told)
		with self.set_user(self.staff.other_agent):
			from uab_helpdesk.api.replies import ticket_view

			[flagged] = ticket_view(ticket)["flagged"]
		self.assertTrue(flagged["threat"])

	def test_swearing_at_a_broken_boiler_is_not_marked_as_abuse_3_1(self):
		words = "The f***ing boiler has packed in again and the bloody radiators are stone cold."
		ticket = receive_email(email_of(self.contact), words)
		message = received(ticket, words)
		self.assertEqual(
			(message_state(message.name).language_flagged, message_state(message.name).language_kinds or ""),
			(0, ""),
		)

	def test_a_starred_swear_word_at_a_person_is_marked_6_3_3(self):
		words = "F*** off, Mr Jones, and stop ringing me."
		ticket = receive_email(email_of(self.contact), words)
		self.assertIn("Abuse of staff", signal(ticket, words).language_kinds)


class TestRecordAbusiveCorrespondence(ProtectedCustomerTestCase):
	def test_a_customer_cannot_record_it_and_nothing_is_written_6_3_3(self):
		ticket = receive_email(email_of(self.contact), ABUSE)
		before = frappe.db.count("UAB Incident")
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			record_abusive_correspondence(ticket=ticket)
		self.assertEqual(frappe.db.count("UAB Incident"), before)

	def test_one_action_records_the_incident_with_the_message_and_the_letter_follows_6_3_3(self):
		ticket = receive_email(email_of(self.contact), ABUSE)
		message = received(ticket, ABUSE).name
		with self.set_user(self.staff.agent):
			recorded = record_abusive_correspondence(ticket=ticket)
			self.assertEqual(record_abusive_correspondence(communication=message), recorded, "once")
		incident = frappe.get_doc("UAB Incident", recorded["incident"])
		self.assertEqual(
			(incident.communication, incident.contact, incident.owner, incident.docstatus),
			(message, self.contact, self.staff.agent, 1),
		)
		self.assertTrue(incident.correspondence_not_answered)
		letter = letter_html(incident)
		self.assertIn("offensive, unnecessary and unhelpful", letter)
		self.assertIn("we will not respond to correspondence written in this way", letter)
		self.assertNotIn("idiot", letter, "the letter quotes nothing of the message")
		self.assertNotIn("classifier", letter.lower())
		with self.set_user(self.staff.agent):
			self.assertTrue(send_letter("UAB Incident", incident.name, "Letter")["print_url"])

	def test_a_threat_is_recorded_as_violence_threatened_awaiting_the_police_report_6_3_1(self):
		words = "Tell your surveyor to check under his car before he drives home tonight."
		ticket = receive_email(email_of(self.contact), words)
		with self.set_user(self.staff.agent):
			recorded = record_abusive_correspondence(ticket=ticket)
			self.assertEqual(record_abusive_correspondence(ticket=ticket), recorded, "once")
		incident = frappe.get_doc("UAB Incident", recorded["incident"])
		self.assertEqual(
			(incident.physical_violence, incident.behaviour_type, incident.docstatus),
			("Threatened", "Intimidation or threatening", 0),
		)
		self.assertIn("report it to the police", incident.description)

	def test_a_typed_incident_cannot_claim_a_message_6_3_3(self):
		ticket = receive_email(email_of(self.contact), ABUSE)
		message = received(ticket, ABUSE).name
		with self.set_user(self.staff.agent):
			doc = frappe.get_doc(
				{
					"doctype": "UAB Incident",
					"contact": self.contact,
					"occurred_on": frappe.utils.now_datetime(),
					"channel": "Email",
					"behaviour_type": "Abusive – verbal",
					"description": "Typed by hand with a forged message link.",
					"communication": message,
				}
			).insert()
		self.assertIsNone(doc.communication)


class TestLanguageEvidence(ProtectedCustomerTestCase):
	def test_the_assessment_lists_the_flagged_messages_of_its_period_6_5_3(self):
		contact = make_contact("Flagged Writer")
		steps = walk_ladder(contact)
		ticket = receive_email(email_of(contact), ABUSE)
		receive_email(email_of(contact), ANGRY, ticket=ticket)
		with self.set_user(self.staff.manager):
			doc = frappe.get_doc(
				"UAB Assessment", make_assessment(contact, steps.formal_warning, submit=False)
			)
		self.assertEqual(doc.flagged_messages, 1)
		self.assertEqual([row.communication for row in doc.flagged], [received(ticket, ABUSE).name])


class TestLanguageFlagsByGroup(ProtectedCustomerTestCase):
	"""7.1 for the signal itself: the equality report compares each group's share of flagged messages with
	its share of all messages received, so a signal that over-flags one group's way of writing is seen."""

	def group_row(self, group: str) -> dict:
		from uab_helpdesk.tests.test_reports import rows

		with self.set_user(self.staff.manager):
			found = [
				row
				for row in rows("Equality Monitoring", characteristic="ethnicity", measure="Language flags")
				if row["group"] == group
			]
		return found[0] if found else {"restricted": 0, "everyone": 0}

	def test_the_equality_report_counts_flagged_messages_by_group_7_1_6_3_3(self):
		group = "Other ethnic group"
		before = self.group_row(group)
		writer = make_contact("Grouped Writer")
		frappe.get_doc(
			{
				"doctype": "UAB Equality Profile",
				"contact": writer,
				"lawful_basis": "Public task – Article 6(1)(e)",
				"ethnicity": group,
			}
		).insert()
		ticket = receive_email(email_of(writer), ABUSE)
		receive_email(email_of(writer), f"{ABUSE} again", ticket=ticket)
		receive_email(email_of(writer), ANGRY, ticket=ticket)
		after = self.group_row(group)
		self.assertEqual(after["restricted"] - before["restricted"], 2, "flagged messages")
		self.assertEqual(after["everyone"] - before["everyone"], 3, "messages received")
