"""A small, clearly fictional housing caseload that shows every stage of the policy (6.3–6.5).

    bench --site SITE execute uab_helpdesk.demo.create
    bench --site SITE execute uab_helpdesk.demo.delete

Running create twice changes nothing; delete removes exactly what create made. Every demo person has an
address at uab-demo.test and a name beginning "Demo", so nothing here can be mistaken for a real tenant.
"""

import frappe
from frappe.utils import add_days, add_months, add_to_date, now_datetime, today

DOMAIN = "uab-demo.test"
PASSWORD = "Demo-UAB-2026!"
STAFF = {
	"agent": ("demo.agent", "Agent"),
	"officer": ("demo.officer", "Agent"),
	"manager": ("demo.manager", "Agent", "UAB Manager"),
	"head": ("demo.head", "Agent", "UAB Head of Service"),
	"director": ("demo.director", "Agent", "UAB Director"),
	"appeals_director": ("demo.appeals", "Agent", "UAB Director"),
	"auditor": ("demo.auditor", "UAB Auditor"),
}
CUSTOMERS = {
	"incident": "Demo Avery Incident",
	"warned": "Demo Blake Warned",
	"assessment": "Demo Casey Assessed",
	"drafted": "Demo Harper Drafted",  # authorised by a Head of Service; its letter has not gone
	"protocol": "Demo Drew Protocol",
	"health_and_safety": "Demo Ellis Safety",
	"appeal": "Demo Finley Appeal",
	"review": "Demo Gray Review",
	"third_party": "Demo Jordan Third Party",  # contact through an advocate (6.4.1)
	"advocate": "Demo Morgan Advocate",  # not a customer under a protocol: Jordan's advocate
}
UAB_DOCTYPES = (
	"UAB Protocol Review",
	"UAB Appeal",
	"UAB Contact Attempt",
	"UAB Communication Protocol",
	"UAB Assessment",
	"UAB Warning",
	"UAB Incident",
	"UAB Staff Safety Marker",
	"UAB Welfare Follow-up",  # found through its incident
)


def create() -> None:
	frappe.set_user("Administrator")
	if frappe.db.exists("Contact", {"first_name": CUSTOMERS["review"]}):
		print("The demo caseload is already there.")
		_print_logins()
		return
	staff = {key: _user(*spec) for key, spec in STAFF.items()}
	contacts = {key: _contact(name) for key, name in CUSTOMERS.items()}

	frappe.set_user(staff["agent"])
	_incident(contacts["incident"], 5, "Shouted at the officer at the counter and called her useless.")
	warned = _incident(contacts["warned"], 40, "Swore at the repairs officer on the phone.")
	_warning(contacts["warned"], "Initial", [warned], 38, "Phone")
	frappe.set_user(staff["manager"])
	again = _incident(contacts["warned"], 20, "Sent six abusive emails in one morning.")
	_warning(contacts["warned"], "Formal", [again], 18, "Letter")

	for key in ("assessment", "drafted", "protocol", "health_and_safety", "appeal", "review", "third_party"):
		assessment = _ladder(contacts[key], staff, submit=key != "assessment")
		if key == "assessment":
			continue
		frappe.set_user(staff["manager"])
		fields = {"single_point_of_contact": staff["officer"]}
		if key == "protocol":
			fields.update(
				allowed_channels=[{"channel": "Email"}, {"channel": "Phone"}],
				contact_windows=[
					{"channel": "Phone", "weekday": "Tuesday", "from_time": "10:00:00", "to_time": "12:00:00"}
				],
				issue_limit=1,
				issue_limit_period="Month",
			)
		if key == "health_and_safety":
			fields.update(health_and_safety_only=1, health_and_safety_only_until=add_months(today(), 3))
			# Threats to an officer: the manager asks, and a Director authorises immediate action (6.5).
			assessment = None
			fields["immediate_action_reason"] = (
				"Threatened to 'sort out' the officer; reported to the police."
			)
		if key == "third_party":
			fields.update(
				allowed_channels=[{"channel": "Letter"}, {"channel": "Third party"}],
				third_party_contact=contacts["advocate"],
				third_party_role="Advocate",
				third_party_scope="Repairs, the rent account and this protocol.",
				third_party_authority_from=add_days(today(), -30),
				copy_letters_to_third_party=1,
			)
		protocol = _protocol(contacts[key], assessment, fields)
		if key == "health_and_safety":
			frappe.set_user(staff["director"])
			protocol.authorise_immediate_action(fields["immediate_action_reason"])
		# 6.5.4 in order: a Head of Service authorises, then the letter they sign goes, and it applies.
		frappe.set_user(staff["head"])
		protocol.reload()
		protocol.submit()
		if key == "drafted":
			continue  # authorised; its letter has not gone yet, so it does not apply yet
		from uab_helpdesk.api.letters import send_letter

		send_letter(protocol.doctype, protocol.name, "Letter")
		if key == "appeal":
			frappe.set_user(staff["manager"])
			frappe.get_doc(
				{
					"doctype": "UAB Appeal",
					"protocol": protocol.name,
					"received_via": "Letter",
					"grounds": "I only raised my voice once.",
				}
			).insert()
		if key == "review":
			frappe.db.set_value(
				"UAB Communication Protocol", protocol.name, "review_due_date", add_days(today(), 5)
			)
	# Ellis threatened violence: a staff-safety marker every colleague sees, and a welfare follow-up
	# for the officer's manager (6.3.1, 2.2).
	frappe.set_user(staff["agent"])
	_incident(
		contacts["health_and_safety"],
		2,
		"Said on the phone he would wait outside the office for the officer with a hammer.",
		physical_violence="Threatened",
		police_reported=1,
		police_reference="Demo CAD 0412",
		behaviour_type="Intimidation or threatening",
		staff_affected=staff["officer"],
	)
	frappe.set_user("Administrator")
	from uab_helpdesk.tasks import review_protocols

	review_protocols()
	for key, contact in contacts.items():
		if key != "advocate":
			_ticket(contact, f"Repairs request ({key.replace('_', ' ')})")
	# During Ellis's health-and-safety-only period a gas smell gets through, routed as urgent (6.4.4).
	_ticket(contacts["health_and_safety"], "Smell of gas by the meter cupboard")
	# Jordan's advocate writes for Jordan: linked to Jordan's protocol and routed to the officer (6.4.1).
	_ticket(contacts["advocate"], "For my client Jordan: the kitchen cupboard door")
	# Over the protocol's one new issue a month: held for screening, never lost (6.4.3).
	_ticket(contacts["protocol"], "Complaint about the neighbours' bins")
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	print("Demo caseload created.")
	_print_logins()


