"""Factories for integration tests (`make_<thing>`), and the `before_tests` hook."""

import frappe
from frappe.utils import add_to_date, now_datetime, today

PASSWORD = "Uab-test-Pa55!"


def before_tests() -> None:
	"""`bench run-tests --app uab_helpdesk` runs only our app's before_tests: prepare Helpdesk too."""
	try:
		from helpdesk.test_utils import before_tests as helpdesk_before_tests
	except ImportError:
		helpdesk_before_tests = None
	if helpdesk_before_tests:
		helpdesk_before_tests()
	from uab_helpdesk.setup.custom_fields import make_custom_fields
	from uab_helpdesk.setup.defaults import make_default_ticket_types

	make_custom_fields()
	make_default_ticket_types()
	make_outgoing_email_account()
	# The policy's contact windows are UK wall-clock times.
	frappe.db.set_single_value("System Settings", "time_zone", "Europe/London")
	frappe.db.commit()  # nosemgrep: before_tests runs once, outside any test transaction


def make_outgoing_email_account() -> None:
	"""Agent replies need a default outgoing account ("No sender email set up" otherwise)."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return
	from frappe.core.doctype.communication.test_communication import create_email_account
	from frappe.test_runner import make_test_objects

	make_test_objects("Email Domain")
	create_email_account()


def make_user(email: str, *roles: str, website_user: bool = False) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"user_type": "Website User" if website_user else "System User",
				"new_password": PASSWORD,
				"roles": [{"role": role} for role in roles],
			}
		).insert(ignore_permissions=True)
	# Under tests Frappe e-mails an assignment at once, and that send commits the test's transaction.
	if frappe.db.exists("Notification Settings", email):
		frappe.db.set_value("Notification Settings", email, "enable_email_notifications", 0)
	else:
		settings = frappe.new_doc("Notification Settings")
		settings.name, settings.enable_email_notifications = email, 0
		settings.insert(ignore_permissions=True)
	return email


def make_staff() -> frappe._dict:
	"""One user per role of SPEC §3, plus a portal customer."""
	return frappe._dict(
		agent=make_user("uab.agent@housing.test", "Agent"),
		other_agent=make_user("uab.agent2@housing.test", "Agent"),
		manager=make_user("uab.manager@housing.test", "Agent", "UAB Manager"),
		other_manager=make_user("uab.manager2@housing.test", "Agent", "UAB Manager"),
		head=make_user("uab.head@housing.test", "Agent", "UAB Head of Service"),
		director=make_user("uab.director@housing.test", "Agent", "UAB Director"),
		other_director=make_user("uab.director2@housing.test", "Agent", "UAB Director"),
		auditor=make_user("uab.auditor@housing.test", "UAB Auditor"),
		customer=make_user("uab.customer@tenant.test", website_user=True),
	)


def make_contact(first_name: str, email: str | None = None, phone: str | None = None) -> str:
	email = email or f"{frappe.scrub(first_name)}.{frappe.generate_hash(length=6)}@tenant.test"
	contact = frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": first_name,
			"email_ids": [{"email_id": email, "is_primary": 1}],
			"phone_nos": [{"phone": phone, "is_primary_phone": 1}] if phone else [],
		}
	).insert(ignore_permissions=True)
	return contact.name


def email_of(contact: str) -> str:
	return frappe.db.get_value("Contact Email", {"parent": contact, "is_primary": 1}, "email_id")


def make_ticket(contact: str, **fields) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "HD Ticket",
			"subject": fields.pop("subject", "Kitchen cupboard door"),
			"description": fields.pop(
				"description", "The hinge on the kitchen cupboard door has come loose."
			),
			"raised_by": email_of(contact),
			"contact": contact,
			**fields,
		}
	).insert(ignore_permissions=True)
	return doc.name


def hours_ago(hours: float):
	return add_to_date(now_datetime(), hours=-hours)


def make_incident(contact: str, *, hours: float = 1, submit: bool = True, **fields) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "UAB Incident",
			"contact": contact,
			"occurred_on": hours_ago(hours),
			"channel": "Phone",
			"behaviour_type": "Abusive – verbal",
			"description": "Caller shouted, swore at the officer and called her useless.",
			**fields,
		}
	).insert()
	if submit:
		doc.submit()
	return doc.name


def make_warning(
	contact: str,
	level: str,
	incidents: list[str],
	*,
	hours: float = 1,
	submit: bool = True,
	director: str | None = None,
	**fields,
) -> str:
	"""A warning issued by the session user; with ``director`` that Director first authorises
	immediate action on the draft, themselves (6.5)."""
	if director:
		fields.setdefault("immediate_action_reason", "Threat to burn the office down.")
	doc = frappe.get_doc(
		{
			"doctype": "UAB Warning",
			"contact": contact,
			"level": level,
			"issued_on": hours_ago(hours),
			"method": "Letter",
			"incidents": [{"incident": name} for name in incidents],
			"reason_for_customer": "You swore at our officer and called her useless.",
			**fields,
		}
	).insert()
	if director:
		authorise_as(director, doc, "Threat to burn the office down.")
	if submit:
		doc.submit()
	return doc.name


def authorise_as(director: str, doc, reason: str) -> None:
	"""The Director authorises immediate action on a draft in their own session (6.5)."""
	previous = frappe.session.user
	frappe.set_user(director)
	try:
		doc.reload()
		doc.authorise_immediate_action(reason)
	finally:
		frappe.set_user(previous)
	doc.reload()


def make_assessment(
	contact: str,
	formal_warning: str,
	*,
	outcome: str = "Unacceptable – protocol recommended",
	submit: bool = True,
	**fields,
) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "UAB Assessment",
			"contact": contact,
			"formal_warning": formal_warning,
			"period_from": add_to_date(today(), months=-3),
			"period_to": today(),
			"needs_and_circumstances": "Lives alone; no support needs disclosed after asking.",
			"reasonable_adjustments": "Offered letters in large print and a named officer.",
			"proportionality": "Repeated abuse of two officers over three months; written contact keeps a service.",
			"outcome": outcome,
			**fields,
		}
	).insert()
	if submit:
		doc.submit()
	return doc.name


def walk_ladder(contact: str) -> frappe._dict:
	"""Incident, initial warning, incident, formal warning, incident: the record an assessment needs (6.5)."""
	steps = frappe._dict()
	steps.first_incident = make_incident(contact, hours=50)
	steps.initial_warning = make_warning(contact, "Initial", [steps.first_incident], hours=40)
	steps.second_incident = make_incident(contact, hours=30)
	steps.formal_warning = make_warning(contact, "Formal", [steps.second_incident], hours=20)
	steps.third_incident = make_incident(contact, hours=10)
	return steps


def protocol_fields(contact: str, **fields) -> dict:
	"""An email-or-letter protocol with phone on Tuesday 10–12, ready for activation."""
	return {
		"doctype": "UAB Communication Protocol",
		"contact": contact,
		"start_date": today(),
		"allowed_channels": [{"channel": "Letter"}, {"channel": "Email"}, {"channel": "Phone"}],
		"contact_windows": [
			{"channel": "Phone", "weekday": "Tuesday", "from_time": "10:00:00", "to_time": "12:00:00"}
		],
		"reasonable_adjustments": "Large print letters.",
		"reason_for_customer": "You shouted at and swore at two of our officers after two warnings.",
		**fields,
	}


def make_protocol(contact: str, *, director: str | None = None, activate_as: str | None = None, **fields):
	"""A protocol document; with ``director`` it rests on that Director's immediate action (6.5) rather
	than an assessment, and with ``activate_as`` that Head of Service authorises it and records its
	letter as posted, so that it is Active (6.5.4)."""
	if director:  # requested on the draft, then authorised by the Director
		fields.setdefault("immediate_action_reason", "Threats made to staff.")
	doc = frappe.get_doc(protocol_fields(contact, **fields)).insert()
	if director:
		authorise_as(director, doc, "Threats made to staff.")
	if activate_as:
		activate(doc, activate_as)
	return doc


def activate(doc, head: str, method: str = "Letter"):
	"""6.5.4 in order: the Head of Service authorises (submits), then the letter they sign is sent."""
	from uab_helpdesk.api.letters import send_letter

	previous = frappe.session.user
	frappe.set_user(head)
	try:
		doc.reload()
		doc.submit()
		send_letter(doc.doctype, doc.name, method)
	finally:
		frappe.set_user(previous)
	doc.reload()
	return doc


def use_christmas_calendar(test) -> None:
	"""The landlord's calendar on Helpdesk's default SLA: office hours Monday to Friday, 09:00-17:00, with
	Christmas Day and the Boxing Day substitute (Monday 28 December 2026) shut. Skips the test where the
	site has no default SLA to copy."""
	holidays = frappe.get_doc(
		{
			"doctype": "HD Service Holiday List",
			"holiday_list_name": f"Landlord {frappe.generate_hash(length=5)}",
			"from_date": "2026-01-01",
			"to_date": "2026-12-31",
			"holidays": [
				{"holiday_date": "2026-12-25", "description": "Christmas Day"},
				{"holiday_date": "2026-12-28", "description": "Boxing Day (substitute)"},
			],
		}
	).insert(ignore_permissions=True)
	default = frappe.get_all("HD Service Level Agreement", filters={"default_sla": 1}, pluck="name", limit=1)
	if not default:
		test.skipTest("this site has no default SLA")
	sla = frappe.copy_doc(frappe.get_doc("HD Service Level Agreement", default[0]))
	sla.service_level = f"Landlord hours {frappe.generate_hash(length=5)}"
	sla.holiday_list, sla.default_sla, sla.enabled, sla.condition = holidays.name, 1, 1, ""
	sla.support_and_resolution = []
	for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
		sla.append(
			"support_and_resolution", {"workday": day, "start_time": "09:00:00", "end_time": "17:00:00"}
		)
	sla.insert(ignore_permissions=True)
	frappe.db.set_value("HD Service Level Agreement", {"name": ("!=", sla.name)}, "default_sla", 0)
