"""The paths around the agent UI, tried over real HTTP against a running bench: each must be refused with
the protocol's sentence, send nothing, and leave a Blocked attempt written after the request's rollback
(SPEC §5: enforced on every path a message can take).

Not part of `python -m pytest`. Run with the other browser tests (see test_agent_ui.py):

    UAB_URL=http://SITE:8000 \\
    UAB_FIXTURE_CMD="bench --site SITE execute uab_helpdesk.tests.browser_fixture.create" \\
    python -m pytest browser_tests/test_http_paths.py
"""

import json
import uuid
from urllib.parse import quote

import pytest

selenium = pytest.importorskip("selenium")

from browser_tests.helpers import FIXTURE_CMD, URL, api, log_in, records, run_fixture

pytestmark = pytest.mark.skipif(
	not (URL and FIXTURE_CMD), reason="needs UAB_URL and UAB_FIXTURE_CMD (a running bench)"
)
CUSTOMER = (
	"browser.tenant@tenant.test"  # browser_fixture's protected customer: replies only through its officer
)


@pytest.fixture(scope="module")
def fixture():
	return run_fixture("create")


def communication(ticket: str, text: str) -> dict:
	return {
		"doctype": "Communication",
		"communication_type": "Communication",
		"communication_medium": "Email",
		"sent_or_received": "Sent",
		"subject": "About your repair",
		"content": text,
		"recipients": CUSTOMER,
		"reference_doctype": "HD Ticket",
		"reference_name": ticket,
	}


PATHS = {
	"REST insert": ("/api/resource/Communication", lambda ticket, text: communication(ticket, text)),
	"frappe.client.insert": (
		"/api/method/frappe.client.insert",
		lambda ticket, text: {"doc": communication(ticket, text)},
	),
	"HD Ticket.reply_via_agent": (
		"/api/method/run_doc_method",
		lambda ticket, text: {
			"dt": "HD Ticket",
			"dn": ticket,
			"method": "reply_via_agent",
			"args": json.dumps({"message": text}),
		},
	),
}


@pytest.mark.parametrize("path", PATHS)
def test_a_desk_user_cannot_reach_a_protected_customer_around_the_agent_ui_6_4_2(browser, fixture, path):
	"""The Desk user may create Communications (System Manager), so only the protocol stands in the way."""
	log_in(browser, fixture["desk_user"], fixture["password"])
	url, body_of = PATHS[path]
	text = f"Sent around the agent UI by {path} {uuid.uuid4().hex[:8]}"
	status, body = api(browser, "POST", url, body_of(fixture["ticket"], text))
	assert status == 417, f"{path} must be refused by the protocol, got HTTP {status}: {body}"
	assert "Not sent:" in str(body) and "only Uab Agent may reply" in str(body), body
	sent_with_text = [["content", "like", f"%{text}%"]]
	assert records(browser, "Communication", sent_with_text) == [], "nothing was sent"
	attempts = records(browser, "UAB Contact Attempt", sent_with_text, ["action", "attempted_by"])
	assert [(row["action"], row["attempted_by"]) for row in attempts] == [("Blocked", fixture["desk_user"])]


def test_a_portal_customer_gets_no_uab_field_by_any_route(browser, fixture):
	"""Need to know (policy 8): Helpdesk's portal returns whole tickets; nothing of the app (protocol, hold
	reason, screening) is on them any more — it lives in UAB Ticket State, which the customer cannot read
	(issue 20; tests/test_attacks_http.py attacks many more routes)."""
	ticket = fixture["ticket"]
	get_one = (
		f"/api/method/helpdesk.helpdesk.doctype.hd_ticket.api.get_one?name={ticket}&is_customer_portal=1"
	)
	log_in(browser, fixture["officer"], fixture["password"])
	status, body = api(browser, "GET", get_one)
	assert status == 200 and str(ticket) in json.dumps(body), (
		"the officer reads the ticket (the route is real)"
	)
	status, banner = api(browser, "GET", f"/api/method/uab_helpdesk.api.protocol.get_banner?ticket={ticket}")
	assert status == 200 and banner["message"]["protocol"], "staff see the protocol, through the app's method"
	browser.delete_all_cookies()  # a fresh session: the officer's must not carry over
	log_in(browser, fixture["customer"], fixture["password"])
	status, who = api(browser, "GET", "/api/method/frappe.auth.get_logged_user")
	assert who.get("message") == fixture["customer"], who
	for path in (
		get_one,
		f"/api/resource/HD%20Ticket/{ticket}",
		f"/api/method/frappe.desk.form.load.getdoc?doctype=HD%20Ticket&name={ticket}",
	):
		status, body = api(browser, "GET", path)
		assert status == 200, (path, status, body)
		assert "uab_" not in json.dumps(body), path
	asking = quote(json.dumps([["uab_held", "=", 0]]))
	status, body = api(browser, "GET", f"/api/resource/HD%20Ticket?filters={asking}")
	# HD Ticket has no uab_ field any more (issue 20): Frappe refuses a filter on a field it lacks.
	assert status >= 400, (status, body)
