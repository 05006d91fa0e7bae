"""Letters render through Frappe's print view from real records (SPEC §7)."""

import frappe
from frappe.utils import today

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_incident, make_protocol, make_staff, make_warning


class TestLetters(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def setUp(self):
		self.contact = make_contact("Lettered Tenant")  # one Active protocol per contact

	def test_protocol_letter_from_an_active_protocol_6_5_4(self):
		protocol = make_protocol(
			self.contact,
			director=self.staff.director,
			activate_as=self.staff.head,
			issue_limit=3,
			issue_limit_period="Month",
		)
		html = frappe.get_print(
			"UAB Communication Protocol", protocol.name, print_format="UAB Protocol Letter"
		)
		for required in (
			"Dear Lettered Tenant,",
			"You shouted at and swore at two of our officers after two warnings.",
			"you can contact us by: Email, Letter, Phone",
			"Phone contact only on Tuesday 10:00–12:00.",
			"We will consider up to 3 new issues each month",
			"one further assessment by a Director",
			"Housing Ombudsman",
		):
			self.assertIn(required, html)

	def test_large_print_need_from_the_equality_profile_is_honoured_7_1(self):
		frappe.get_doc(
			{
				"doctype": "UAB Equality Profile",
				"contact": self.contact,
				"lawful_basis": "Public task – Article 6(1)(e)",
				"communication_needs": "Large print",
			}
		).insert()
		protocol = make_protocol(self.contact, director=self.staff.director, activate_as=self.staff.head)
		self.assertIn(
			"uab-large-print",
			frappe.get_print("UAB Communication Protocol", protocol.name, print_format="UAB Protocol Letter"),
		)

	def test_warning_letter_lists_the_incidents_and_quotes_only_the_customer_facing_reason_6_5_1(self):
		incident = make_incident(self.contact, description="Shouted that the officer was useless, twice.")
		warning = make_warning(self.contact, "Initial", [incident], reason_for_customer="You shouted at us.")
		html = frappe.get_print("UAB Warning", warning, print_format="UAB Warning Letter")
		self.assertIn("Abusive – verbal", html)
		self.assertIn("You shouted at us.", html)
		self.assertNotIn("Shouted that the officer was useless", html)  # staff's note stays internal

	def test_review_outcome_letter_6_5_6(self):
		protocol = make_protocol(self.contact, director=self.staff.director, activate_as=self.staff.head)
		review = frappe.get_doc(
			{
				"doctype": "UAB Protocol Review",
				"protocol": protocol.name,
				"due_date": protocol.review_due_date,
				"decision": "End",
				"reasons": "No incidents for six months.",
			}
		).insert()
		html = frappe.get_print("UAB Protocol Review", review.name, print_format="UAB Review Outcome Letter")
		self.assertIn("The communication protocol has ended.", html)


class TestSendingLetters(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def test_protocol_letter_by_email_is_sent_and_recorded_6_5_4(self):
		from uab_helpdesk.api.letters import send_letter

		contact = make_contact("Emailed Tenant")
		with self.set_user(self.staff.manager):
			protocol = make_protocol(contact, director=self.staff.director)
		with self.set_user(self.staff.head):
			protocol.reload()
			protocol.submit()
		with self.set_user(self.staff.manager):
			result = send_letter("UAB Communication Protocol", protocol.name, "Email")
		self.assertTrue(
			frappe.db.exists(
				"UAB Contact Attempt",
				{
					"action": "Policy letter",
					"contact": contact,
					"channel": "Email",
					"protocol": protocol.name,
				},
			),
			"every policy letter is visible in the attempt log",
		)
		self.assertEqual(
			frappe.db.get_value(
				"UAB Communication Protocol", protocol.name, ["letter_sent_on", "letter_method"]
			),
			(frappe.utils.getdate(today()), "Email"),
		)
		self.assertIn(
			"How we will communicate with you",
			frappe.db.get_value("Communication", result["communication"], "content"),
		)

	def test_policy_letter_to_a_letter_only_customer_cannot_go_by_email_6_4_4(self):
		from uab_helpdesk.api.letters import send_letter
		from uab_helpdesk.attempts import discard_pending
		from uab_helpdesk.enforcement import ProtocolViolationError

		contact = make_contact("Letter Only Tenant")
		protocol = make_protocol(
			contact,
			director=self.staff.director,
			activate_as=self.staff.head,
			allowed_channels=[{"channel": "Letter"}],
			contact_windows=[],
		)
		incident = make_incident(contact)
		warning = make_warning(contact, "Initial", [incident])
		with self.set_user(self.staff.manager), self.assertRaises(ProtocolViolationError) as refusal:
			send_letter("UAB Warning", warning, "Email")
		discard_pending()
		self.assertIn("letters about the protocol go by Letter", str(refusal.exception))
		with self.set_user(self.staff.manager):
			self.assertTrue(send_letter("UAB Warning", warning, "Letter")["print_url"])
		self.assertTrue(protocol.name)

	def test_an_officer_emails_the_letter_of_the_initial_warning_they_gave_6_5_1(self):
		from uab_helpdesk.api.letters import send_letter

		contact = make_contact("Emailed Warning Tenant")
		with self.set_user(self.staff.agent):
			warning = make_warning(contact, "Initial", [make_incident(contact)])
			sent = send_letter("UAB Warning", warning, "Email")
		self.assertEqual(
			frappe.db.get_value("Communication", sent["communication"], "reference_name"), warning
		)

	def test_a_warning_letter_goes_once_a_correction_is_a_managers_recorded_letter_6_5_1(self):
		"""Attack (issue 20, point 7): the officer e-mails the same warning letter again and again; the
		customer's own letter must not become a way round their protocol."""
		from uab_helpdesk.api.letters import send_letter

		contact = make_contact("Warned Once Tenant")
		with self.set_user(self.staff.agent):
			warning = make_warning(contact, "Initial", [make_incident(contact)])
			send_letter("UAB Warning", warning, "Email")
			with self.assertRaises(frappe.ValidationError):
				send_letter("UAB Warning", warning, "Email")
			with self.assertRaises(frappe.PermissionError):
				send_letter("UAB Warning", warning, "Email", correction="A typo in the date.")
		with self.set_user(self.staff.manager):
			with self.assertRaises(frappe.ValidationError):
				send_letter("UAB Warning", warning, "Email", correction="  ")
			send_letter("UAB Warning", warning, "Letter", correction="The date of the incident was wrong.")
		letters = frappe.get_all(
			"UAB Contact Attempt",
			{"action": "Policy letter", "subject": ("like", f"UAB Warning {warning}%")},
			["attempted_by", "subject"],
			order_by="creation",
		)
		self.assertEqual([row.attempted_by for row in letters], [self.staff.agent, self.staff.manager])
		self.assertIn("The date of the incident was wrong.", letters[1].subject)

	def test_an_outcome_letter_is_refused_until_the_decision_and_reasons_are_recorded_6_5_6(self):
		from uab_helpdesk.api.letters import send_letter

		contact = make_contact("Undecided Review Tenant")
		protocol = make_protocol(contact, director=self.staff.director, activate_as=self.staff.head)
		review = frappe.get_doc(
			{
				"doctype": "UAB Protocol Review",
				"protocol": protocol.name,
				"due_date": protocol.review_due_date,
			}
		).insert()
		with self.set_user(self.staff.manager), self.assertRaises(frappe.ValidationError) as refusal:
			send_letter("UAB Protocol Review", review.name, "Letter")
		self.assertIn("Complete the review before its outcome letter goes", str(refusal.exception))
		self.assertIsNone(frappe.db.get_value("UAB Protocol Review", review.name, "customer_notified_on"))
		with self.set_user(self.staff.manager):
			review.reload()
			review.update({"decision": "End", "reasons": "No abusive calls since the last review."})
			review.submit()
			send_letter("UAB Protocol Review", review.name, "Letter")
		self.assertEqual(
			frappe.db.get_value("UAB Protocol Review", review.name, "notification_method"), "Letter"
		)


class TestPolicyLetterRoute(UABTestCase):
	"""SPEC §5.1 rule 1: a letter about the policy is exactly send_letter's letter for a UAB record of the
	same customer. Anything else that references a UAB record is ordinary contact, judged in full."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()

	def test_referencing_another_customers_warning_does_not_make_an_email_a_policy_letter(self):
		"""Attack: a manager who is not the single point of contact emails a protected customer and
		attaches the Communication to someone else's warning."""
		from frappe.core.doctype.communication.email import make as send_communication

		from uab_helpdesk.enforcement import ProtocolViolationError
		from uab_helpdesk.tests.utils import email_of

		protected = make_contact("Protected Tenant")
		make_protocol(
			protected,
			director=self.staff.director,
			activate_as=self.staff.head,
			single_point_of_contact=self.staff.agent,
		)
		other = make_contact("Other Warned Tenant")
		warning = make_warning(other, "Initial", [make_incident(other)])
		before = frappe.db.count("Communication", {"reference_name": warning})
		with self.set_user(self.staff.manager), self.assertRaises(ProtocolViolationError):
			send_communication(
				doctype="UAB Warning",
				name=warning,
				recipients=email_of(protected),
				subject="About your tenancy",
				content="Please call me.",
				send_email=True,
			)
		from uab_helpdesk.attempts import discard_pending

		refused = discard_pending()
		self.assertEqual(refused[0]["action"], "Blocked")
		self.assertIn("Single point of contact", refused[0]["rules_breached"])
		self.assertEqual(frappe.db.count("Communication", {"reference_name": warning}), before)
