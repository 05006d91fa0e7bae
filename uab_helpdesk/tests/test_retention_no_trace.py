"""Retention leaves no trace (policy 8.1; UK GDPR storage limitation): after a closed case passes its
retention, no row anywhere in the database holds its description, the words of its letters, the
customer's statement or name, or its ticket link — outside the Contact and tickets Helpdesk keeps."""

import frappe
from frappe.utils import add_years, getdate, now_datetime

from uab_helpdesk.api.evidence import export_subject_access
from uab_helpdesk.api.letters import send_letter
from uab_helpdesk.api.staff import remove_staff_safety_marker
from uab_helpdesk.retention import anonymise_closed_cases
from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.utils import make_incident, make_outgoing_email_account, make_staff, make_ticket
from uab_helpdesk.ticket_state import set_message_state, set_ticket_state, ticket_state

TEXT_TYPES = ("char", "varchar", "text", "mediumtext", "longtext", "tinytext", "json")
# Where the person stays after their UAB case is gone: Helpdesk's own records of them (their Contact,
# their tickets and the mail on them), and Frappe's search index of those.
HELPDESK_KEEPS = {
	"tabContact": "1=1",
	"tabContact Email": "1=1",
	"tabHD Ticket": "1=1",
	"tabCommunication": "reference_doctype = 'HD Ticket'",
	"tabCommunication Link": "link_doctype in ('Contact', 'HD Ticket')",
	"tabDynamic Link": "1=1",
	"tabVersion": "ref_doctype in ('Contact', 'HD Ticket')",
	"tabEmail Queue": "reference_doctype = 'HD Ticket'",
	"tabEmail Queue Recipient": "1=1",
	"__global_search": "doctype in ('Contact', 'HD Ticket')",
	"tabComment": "reference_doctype in ('Contact', 'HD Ticket') and content not like 'UAB:%%'",
	"tabHD Ticket Activity": "1=1",
	"tabNotification Log": "document_type = 'HD Ticket'",
	"tabToDo": "reference_type = 'HD Ticket'",
}


def rows_holding(text: str, keeps: dict | None = None) -> dict[str, int]:
	"""Every table (but what Helpdesk keeps) with a row whose text columns contain ``text``."""
	keeps = keeps or {}
	columns = frappe.db.sql(
		"""select table_name, column_name from information_schema.columns
		where table_schema = database() and data_type in %s""",
		(TEXT_TYPES,),
	)
	by_table: dict[str, list[str]] = {}
	for table, column in columns:
		by_table.setdefault(table, []).append(column)
	found = {}
	for table, names in by_table.items():
		where = " or ".join(f"`{name}` like %(text)s" for name in names)
		if table in keeps:
			where = f"({where}) and not ({keeps[table]})"
		count = frappe.db.sql(f"select count(*) from `{table}` where {where}", {"text": f"%{text}%"})[0][0]
		if count:
			found[table] = count
	return found


