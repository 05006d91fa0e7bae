"""The agent's side in a real browser (issue 14): the reply editor offers the way the protocol allows
(policy 6.4.2), and an abusive message is shown collapsed and recorded in one action (6.3.3).

Run as browser_tests/test_agent_ui.py says (UAB_URL and UAB_FIXTURE_CMD). Screenshots go to
docs/screenshots/agent-ui-*.png for the agents' guide.
"""

import pytest

selenium = pytest.importorskip("selenium")
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_tests.helpers import (
	FIXTURE_CMD,
	SHOTS,
	URL,
	as_user,
	click_button,
	focus,
	hide_unrelated_toasts,
	run_fixture,
	text_visible,
	visible_editor,
)

pytestmark = pytest.mark.skipif(
	not (URL and FIXTURE_CMD), reason="needs UAB_URL and UAB_FIXTURE_CMD (a running bench)"
)
OURS = "//button[@data-uab-ours]"


@pytest.fixture(scope="module")
def fixture():
	return run_fixture("create")


def shoot(browser, name: str) -> None:
	SHOTS.mkdir(parents=True, exist_ok=True)
	hide_unrelated_toasts(browser)
	browser.save_screenshot(str(SHOTS / f"agent-ui-{name}.png"))


def open_ticket(browser, ticket: str, banner: str | None) -> None:
	browser.get(f"{URL}/helpdesk/tickets/{ticket}")
	if banner:
		text_visible(browser, banner)
		click_button(browser, "Understood")


def write_reply(browser, text: str):
	"""Open the reply editor, type, and return the button the editor offers in place of Send."""
	click_button(browser, "Reply")
	editor = WebDriverWait(browser, 20).until(lambda driver: visible_editor(driver))
	focus(browser, editor)
	editor.send_keys(text)
	ours = WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.XPATH, OURS)))
	helpdesk_send = [
		button
		for button in browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(.), 'Send (')]")
		if button.is_displayed()
	]
	assert not helpdesk_send, "Helpdesk's Send is not offered where the protocol does not allow it"
	return ours


def replies(ticket: str) -> dict:
	return run_fixture("replies")[ticket]


def test_send_as_letter_turns_the_officers_text_into_a_letter_on_the_ticket_6_4_2(browser, fixture):
	text = "Dear tenant, the lift engineer will come on Friday morning."
	as_user(browser, fixture["officer"])
	open_ticket(browser, fixture["letter_ticket"], "Contact with Browser Letters Tenant is by")
	ours = write_reply(browser, text)
	assert ours.text == "Send as letter"
	shoot(browser, "send-as-letter")
	ours.click()
	text_visible(browser, "The letter is on the ticket and waits in Letters to Post")
	shoot(browser, "letter-recorded")
	click_button(browser, "Close")
	[letter, *_] = replies(fixture["letter_ticket"])["sent"]
	assert letter["communication_medium"] == "Letter" and text in letter["content"]
	assert (letter["user"], letter["uab_letter_status"]) == (fixture["officer"], "To post")

	as_user(browser, fixture["desk_user"])
	browser.get(f"{URL}/app/query-report/Letters to Post")
	text_visible(browser, "Print all")
	WebDriverWait(browser, 30).until(
		lambda driver: (
			letter["name"]
			in driver.find_element(By.CSS_SELECTOR, ".report-wrapper, .layout-main-section").text
		)
	)
	shoot(browser, "letters-to-post")


def test_a_reply_goes_to_the_single_point_of_contact_who_sends_it_6_4_2(browser, fixture):
	text = "Dear tenant, we have booked the repair for next Tuesday."
	as_user(browser, fixture["other_agent"])
	open_ticket(browser, fixture["ticket"], "Contact with Browser Test Tenant is by")
	ours = write_reply(browser, text)
	assert ours.text.startswith("Send to ") and ours.text.endswith(" for approval")
	shoot(browser, "send-for-approval")
	ours.click()
	text_visible(browser, "The reply waits on the ticket for")
	click_button(browser, "Close")
	[draft, *_] = replies(fixture["ticket"])["drafts"]
	assert (draft["status"], draft["written_by"]) == ("Awaiting approval", fixture["other_agent"])

	as_user(browser, fixture["officer"])
	open_ticket(browser, fixture["ticket"], "Contact with Browser Test Tenant is by")
	click_button(browser, f"Approve reply {draft['name']}")
	text_visible(browser, "we have booked the repair for next Tuesday")
	shoot(browser, "approve-reply")
	click_button(browser, "Send")
	WebDriverWait(browser, 30).until(
		lambda driver: replies(fixture["ticket"])["drafts"][0]["status"] == "Sent"
	)
	after = replies(fixture["ticket"])
	assert after["drafts"][0]["decided_by"] == fixture["officer"]
	[sent] = [row for row in after["sent"] if row["name"] == after["drafts"][0]["communication"]]
	assert text in sent["content"] and sent["user"] == fixture["officer"], "sent as written, by the officer"


def test_an_abusive_message_shows_collapsed_and_is_recorded_in_one_action_6_3_3(browser, fixture):
	message = run_fixture("abusive_message")
	assert message["flagged"], "the fixture's message is one the signal flags"
	as_user(browser, fixture["other_agent"])
	open_ticket(browser, message["ticket"], None)
	show = text_visible(browser, "This message shows: Abuse of staff — show")
	frames = [
		frame
		for frame in browser.find_elements(By.CSS_SELECTOR, "iframe[data-uab-collapsed]")
		if not frame.is_displayed()
	]
	assert frames, "the flagged message's body is hidden until someone chooses to read it"
	shoot(browser, "flagged-collapsed")
	show.click()
	WebDriverWait(browser, 10).until(lambda driver: frames[0].is_displayed())

	click_button(browser, "Record abusive correspondence")
	WebDriverWait(browser, 30).until(lambda driver: replies(message["ticket"])["incidents"])
	[incident] = replies(message["ticket"])["incidents"]
	assert (incident["communication"], incident["owner"]) == (message["message"], fixture["other_agent"])
	browser.get(
		f"{URL}/printview?doctype=UAB%20Incident&name={incident['name']}&format=UAB%20Correspondence%20Letter"
	)
	text_visible(browser, "offensive, unnecessary and unhelpful")
	shoot(browser, "correspondence-letter")
