"""The remaining paths a message can take: texts (SMS), mail queued before a protocol applied, and which
tickets count as the customer's new issues (SPEC §5; policy 6.4.2–6.4.4)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import frappe
from frappe.utils import add_days, now_datetime

from uab_helpdesk.tests.enforcement_case import TUESDAY_11, WEDNESDAY_11, ProtectedCustomerTestCase
from uab_helpdesk.tests.utils import email_of, make_contact, make_protocol, make_ticket
from uab_helpdesk.ticket_state import ticket_state


class SMSGateway(BaseHTTPRequestHandler):
	"""A real HTTP gateway on loopback that Frappe's SMS Settings send to; it keeps what it was sent."""

	received: list = []

	def do_GET(self):
		query = parse_qs(urlparse(self.path).query)
		SMSGateway.received.append((query.get("to", [""])[0], query.get("text", [""])[0]))
		self.send_response(200)
		self.end_headers()
		self.wfile.write(b"OK")

	def log_message(self, *args):
		pass


def past_frappes_sms_log(send) -> None:
	"""Frappe logs a text it sent to an `SMS Log` DocType that only ERPNext provides; on a Helpdesk site
	without ERPNext that log fails after the gateway has the text. The gateway is the evidence here."""
	try:
		send()
	except ImportError as error:
		if "SMS Log" not in str(error):
			raise