def delete() -> None:
	"""Remove exactly what create made: its records, their trail, the demo customers and staff."""
	frappe.set_user("Administrator")
	customers = frappe.get_all(
		"Contact", filters={"first_name": ("in", list(CUSTOMERS.values()))}, pluck="name"
	)
	# Frappe also makes a Contact for each new User: the demo staff's go too.
	staff_contacts = frappe.get_all(
		"Contact Email", filters={"email_id": ("like", f"%@{DOMAIN}")}, pluck="parent"
	)
	contacts = sorted(set(customers) | set(staff_contacts))
	users = frappe.get_all("User", filters={"name": ("like", f"%@{DOMAIN}")}, pluck="name")
	made = {}
	for doctype in UAB_DOCTYPES:
		filters = {"contact": ("in", customers or [""])}
		if doctype == "UAB Welfare Follow-up":
			filters = {"incident": ("in", made["UAB Incident"] or [""])}
		made[doctype] = frappe.get_all(doctype, filters=filters, pluck="name")
	made["HD Ticket"] = frappe.get_all(
		"HD Ticket", filters={"raised_by": ("like", f"%@{DOMAIN}")}, pluck="name"
	)
	# What the app knew of the demo's tickets and messages (ticket_state.py, hazards.py) goes with them.
	tickets = [str(ticket) for ticket in made["HD Ticket"]] or [""]
	for doctype in ("UAB Hazard Clock", "UAB Message State", "UAB Ticket State"):
		made[doctype] = frappe.get_all(doctype, filters={"ticket": ("in", tickets)}, pluck="name")
	for doctype, names in made.items():
		if not names:
			continue
		for trail, field in (
			("ToDo", "reference_name"),
			("Comment", "reference_name"),
			("Version", "docname"),
			("Communication", "reference_name"),
			("Notification Log", "document_name"),
		):
			frappe.db.delete(trail, {field: ("in", names)})
		for child in frappe.get_meta(doctype).get_table_fields():
			frappe.db.delete(child.options, {"parent": ("in", names), "parenttype": doctype})
		frappe.db.delete(doctype, {"name": ("in", names)})
	for contact in contacts:
		frappe.db.delete("Contact Email", {"parent": contact})
		frappe.db.delete("Contact Phone", {"parent": contact})
		frappe.db.delete("Dynamic Link", {"parent": contact, "parenttype": "Contact"})
		frappe.db.delete("Comment", {"reference_doctype": "Contact", "reference_name": contact})
		frappe.db.delete("Version", {"ref_doctype": "Contact", "docname": contact})
		frappe.db.delete("Contact", {"name": contact})
	for user in users:
		_delete_demo_user(user)
	frappe.db.delete("Email Queue Recipient", {"recipient": ("like", f"%@{DOMAIN}")})
	from uab_helpdesk.protection import clear_protected_index

	clear_protected_index()
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	print("Demo caseload removed.")


