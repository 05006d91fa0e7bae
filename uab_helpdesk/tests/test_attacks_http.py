"""Attacks over real HTTP (issue 20), written before the fix: a portal customer and a plain agent try to
read or change what the app knows about a ticket and its messages, by Frappe's and Helpdesk's own routes,
with field names escaped, cased and nested every way. Nothing of the app may come back; nothing may change.

Need to know (policy 8): a customer learns nothing of their protocol from the system but the letters sent
to them. The record is evidence: only the server's named actions change what a decision rests on (6.4.3
the issue limit, 6.4.4 health and safety, 6.5.4 the protocol).
"""

import json

import frappe

from uab_helpdesk.tests import UABTestCase
from uab_helpdesk.tests.live import LiveSite
from uab_helpdesk.tests.utils import make_contact, make_protocol, make_staff, make_ticket, make_user
from uab_helpdesk.ticket_state import message_state, ticket_state

THREAT = "I know where you park your car, Sarah, and I'll be waiting by it tonight."


class AttackCase(UABTestCase):
	"""A protected customer who logs in to the portal, a ticket of theirs held over the issue limit (6.4.3),
	and a threatening message of theirs read by the language signal. All committed: the server's threads
	read the database through their own connections."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from uab_helpdesk.language import read_message
		from uab_helpdesk.protection import clear_protected_index

		cls.staff = make_staff()
		suffix = frappe.generate_hash(length=6)
		cls.email = f"attacker.{suffix}@tenant.test"
		cls.contact = make_contact("Attacking Tenant", email=cls.email)
		portal_roles = ["HD Customer"] if frappe.db.exists("Role", "HD Customer") else []
		cls.customer = make_user(cls.email, *portal_roles, website_user=True)
		frappe.db.set_value("Contact", cls.contact, "user", cls.customer)
		cls.protocol = make_protocol(
			cls.contact,
			director=cls.staff.director,
			activate_as=cls.staff.head,
			single_point_of_contact=cls.staff.agent,
			issue_limit=1,
			issue_limit_period="Month",
		).name
		clear_protected_index()
		household = cls.make_household(portal_roles, suffix)
		cls.first = make_ticket(cls.contact, subject="Broken gate latch", **household)
		cls.held = make_ticket(cls.contact, subject="Another thing this month", **household)
		cls.file_url = cls.attach_a_file_to_the_protocol()
		cls.message = frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"sender": cls.email,
				"subject": "Re: Broken gate latch",
				"content": f"<p>{THREAT}</p>",
				"reference_doctype": "HD Ticket",
				"reference_name": cls.first,
			}
		).insert(ignore_permissions=True)
		read_message(cls.message.name)
		frappe.db.commit()  # nosemgrep: the live server reads through its own connections
		cls.secrets = cls.what_the_app_knows()
		cls.live = LiveSite().start()
		cls.addClassCleanup(cls.live.stop)

	@classmethod
	def make_household(cls, portal_roles: list[str], suffix: str) -> dict:
		"""Helpdesk v1.28: the protected customer is a member of an HD Customer whose manager, another
		tenant, logs in to the portal and reads every member's tickets. Earlier lines have no members."""
		cls.household_manager = None
		if not frappe.db.exists("DocType", "HD Customer Member"):
			return {}
		email = f"household.{suffix}@tenant.test"
		manager_contact = make_contact("Household Manager", email=email)
		cls.household_manager = make_user(email, *portal_roles, website_user=True)
		frappe.db.set_value("Contact", manager_contact, "user", cls.household_manager)
		household = frappe.get_doc(
			{
				"doctype": "HD Customer",
				"customer_name": f"Attacked Household {suffix}",
				"contacts": [
					{"contact_name": manager_contact, "is_manager": 1},
					{"contact_name": cls.contact, "is_manager": 0},
				],
			}
		).insert(ignore_permissions=True)
		return {"customer": household.name}

	@classmethod
	def attach_a_file_to_the_protocol(cls) -> str:
		"""A private file on the customer's protocol (a scanned letter): the words are the app's."""
		return (
			frappe.get_doc(
				{
					"doctype": "File",
					"file_name": f"protocol-note-{frappe.generate_hash(length=6)}.txt",
					"attached_to_doctype": "UAB Communication Protocol",
					"attached_to_name": cls.protocol,
					"is_private": 1,
					"content": f"File note about {cls.protocol}: threats to staff.",
				}
			)
			.insert(ignore_permissions=True)
			.file_url
		)

	@classmethod
	def what_the_app_knows(cls) -> list[str]:
		"""Words only the app holds: a customer who sees any of them has learnt of their protocol."""
		held = ticket_state(cls.held)
		assert held.held and held.protocol == cls.protocol, "the second ticket of the month must be held"
		signal = message_state(cls.message.name)
		assert signal.language_flagged, "the threat must be flagged"
		return [cls.protocol, held.hold_reason, held.protocol_summary, signal.language_kinds]

	def assertLearnsNothing(self, answer, route: str) -> None:
		body = answer.text
		for secret in self.secrets:
			self.assertFalse(secret[:40] in body, f"{route} showed the customer: {secret[:40]!r}")
		try:
			parsed = json.loads(body)
		except ValueError:
			return
		self.assertEqual(_uab_names(parsed), set(), f"{route} answered with the app's fields")


