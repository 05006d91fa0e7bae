"""What enforcement costs a reply to a customer with no protocol (SPEC §9): counted, not timed.

On this kind of machine a round trip to Redis or MariaDB is most of what the app adds to a reply, so the
bar is held by counting them: the ticket's readers in one primary-key read, and every protected-contact
lookup of the message (its recipients, their third parties, the ticket's contact, raiser and customer)
in one pipelined Redis read. Timings side by side are in `benchmarks/reply_latency.py`.
"""

from contextlib import contextmanager
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from uab_helpdesk.events.communication import validate
from uab_helpdesk.tests.utils import email_of, make_contact, make_ticket


@contextmanager
def counted_round_trips():
	"""Redis round trips (a command or a whole pipeline takes one connection from the pool) and SQL
	statements, counted by wrapping the real calls: everything still goes to the real servers. Frappe's
	own Redis read inside each statement on a test site (its `flag_print_sql` check) is Frappe's, and
	not counted."""
	counts = {"redis": 0, "sql": 0}
	in_sql = []
	pool = frappe.cache.connection_pool
	get_connection, sql = pool.get_connection, frappe.db.sql

	def counting_connection(*args, **kwargs):
		if not in_sql:
			counts["redis"] += 1
		return get_connection(*args, **kwargs)

	def counting_sql(*args, **kwargs):
		counts["sql"] += 1
		in_sql.append(True)
		try:
			return sql(*args, **kwargs)
		finally:
			in_sql.pop()

	with (
		patch.object(pool, "get_connection", counting_connection),
		patch.object(frappe.db, "sql", counting_sql),
	):
		yield counts


class TestEnforcementCost(FrappeTestCase):
	def reply_to(self, ticket: str, recipients: str):
		doc = frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Sent",
				"recipients": recipients,
				"cc": "repairs.contractor@trade.test",
				"reference_doctype": "HD Ticket",
				"reference_name": ticket,
				"content": "<p>Your repair is booked for Friday.</p>",
			}
		)
		doc.set("__islocal", 1)  # judged as a new message, as in its insert
		return doc

	def test_a_reply_to_a_customer_with_no_protocol_asks_redis_once_spec_9(self):
		"""SPEC §9: no more than one cached lookup for a contact with no protocol — here one pipelined
		Redis read for all six keys (two recipients, their third parties, the ticket's contact and
		raiser), and one read of the ticket."""
		contact = make_contact("Ordinary")
		ticket = make_ticket(contact)
		message = self.reply_to(ticket, email_of(contact))
		validate(message)  # the first lookup of each key fills the shared index
		frappe.local.cache.clear()  # a new request: nothing of the last one's in-request cache

		with counted_round_trips() as counts:
			validate(message)

		self.assertEqual(counts, {"redis": 1, "sql": 1})