def _delete_demo_user(user: str) -> None:
	"""Frappe's User.on_trash refuses to delete anyone while Administrator is the only System Manager (so on
	a site whose setup wizard never ran, as after Helpdesk's Docker quick start). The demo staff are never
	System Managers, so delete them without that hook and remove what they left: their agent record,
	roles, defaults, shares, notification settings, sessions and the comments about them."""
	frappe.db.delete("HD Agent", {"name": user})
	for doctype, field in (
		("ToDo", "allocated_to"),
		("DocShare", "user"),
		("DefaultValue", "parent"),
		("User Permission", "user"),
		("Sessions", "user"),
		("List Filter", "for_user"),
		("Energy Point Log", "user"),
	):
		frappe.db.delete(doctype, {field: user})
	frappe.db.delete("Notification Settings", {"name": user})
	frappe.delete_doc(
		"User", user, force=True, ignore_permissions=True, ignore_on_trash=True, delete_permanently=True
	)
	frappe.db.delete("Comment", {"reference_doctype": "User", "reference_name": user})
	# delete_doc also leaves a "Deleted" feed entry naming the user in its subject.
	frappe.db.delete(
		"Comment", {"comment_type": "Deleted", "reference_doctype": "User", "subject": ("like", f"% {user}")}
	)
	frappe.cache.delete_key("enabled_users")


def _print_logins() -> None:
	print(f"Log in at /helpdesk or /app as any of these, password {PASSWORD}:")
	for login, *roles in STAFF.values():
		print(f"  {login + '@' + DOMAIN:<30} {', '.join(roles)}")


def _user(login: str, *roles: str) -> str:
	email = f"{login}@{DOMAIN}"
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": login.split(".")[1].title(),
				"last_name": "(demo)",
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				"roles": [{"role": role} for role in roles],
			}
		).insert(ignore_permissions=True)
	if "Agent" in roles and not frappe.db.exists("HD Agent", email):
		frappe.get_doc({"doctype": "HD Agent", "user": email, "agent_name": login}).insert(
			ignore_permissions=True
		)
	return email


def _contact(name: str) -> str:
	email = f"{frappe.scrub(name).replace('_', '.')}@{DOMAIN}"
	return (
		frappe.get_doc(
			{"doctype": "Contact", "first_name": name, "email_ids": [{"email_id": email, "is_primary": 1}]}
		)
		.insert(ignore_permissions=True)
		.name
	)


def _incident(contact: str, days_ago: int, description: str, **fields) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "UAB Incident",
			"contact": contact,
			"occurred_on": add_to_date(now_datetime(), days=-days_ago),
			"channel": "Phone",
			"behaviour_type": "Abusive – verbal",
			"description": description,
			**fields,
		}
	).insert()
	doc.submit()
	return doc.name


def _warning(contact: str, level: str, incidents: list[str], days_ago: int, method: str) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "UAB Warning",
			"contact": contact,
			"level": level,
			"issued_on": add_to_date(now_datetime(), days=-days_ago),
			"method": method,
			"incidents": [{"incident": name} for name in incidents],
			"reason_for_customer": "You swore at and threatened our officers, which made them feel unsafe.",
		}
	).insert()
	doc.submit()
	return doc.name


def _ladder(contact: str, staff: dict, submit: bool) -> str:
	frappe.set_user(staff["agent"])
	first = _incident(contact, 60, "Threatened to 'sort out' the officer after a missed appointment.")
	_warning(contact, "Initial", [first], 58, "In person")
	frappe.set_user(staff["manager"])
	second = _incident(contact, 40, "Repeated the threat by phone and ended the call shouting.")
	formal = _warning(contact, "Formal", [second], 38, "Letter")
	_incident(contact, 10, "Sent twelve emails in a day calling staff liars.")
	doc = frappe.get_doc(
		{
			"doctype": "UAB Assessment",
			"contact": contact,
			"formal_warning": formal,
			"period_from": add_months(today(), -3),
			"period_to": today(),
			"needs_and_circumstances": "Lives alone; no support needs disclosed when asked.",
			"reasonable_adjustments": "Offered a named officer and written updates.",
			"proportionality": "Threats to two officers after two warnings; written contact keeps the repairs service open.",
			"outcome": "Unacceptable – protocol recommended",
		}
	).insert()
	if submit:
		doc.submit()
	return doc.name


def _protocol(contact: str, assessment: str | None, fields: dict):
	return frappe.get_doc(
		{
			"doctype": "UAB Communication Protocol",
			"contact": contact,
			"assessment": assessment,
			"start_date": today(),
			"allowed_channels": [{"channel": "Letter"}, {"channel": "Email"}],
			"reasonable_adjustments": "Letters in plain English.",
			"reason_for_customer": "You threatened two of our officers and kept contacting them after two warnings.",
			**fields,
		}
	).insert()


def _ticket(contact: str, subject: str) -> None:
	email = frappe.db.get_value("Contact Email", {"parent": contact}, "email_id")
	frappe.get_doc(
		{
			"doctype": "HD Ticket",
			"subject": subject,
			"raised_by": email,
			"contact": contact,
			"description": subject,
		}
	).insert(ignore_permissions=True)