class TestRetentionLeavesNoTrace(UABTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_outgoing_email_account()
		cls.addClassCleanup(frappe.clear_document_cache, "UAB Settings", "UAB Settings")
		cls.staff = make_staff()
		token = frappe.generate_hash(length=10)
		cls.surname = f"Zq{token}"
		cls.description = f"Threw a chair at the counter, marker {token}d."
		cls.reason = f"You threw a chair at our officer, marker {token}r."
		cls.said = f"I never threw anything, marker {token}s."
		cls.drafted = f"We will not visit alone again, marker {token}q."
		cls.held_because = f"Held for screening: over the issue limit, marker {token}h."
		cls.threat_words = f"Threat of violence: waiting by your car, marker {token}k."
		cls.contact = (
			frappe.get_doc(
				{
					"doctype": "Contact",
					"first_name": "Kept",
					"last_name": cls.surname,
					"email_ids": [{"email_id": f"kept.{token.lower()}@tenant.test", "is_primary": 1}],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		cls.ticket = make_ticket(cls.contact, subject="Counter visit")

	def build_case(self) -> dict:
		"""An incident with everything around it: a welfare follow-up, a staff-safety marker (removed),
		a warning and its emailed letter, the customer's statement, a file, an error log, an export."""
		with self.set_user(self.staff.agent):
			incident = make_incident(
				self.contact,
				ticket=self.ticket,
				description=self.description,
				physical_violence="Used",
				police_reported=1,
				police_reference="CAD 99",
				staff_affected=self.staff.agent,
				behaviour_type="Abusive – physical",
				channel="In person",
				submit=False,
			)
			# The draft is corrected before it is submitted: its Version keeps both wordings.
			draft = frappe.get_doc("UAB Incident", incident)
			draft.description = f"{self.description} (corrected)"
			draft.save(ignore_version=False)  # tests skip versions unless asked
			draft.submit()
			warning = frappe.get_doc(
				{
					"doctype": "UAB Warning",
					"contact": self.contact,
					"level": "Initial",
					"issued_on": now_datetime(),
					"method": "Email",
					"incidents": [{"incident": incident}],
					"reason_for_customer": self.reason,
				}
			).insert()
			warning.submit()
			send_letter("UAB Warning", warning.name, "Email")
		with self.set_user(self.staff.manager):
			marker = frappe.db.get_value(
				"UAB Staff Safety Marker", {"contact": self.contact, "status": "Active"}
			)
			remove_staff_safety_marker(marker, "Reviewed with the police: no longer needed.")
			frappe.get_doc(
				{
					"doctype": "UAB Customer Statement",
					"record_type": "UAB Incident",
					"record": incident,
					"received_via": "Letter",
					"statement": self.said,
				}
			).insert()
			# A reply that waited for the single point of contact's approval (api.replies) holds words too.
			reply = frappe.get_doc(
				{
					"doctype": "UAB Reply Draft",
					"ticket": self.ticket,
					"contact": self.contact,
					"content": f"<p>{self.drafted}</p>",
				}
			)
			reply.flags.uab_action = True
			reply.insert(ignore_permissions=True)
			export_subject_access(self.contact)
		self.record_what_the_app_knew()
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"note-{self.surname}.txt",
				"attached_to_doctype": "UAB Incident",
				"attached_to_name": incident,
				"content": self.description,
			}
		).insert(ignore_permissions=True)
		frappe.log_error(
			title="UAB Helpdesk: test", reference_doctype="UAB Incident", reference_name=incident
		)
		self.age_case(years=3)
		return {"incident": incident, "warning": warning.name, "marker": marker}

	def record_what_the_app_knew(self) -> None:
		"""Issue 20, point 9: the ticket was held and its protocol has since ended (the state keeps no
		protocol), and a message of theirs was read as a threat; the ticket's state changed once more, so
		a Version holds the earlier words."""
		set_ticket_state(
			self.ticket, held=1, hold_reason="Held for screening.", screening="Awaiting screening"
		)
		state = frappe.get_doc("UAB Ticket State", self.ticket)
		state.update({"hold_reason": self.held_because, "safety_matter": "Gas", "protocol": None})
		state.save(ignore_permissions=True, ignore_version=False)  # tests skip versions unless asked
		message = frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"subject": "Re: Counter visit",
				"content": "<p>You will see.</p>",
				"reference_doctype": "HD Ticket",
				"reference_name": self.ticket,
			}
		).insert(ignore_permissions=True)
		set_message_state(
			message.name, ticket=self.ticket, language_flagged=1, language_kinds=self.threat_words
		)

	def age_case(self, years: int) -> None:
		"""The case closed long ago: every date of its records moves back."""
		then = add_years(now_datetime(), -years)
		for doctype, field in (
			("UAB Incident", "occurred_on"),
			("UAB Warning", "issued_on"),
			("UAB Customer Statement", "received_on"),
			("UAB Staff Safety Marker", "placed_on"),
			("UAB Staff Safety Marker", "removed_on"),
			("UAB Contact Attempt", "attempted_on"),
			("UAB Reply Draft", "written_on"),
		):
			frappe.db.set_value(doctype, {"contact": self.contact}, field, then, update_modified=False)

	def test_nothing_of_the_case_is_left_anywhere_8_1(self):
		case = self.build_case()
		frappe.db.set_single_value("UAB Settings", "retention_years", 1)
		kept = (self.description, self.reason, self.said, self.drafted, self.held_because, self.threat_words)
		for text in kept:
			self.assertTrue(rows_holding(text), "the case is on record before retention")
		trails = (("Version", "docname"), ("Comment", "reference_name"), ("File", "attached_to_name"))
		for trail, field in trails:
			self.assertTrue(frappe.db.exists(trail, {field: ("in", list(case.values()))}), trail)

		anonymise_closed_cases()

		for text in kept:
			self.assertEqual(rows_holding(text), {}, "no row anywhere holds the case's words")
		self.assertFalse(frappe.db.exists("UAB Ticket State", self.ticket), "nor what the app knew of it")
		self.assertEqual(rows_holding(self.surname, HELPDESK_KEEPS), {}, "nor the person's name")
		self.assertEqual(self.uab_rows_linking(self.ticket), {}, "nor a link to their ticket")
		self.assertEqual(self.uab_rows_linking(self.contact), {}, "nor a link to their contact")
		incident = frappe.db.get_value(
			"UAB Incident",
			case["incident"],
			["behaviour_type", "channel", "physical_violence", "owner", "staff_affected"],
			as_dict=True,
		)
		self.assertEqual(
			(incident.behaviour_type, incident.channel, incident.physical_violence),
			("Abusive – physical", "In person", "Used"),
			"what the registers count stays",
		)
		self.assertEqual((incident.owner, incident.staff_affected), ("Administrator", None))
		for trail, field in (
			("Version", "docname"),
			("Comment", "reference_name"),
			("File", "attached_to_name"),
		):
			self.assertFalse(frappe.db.exists(trail, {field: ("in", list(case.values()))}), trail)
		self.assertFalse(frappe.db.exists("Error Log", {"reference_name": case["incident"]}))
		self.assertFalse(ticket_state(self.ticket).protocol)

	def test_a_case_inside_its_retention_is_untouched_8_1(self):
		case = self.build_case()
		frappe.db.set_single_value("UAB Settings", "retention_years", 6)
		anonymise_closed_cases()
		self.assertIn(self.description, frappe.db.get_value("UAB Incident", case["incident"], "description"))
		self.assertEqual(
			getdate(frappe.db.get_value("UAB Incident", case["incident"], "occurred_on")).year,
			now_datetime().year - 3,
		)

	def uab_rows_linking(self, name: str) -> dict[str, int]:
		found = {}
		for doctype in frappe.get_all("DocType", filters={"module": "UAB Helpdesk"}, pluck="name"):
			meta = frappe.get_meta(doctype)
			if meta.issingle:
				continue
			links = [df.fieldname for df in meta.fields if df.fieldtype in ("Link", "Dynamic Link")]
			for field in links:
				if count := frappe.db.count(doctype, {field: name}):
					found[f"{doctype}.{field}"] = count
		return found
