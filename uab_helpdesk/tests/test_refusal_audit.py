"""A refused reply leaves its audit record and the agent's text whichever way the request ends, and the
protection lookup never answers "not protected" for a protocol that is Active and committed.

These tests do what the request handler does (commit, rollback, a second connection), so their
records are committed and removed again afterwards."""

import frappe

from uab_helpdesk.enforcement import ProtocolViolationError
from uab_helpdesk.protection import clear_protected_index, protocol_of_contact
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_ticket

TEXT = "<p>text-that-must-not-be-lost</p>"


class TestRefusalAudit(UABTestCase):
	def setUp(self):
		self.users_before = set(frappe.get_all("User", pluck="name"))
		self.staff = make_staff()
		self.contact = make_contact("Rolled Back Tenant")
		self.protocol = make_protocol(
			self.contact,
			director=self.staff.director,
			activate_as=self.staff.head,
			single_point_of_contact=self.staff.agent,
		)
		self.ticket = make_ticket(self.contact)
		frappe.db.commit()  # nosemgrep: see the module docstring

	def tearDown(self):
		frappe.set_user("Administrator")
		for doctype, filters in (
			("UAB Contact Attempt", {"contact": self.contact}),
			("Communication", {"reference_name": ("in", [self.ticket, self.protocol.name])}),
			("Comment", {"reference_name": ("in", [self.ticket, self.protocol.name])}),
			("HD Ticket", {"name": self.ticket}),
			("UAB Protocol Channel", {"parent": self.protocol.name}),
			("UAB Protocol Window", {"parent": self.protocol.name}),
			("UAB Communication Protocol", {"name": self.protocol.name}),
			("Contact Email", {"parent": self.contact}),
			("Contact", {"name": self.contact}),
		):
			frappe.db.delete(doctype, filters)
		# The staff this test committed go too: a site keeps no test users (they would hear its appeals).
		from uab_helpdesk.demo import _delete_demo_user

		for user in set(self.staff.values()) - self.users_before:
			_delete_demo_user(user)
		clear_protected_index()
		frappe.db.commit()  # nosemgrep: cleaning up what this test committed
		super().tearDown()

	def refuse_a_reply(self, text: str = TEXT) -> None:
		frappe.set_user(self.staff.other_agent)  # not the single point of contact
		try:
			with self.assertRaises(ProtocolViolationError):
				frappe.get_doc("HD Ticket", self.ticket).reply_via_agent(message=text)
		finally:
			frappe.set_user("Administrator")

	def attempts(self) -> list:
		return frappe.get_all(
			"UAB Contact Attempt",
			{"contact": self.contact, "action": "Blocked"},
			["content", "attempted_by", "protocol"],
			order_by="creation",
		)

	def test_refusal_survives_rollback(self):
		self.refuse_a_reply()
		frappe.db.rollback()
		attempts = self.attempts()
		self.assertEqual(len(attempts), 1)
		self.assertEqual(
			(attempts[0].content, attempts[0].attempted_by, attempts[0].protocol),
			(TEXT, self.staff.other_agent, self.protocol.name),
		)

	def test_a_refusal_the_caller_catches_keeps_its_record_through_commits_and_rollbacks(self):
		"""Attack: catch the refusal and carry on (commit), then get refused again and roll back. Each
		refusal is recorded exactly once."""
		self.refuse_a_reply("<p>first</p>")
		frappe.db.commit()  # nosemgrep: the caller went on after catching the refusal
		self.refuse_a_reply("<p>second</p>")
		frappe.db.rollback()
		self.refuse_a_reply("<p>third</p>")
		from uab_helpdesk.attempts import flush_pending

		flush_pending()  # the request ended with neither (a GET): the after_request hook
		self.assertEqual(
			[row.content for row in self.attempts()], ["<p>first</p>", "<p>second</p>", "<p>third</p>"]
		)

	def test_the_lookup_never_misses_a_protocol_committed_after_the_reader_began(self):
		"""The race: a reader's transaction began (its snapshot taken) before another request activated
		a protocol, committed, and dropped the index. The reader must still see the protocol."""
		from frappe.database import get_db

		doctype, name = "UAB Communication Protocol", self.protocol.name
		frappe.db.set_value(doctype, name, "status", "Authorised")  # in force only once its letter went
		frappe.db.commit()  # nosemgrep: the state before the race
		clear_protected_index()
		self.assertIsNone(protocol_of_contact(self.contact))  # (a locking read: it is released next)
		frappe.db.commit()  # nosemgrep: the reader's request ends; a new one begins
		frappe.local.cache = {}  # Frappe's per-request copy of the index
		self.assertEqual(frappe.db.get_value(doctype, name, "status"), "Authorised")  # snapshot taken

		writer = get_db(
			host=frappe.conf.db_host,
			user=frappe.conf.db_user or frappe.conf.db_name,
			password=frappe.conf.db_password,
			cur_db_name=frappe.conf.db_name,
		)
		writer.connect()
		try:
			writer.sql("update `tabUAB Communication Protocol` set status='Active' where name=%s", name)
			writer.commit()
		finally:
			writer.close()
		clear_protected_index()  # what the activating request does once it has committed
		frappe.local.cache = {}

		self.assertEqual(
			frappe.db.get_value(doctype, name, "status"), "Authorised", "the reader's snapshot is old"
		)
		self.assertEqual(protocol_of_contact(self.contact), name)