class TestTextMessages(ProtectedCustomerTestCase):
	"""SMS is its own channel: this protocol allows Email, Letter and Phone (Tuesday 10–12), not SMS."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.gateway = HTTPServer(("127.0.0.1", 0), SMSGateway)
		threading.Thread(target=cls.gateway.serve_forever, daemon=True).start()
		cls.addClassCleanup(cls.gateway.shutdown)
		settings = frappe.get_single("SMS Settings")
		settings.update(
			{
				"sms_gateway_url": f"http://127.0.0.1:{cls.gateway.server_port}/send",
				"message_parameter": "text",
				"receiver_parameter": "to",
				"use_post": 0,
			}
		)
		settings.save(ignore_permissions=True)

	def setUp(self):
		SMSGateway.received.clear()

	def digits(self) -> str:
		return self.phone.replace(" ", "")

	def test_staff_texting_a_customer_whose_protocol_does_not_allow_sms_is_refused_6_4_2(self):
		"""Inside the Tuesday call window, by the single point of contact: a text is still not a call."""
		from uab_helpdesk.overrides.sms import send_sms

		with self.freeze_time(TUESDAY_11, tick=True), self.set_user(self.staff.agent):
			self.assertRefused(
				lambda: send_sms(receiver_list=[self.phone], msg="sms-text"),
				rule="SMS is not an allowed channel",
			)
		self.assertEqual(SMSGateway.received, [], "nothing reached the gateway")

	def test_texts_to_anyone_else_go_through_frappes_gateway(self):
		from uab_helpdesk.overrides.sms import send_sms

		with self.set_user(self.staff.other_agent):
			past_frappes_sms_log(
				lambda: send_sms(receiver_list=["07700 900001"], msg="ordinary-text", success_msg=False)
			)
		self.assertEqual(SMSGateway.received, [("07700900001", "ordinary-text")])

	def test_a_notification_on_the_sms_channel_withholds_the_restricted_number(self):
		"""Automatic texts are never refused (the request that triggered them goes on); restricted
		numbers are taken out and the withholding logged."""
		notification = frappe.new_doc("Notification")
		notification.update({"channel": "SMS", "message": "Your repair is booked, {{ doc.name }}."})
		notification.get_receiver_list = lambda doc, context: [self.phone, "07700 900002"]
		ticket = frappe.get_doc("HD Ticket", self.ticket)
		with self.freeze_time(WEDNESDAY_11, tick=True):
			past_frappes_sms_log(lambda: notification.send_sms(ticket, {"doc": ticket}))
		self.assertEqual([to for to, _text in SMSGateway.received], ["07700900002"])
		self.assertIn("Blocked", [row.action for row in self.attempts()])

	def test_sms_windows_are_the_protocols_own_not_its_call_windows_6_4_2(self):
		"""A protocol that allows texts with no SMS window: a text on a Wednesday is allowed, though
		calls are Tuesday 10–12 only."""
		from uab_helpdesk.overrides.sms import send_sms

		contact = make_contact("Texting Tenant", phone="07700 900123")
		make_protocol(
			contact,
			director=self.staff.director,
			activate_as=self.staff.head,
			allowed_channels=[{"channel": "Phone"}, {"channel": "SMS"}],
		)
		with self.freeze_time(WEDNESDAY_11, tick=True), self.set_user(self.staff.agent):
			past_frappes_sms_log(
				lambda: send_sms(receiver_list=["07700 900123"], msg="text-on-wednesday", success_msg=False)
			)
		self.assertEqual(SMSGateway.received, [("07700900123", "text-on-wednesday")])

	def test_a_portal_customer_cannot_send_texts_through_the_endpoint(self):
		from uab_helpdesk.overrides.sms import send_sms

		before = len(self.attempts())
		with self.set_user(self.staff.customer), self.assertRaises(frappe.PermissionError):
			send_sms(receiver_list=[self.phone], msg="probe")
		self.assertEqual((len(self.attempts()), SMSGateway.received), (before, []))


class TestQueuedMail(ProtectedCustomerTestCase):
	def test_mail_queued_before_the_protocol_applied_is_judged_again_before_it_leaves(self):
		"""A reply queued for tomorrow by an officer who is not the single point of contact, then the
		protocol applies: the queued mail is withheld and the withholding logged."""
		contact = make_contact("Queued Tenant")
		ticket = make_ticket(contact)
		with self.set_user(self.staff.other_agent):
			frappe.sendmail(
				recipients=[email_of(contact)],
				subject="Your repair",
				message="<p>queued-before-the-protocol</p>",
				reference_doctype="HD Ticket",
				reference_name=ticket,
				send_after=add_days(now_datetime(), 1),
			)
		queued = frappe.get_last_doc("Email Queue", {"reference_name": str(ticket)})
		self.assertEqual([row.recipient for row in queued.recipients], [email_of(contact)])
		make_protocol(
			contact,
			director=self.staff.director,
			activate_as=self.staff.head,
			single_point_of_contact=self.staff.agent,
		)
		queued.reload()
		self.assertEqual((queued.recipients, queued.status), ([], "Error"))
		self.assertTrue(
			frappe.db.exists(
				"UAB Contact Attempt", {"contact": contact, "action": "Blocked", "channel": "Email"}
			)
		)


class TestIssueLimit(ProtectedCustomerTestCase):
	protocol_fields = {"issue_limit": 1, "issue_limit_period": "Month"}

	def test_tickets_staff_open_are_not_the_customers_new_issues_6_4_3(self):
		"""The complaint ticket an appeal opens, or a split, is opened by staff in their own session."""
		from uab_helpdesk.events.hd_ticket import opened_by_staff

		with self.set_user(self.staff.manager):  # in their own session, not the e-mail intake
			self.assertTrue(opened_by_staff())
			staff_ticket = frappe.get_doc(
				{
					"doctype": "HD Ticket",
					"subject": "Complaint about communication protocol",
					"raised_by": email_of(self.contact),
					"contact": self.contact,
					"description": "Opened for the customer's appeal.",
				}
			).insert(ignore_permissions=True)
		self.assertEqual(
			(ticket_state(staff_ticket.name).opened_by_staff, ticket_state(staff_ticket.name).held), (1, 0)
		)
		customer_ticket = frappe.get_doc("HD Ticket", make_ticket(self.contact, subject="Second matter"))
		self.assertEqual(ticket_state(customer_ticket.name).opened_by_staff, 0)
		# setUpClass made one customer ticket this month, this is the second: over the limit of one.
		self.assertEqual(ticket_state(customer_ticket.name).held, 1)