def _uab_names(value) -> set[str]:
	"""Keys named uab_*, and uab_* names in reportview's compressed `keys` list, at any depth."""
	found = set()
	if isinstance(value, dict):
		for key, item in value.items():
			if isinstance(key, str) and key.lower().startswith("uab_"):
				found.add(key)
			found |= _uab_names(item)
	elif isinstance(value, list):
		for item in value:
			if isinstance(item, str) and item.lower().startswith("uab_") and " " not in item:
				found.add(item)
			else:
				found |= _uab_names(item)
	return found


def escaped(values: dict) -> str:
	"""JSON text with every `uab_` name written as `\\u0075ab_`: sent as a value, Frappe decodes it only
	after anything on the wire has looked at it."""
	return json.dumps(values).replace('"uab_', '"\\u0075ab_')


RELEASE = {"uab_held": 0, "uab_screening": "", "uab_opened_by_staff": 1, "uab_safety_matter": "Gas"}


class TestCustomerReadsNothing(AttackCase):
	"""Policy 8: nothing of the app reaches the customer, on any route that returns their records."""

	def routes(self, customer):
		held, message = self.held, self.message.name
		return {
			"REST GET ticket": customer.get(f"/api/resource/HD Ticket/{held}"),
			"REST list fields=*": customer.get(
				"/api/resource/HD Ticket", fields=["*"], filters=[["name", "=", held]]
			),
			"frappe.client.get": customer.method("frappe.client.get", doctype="HD Ticket", name=held),
			"frappe.client.get_list *": customer.method(
				"frappe.client.get_list", doctype="HD Ticket", fields=["*"], filters={"name": held}
			),
			"frappe.client.get_value escaped": customer.method(
				"frappe.client.get_value",
				doctype="HD Ticket",
				filters=held,
				fieldname=escaped({"uab_hold_reason": 1, "uab_protocol_summary": 1}).replace(": 1", ""),
			),
			"frappe.client.get_value cased": customer.method(
				"frappe.client.get_value", doctype="HD Ticket", filters=held, fieldname=["UAB_PROTOCOL"]
			),
			"reportview.get *": customer.method(
				"frappe.desk.reportview.get", doctype="HD Ticket", fields=["*"], filters={"name": held}
			),
			"reportview.export_query": customer.method(
				"frappe.desk.reportview.export_query",
				doctype="HD Ticket",
				fields=["*"],
				filters={"name": held},
				file_format_type="CSV",
			),
			"getdoc": customer.method("frappe.desk.form.load.getdoc", doctype="HD Ticket", name=held),
			"helpdesk get_one": customer.method(
				"helpdesk.helpdesk.doctype.hd_ticket.api.get_one", name=held, is_customer_portal=1
			),
			"print view": customer.get("/printview", doctype="HD Ticket", name=held, format="Standard"),
			"PDF": customer.get(
				"/api/method/frappe.utils.print_format.download_pdf", doctype="HD Ticket", name=held
			),
			"version history": customer.method(
				"frappe.client.get_list",
				doctype="Version",
				fields=["data"],
				filters={"ref_doctype": "HD Ticket", "docname": held},
			),
			"REST GET message": customer.get(f"/api/resource/Communication/{message}"),
			"messages of the ticket": customer.method(
				"frappe.client.get_list",
				doctype="Communication",
				fields=["*"],
				filters={"reference_name": self.first},
			),
			"REST GET the app's ticket state": customer.get(f"/api/resource/UAB Ticket State/{held}"),
			"REST list the app's message state": customer.get(
				"/api/resource/UAB Message State", fields=["*"]
			),
			"search_link the app's state": customer.method(
				"frappe.desk.search.search_link", doctype="UAB Ticket State", txt=""
			),
			"print view of the protocol": customer.get(
				"/printview", doctype="UAB Communication Protocol", name=self.protocol, format="Standard"
			),
			"PDF of the protocol": customer.get(
				"/api/method/frappe.utils.print_format.download_pdf",
				doctype="UAB Communication Protocol",
				name=self.protocol,
			),
			"file on the protocol": customer.get(self.file_url),
			"REST GET the protocol": customer.get(
				f"/api/resource/UAB Communication Protocol/{self.protocol}"
			),
			"contact attempts": customer.method(
				"frappe.client.get_list", doctype="UAB Contact Attempt", fields=["*"]
			),
		}

	def test_a_portal_customer_reads_nothing_of_the_app_by_any_route_8(self):
		customer = self.live.session(self.customer)
		own_ticket = customer.get(f"/api/resource/HD Ticket/{self.held}")
		self.assertEqual(
			own_ticket.status_code, 200, "the customer reads their own ticket: the attack is real"
		)
		for route, answer in self.routes(customer).items():
			with self.subTest(route=route):
				self.assertLearnsNothing(answer, route)


