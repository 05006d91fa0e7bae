"""Data for the browser test (browser_tests/): a protected customer's ticket and two agents.

    bench --site SITE execute uab_helpdesk.tests.browser_fixture.create

prints JSON the browser test reads. Safe to run again: it reuses what it made before.
"""

import json

import frappe

from uab_helpdesk.tests.utils import PASSWORD, make_protocol, make_staff, make_ticket, make_user

CONTACT = "Browser Test Tenant"


def create() -> None:
	frappe.set_user("Administrator")
	staff = make_staff()
	for agent in (staff.agent, staff.other_agent):
		if not frappe.db.exists("HD Agent", agent):
			frappe.get_doc({"doctype": "HD Agent", "user": agent, "agent_name": agent.split("@")[0]}).insert(
				ignore_permissions=True
			)
	contact = frappe.db.get_value("Contact", {"first_name": CONTACT}, "name")
	if not contact:
		contact = (
			frappe.get_doc(
				{
					"doctype": "Contact",
					"first_name": CONTACT,
					"email_ids": [{"email_id": "browser.tenant@tenant.test", "is_primary": 1}],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
	if not frappe.db.exists("UAB Communication Protocol", {"contact": contact, "status": "Active"}):
		make_protocol(
			contact, director=staff.director, activate_as=staff.head, single_point_of_contact=staff.agent
		)
	ticket = frappe.db.get_value("HD Ticket", {"contact": contact}, "name") or make_ticket(
		contact, subject="Repeated complaints about the lift"
	)
	# Helpdesk's agent managers use Desk; plain agents work in /helpdesk.
	desk_user = make_user("uab.desk@housing.test", "Agent Manager", "System Manager")
	# The tenant in Helpdesk's customer portal (v1.28 gives portal customers the HD Customer role).
	portal_roles = ["HD Customer"] if frappe.db.exists("Role", "HD Customer") else []
	customer = make_user("browser.tenant@tenant.test", *portal_roles, website_user=True)
	frappe.db.set_value("Contact", contact, "user", customer)
	frappe.db.commit()  # nosemgrep: a command-line fixture, not a request
	print(
		json.dumps(
			{
				"ticket": str(ticket),
				"officer": staff.agent,
				"other_agent": staff.other_agent,
				"desk_user": desk_user,
				"customer": customer,
				"password": PASSWORD,
			}
		)
	)


def last_attempt() -> None:
	"""The newest contact attempt for the browser test's customer, as JSON."""
	contact = frappe.db.get_value("Contact", {"first_name": CONTACT}, "name")
	attempt = frappe.get_all(
		"UAB Contact Attempt",
		filters={"contact": contact},
		fields=["action", "content", "attempted_by", "rules_breached"],
		order_by="creation desc",
		limit=1,
	)
	print(json.dumps(attempt[0] if attempt else None, default=str))
