"""docs/access.md is the truth: every whitelisted method and wrapped endpoint, called as each kind of
user, lets through exactly the callers the table marks ✓ and refuses the others before reading or
writing anything (issue: the case record as evidence, "check the caller first")."""

import re
from pathlib import Path

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import (
	make_contact,
	make_incident,
	make_protocol,
	make_staff,
	make_ticket,
	make_warning,
)

TABLE = Path(__file__).resolve().parents[2] / "docs" / "access.md"
COLUMNS = ("guest", "customer", "agent", "manager", "head", "director", "auditor")


def read_table() -> dict[str, dict[str, bool]]:
	rows = {}
	for line in TABLE.read_text().splitlines():
		cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
		if len(cells) == 1 + len(COLUMNS) and set(cells[1:]) <= {"✓", "✗"}:
			rows[cells[0]] = {column: mark == "✓" for column, mark in zip(COLUMNS, cells[1:], strict=True)}
	return rows


class TestAccessTable(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = make_staff()
		cls.users = {
			"guest": "Guest",
			"customer": cls.staff.customer,
			**{column: cls.staff[column] for column in COLUMNS[2:]},
		}
		contact = make_contact("Access Tenant")
		cls.contact = contact
		cls.ticket = make_ticket(contact)
		cls.customer = (
			frappe.get_doc({"doctype": "HD Customer", "customer_name": "Access Customer"})
			.insert(ignore_permissions=True)
			.name
		)
		cls.warning = make_warning(contact, "Initial", [make_incident(contact)])
		cls.draft_protocol = make_protocol(make_contact("Access Protected"), director=cls.staff.director).name

	def calls(self) -> dict:
		"""One call per row of the table, with arguments that fail *after* the caller check, so that a
		caller who is let through meets an ordinary validation error and nothing is changed."""
		from uab_helpdesk.api import (
			correspondence,
			evidence,
			hazards,
			letters,
			protocol,
			replies,
			screening,
			staff,
		)
		from uab_helpdesk.overrides import helpdesk, sms, telephony

		def doc_method(doctype, name, method, **kwargs):
			def call():
				doc = frappe.get_doc(doctype, name)
				if not doc.has_permission("read"):  # what run_doc_method checks before the method
					raise frappe.PermissionError
				return getattr(doc, method)(**kwargs)

			return call

		def letter(doctype):
			return lambda: letters.send_letter(doctype, "no-such-record", "Fax")

		def voice():
			response = telephony.voice(To="01632960000")
			if response.status_code == 403:
				raise frappe.PermissionError
			return response

		return {
			"get_banner": lambda: protocol.get_banner(self.ticket),
			"get_contact_banner": lambda: protocol.get_contact_banner(self.contact),
			"get_customer_banners": lambda: protocol.get_customer_banners(self.customer),
			"reply_with_override": lambda: protocol.reply_with_override(self.ticket, "<p>x</p>", reason=""),
			"send_letter` — UAB Warning (an Agent only their own)": letter("UAB Warning"),
			"send_letter` — UAB Communication Protocol": letter("UAB Communication Protocol"),
			"send_letter` — UAB Appeal": letter("UAB Appeal"),
			"send_letter` — UAB Protocol Review": letter("UAB Protocol Review"),
			"send_letter` — UAB Incident": letter("UAB Incident"),
			"record_abusive_correspondence": lambda: correspondence.record_abusive_correspondence("no-such"),
			"flagged_messages": lambda: correspondence.flagged_messages(ticket="no-such"),
			"record_step": lambda: hazards.record_step("no-such", "Investigated"),
			"mark_hazard": lambda: hazards.mark_hazard("no-such", "Gas", "x"),
			"ticket_view": lambda: replies.ticket_view(self.ticket),
			"send_as_letter": lambda: replies.send_as_letter(self.ticket, "<p> </p>"),
			"send_for_approval": lambda: replies.send_for_approval(self.ticket, "<p> </p>"),
			"send_draft": lambda: replies.send_draft("no-such"),
			"return_draft": lambda: replies.return_draft("no-such", "x"),
			"print_letters": lambda: replies.print_letters('["no-such"]'),
			"mark_letters_posted": lambda: replies.mark_letters_posted('["no-such"]'),
			"screen_held_ticket": lambda: screening.screen_held_ticket(self.ticket, "no-such-outcome"),
			"export_case`": lambda: evidence.export_case("no-such-contact"),
			"export_subject_access": lambda: evidence.export_subject_access("no-such-contact"),
			"close_welfare_follow_up": lambda: staff.close_welfare_follow_up("no-such", "Debrief offered."),
			"remove_staff_safety_marker": lambda: staff.remove_staff_safety_marker(
				"no-such", "No longer needed now."
			),
			"end_protocol": doc_method(
				"UAB Communication Protocol", self.draft_protocol, "end_protocol", reason="x"
			),
			"authorise_immediate_action": doc_method(
				"UAB Warning", self.warning, "authorise_immediate_action", reason="x"
			),
			"request_immediate_action": doc_method(
				"UAB Warning", self.warning, "request_immediate_action", reason="x"
			),
			"merge_ticket": lambda: helpdesk.merge_ticket(source=0, target=0),
			"split_ticket": lambda: helpdesk.split_ticket(subject="x", communication_id="no-such"),
			"bulk_reply": lambda: helpdesk.bulk_reply(ticket_ids=[], message="x"),
			"make_a_call": lambda: telephony.make_a_call(to_number="0"),
			"voice": voice,
			"send_sms": lambda: sms.send_sms(receiver_list=[], msg="x"),
		}

	def call_for(self, row: str):
		calls = self.calls()
		key = next((key for key in calls if key in row), None)
		self.assertIsNotNone(key, f"no call for the table row {row!r}")
		return calls[key]

	def test_the_table_lists_every_whitelisted_method_of_the_app(self):
		import uab_helpdesk

		app = Path(uab_helpdesk.__file__).parent
		names = set()
		for path in app.rglob("*.py"):
			if "/tests/" in str(path) or path.name.startswith("test_"):
				continue
			names |= set(re.findall(r"@frappe\.whitelist\([^)]*\)\s*\n\s*def (\w+)", path.read_text()))
		table = " ".join(read_table())
		self.assertFalse(
			{name for name in names if name not in table}, "whitelisted but not in docs/access.md"
		)

	def test_each_caller_gets_exactly_what_the_table_says(self):
		rows = read_table()
		self.assertGreaterEqual(len(rows), 24)
		for row, allowed in rows.items():
			call = self.call_for(row)
			for column, user in self.users.items():
				with self.subTest(row=row, caller=column):
					before = self.footprint()
					refused, why = self.refused(call, user)
					self.assertEqual(not refused, allowed[column], why)
					# Let through means it ran on to an ordinary refusal of the input (no such record), never
					# that it crashed: a crash would pass for "allowed" and prove nothing (issue 20).
					self.assertNotIn("crashed", why)
					if refused:
						self.assertEqual(self.footprint(), before, "a refused caller writes nothing")

	def refused(self, call, user: str) -> bool:
		"""Refused means a PermissionError. The arguments are chosen so that a caller let through meets
		an ordinary validation error instead (no such record, no such method of sending, not held)."""
		frappe.set_user(user)
		try:
			call()
		except frappe.PermissionError as error:
			return True, repr(error)
		except (frappe.ValidationError, frappe.DoesNotExistError) as error:
			return False, repr(error)
		except Exception as error:
			return False, f"crashed: {error!r}"
		finally:
			frappe.set_user("Administrator")
			frappe.local.message_log = []
		return False, "allowed"

	def footprint(self) -> tuple:
		return tuple(
			frappe.db.count(doctype)
			for doctype in ("UAB Contact Attempt", "Comment", "Communication", "ToDo", "Version")
		)