class TestHouseholdManagerReadsNothing(AttackCase):
	"""Helpdesk v1.28: the household's manager reads a member's tickets in the portal; which member is
	restricted, and why their ticket is held, is not theirs to know (policy 8)."""

	def test_a_customer_manager_reads_nothing_of_a_members_protocol_8(self):
		if not self.household_manager:
			self.skipTest("Helpdesk before v1.28 has no customer members")
		manager = self.live.session(self.household_manager)
		own_view = manager.method("helpdesk.helpdesk.doctype.hd_ticket.api.get_one", name=self.held)
		self.assertEqual(
			own_view.status_code, 200, "the manager reads the member's ticket: the attack is real"
		)
		for route, answer in TestCustomerReadsNothing.routes(self, manager).items():
			with self.subTest(route=route):
				self.assertLearnsNothing(answer, route)


class TestCustomerChangesNothing(AttackCase):
	"""6.4.3 and 6.4.4: a customer cannot release their held ticket, escape the issue limit or make their
	ticket a safety matter, by any write route, however the field names are written."""

	def test_a_portal_customer_changes_nothing_of_the_app_by_any_route_6_4_3(self):
		customer = self.live.session(self.customer)
		held = self.held
		before = ticket_state(held)
		attacks = {
			"set_value escaped": customer.method(
				"frappe.client.set_value", doctype="HD Ticket", name=held, fieldname=escaped(RELEASE)
			),
			"REST PUT escaped": customer.put(f"/api/resource/HD Ticket/{held}", escaped(RELEASE)),
			"frappe.client.save escaped": customer.method(
				"frappe.client.save", doc=escaped({"doctype": "HD Ticket", "name": held, **RELEASE})
			),
			"run_doc_method escaped": customer.method(
				"run_doc_method",
				docs=escaped({"doctype": "HD Ticket", "name": held, **RELEASE}),
				method="save",
			),
			"REST PUT the app's state": customer.put(
				f"/api/resource/UAB Ticket State/{held}", '{"held": 0, "opened_by_staff": 1}'
			),
			"REST POST the app's state": customer.post_doc(
				"/api/resource/UAB Ticket State", json.dumps({"ticket": self.first, "held": 0})
			),
			"savedocs escaped": customer.method(
				"frappe.desk.form.save.savedocs",
				doc=escaped({"doctype": "HD Ticket", "name": held, **RELEASE}),
				action="Save",
			),
		}
		frappe.db.rollback()  # see what the server committed
		after = ticket_state(held)
		for field in ("held", "screening", "opened_by_staff", "safety_matter", "protocol"):
			self.assertEqual(after[field], before[field], f"{field} changed by {list(attacks)}")
		for route, answer in attacks.items():
			with self.subTest(route=route):
				self.assertLearnsNothing(answer, route)


class TestStaffCannotSwitchRulesOff(AttackCase):
	"""6.4.4 and 6.5.4: an agent who edits a field neither makes a ticket a safety matter (which would free
	every reply on it from the topic rules) nor takes it out of the protocol; only named actions do."""

	def test_an_agent_cannot_mark_a_safety_matter_or_drop_the_protocol_by_editing_6_4_4(self):
		agent = self.live.session(self.staff.other_agent)
		before = ticket_state(self.held)
		attacks = {
			"set_value": agent.method(
				"frappe.client.set_value",
				doctype="HD Ticket",
				name=self.held,
				fieldname={"uab_safety_matter": "Gas", "uab_protocol": "", "uab_held": 0},
			),
			"REST PUT": agent.put(
				f"/api/resource/HD Ticket/{self.held}", '{"uab_safety_matter": "Gas", "uab_protocol": null}'
			),
			"REST PUT the app's state": agent.put(
				f"/api/resource/UAB Ticket State/{self.held}",
				'{"safety_matter": "Gas", "protocol": null, "held": 0}',
			),
		}
		frappe.db.rollback()
		after = ticket_state(self.held)
		for field in ("held", "safety_matter", "protocol"):
			self.assertEqual(after[field], before[field], f"{field} changed by {list(attacks)}")
