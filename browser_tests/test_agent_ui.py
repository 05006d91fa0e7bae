"""A real browser against a running bench: the banner an agent sees, and a refused reply that keeps
the agent's text (issue: enforcement on every path, part 3).

Not part of `python -m pytest` (it needs a bench serving the site). Run it with:

    UAB_URL=http://localhost:8000 \\
    UAB_FIXTURE_CMD="bench --site SITE execute uab_helpdesk.tests.browser_fixture.create" \\
    python -m pytest browser_tests

Chromium and ChromeDriver come from Debian's packages (chromium, chromium-driver); Selenium from PyPI.
Screenshots go to docs/screenshots/.
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
	focus,
	hide_unrelated_toasts,
	log_in,
	run_fixture,
	text_visible,
	visible_editor,
)

TYPED = "Dear tenant, I am writing about the lift again."

pytestmark = pytest.mark.skipif(
	not (URL and FIXTURE_CMD), reason="needs UAB_URL and UAB_FIXTURE_CMD (a running bench)"
)


@pytest.fixture(scope="module")
def fixture():
	return run_fixture("create")


def test_agent_sees_the_banner_and_a_refused_reply_keeps_the_text(browser, fixture):
	SHOTS.mkdir(parents=True, exist_ok=True)
	log_in(browser, fixture["other_agent"], fixture["password"])
	browser.get(f"{URL}/helpdesk/tickets/{fixture['ticket']}")

	text_visible(browser, "Contact with Browser Test Tenant is by")
	hide_unrelated_toasts(browser)
	browser.save_screenshot(str(SHOTS / "agent-ui-banner.png"))
	browser.find_element(By.XPATH, "//button[normalize-space(.)='Understood']").click()

	# Phone only: a written reply has no way the protocol allows, so Helpdesk's Send stays and is refused.
	browser.get(f"{URL}/helpdesk/tickets/{fixture['phone_ticket']}")
	text_visible(browser, "Contact with Browser Phone Tenant is by")
	WebDriverWait(browser, 20).until(
		EC.element_to_be_clickable((By.XPATH, "//button[normalize-space(.)='Understood']"))
	).click()
	WebDriverWait(browser, 20).until(
		EC.element_to_be_clickable((By.XPATH, "//button[normalize-space(.)='Reply']"))
	).click()
	editor = WebDriverWait(browser, 20).until(lambda driver: visible_editor(driver))
	focus(browser, editor)
	editor.send_keys(TYPED)
	browser.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Send')]").click()

	text_visible(browser, "Not sent: Email is not an allowed channel")
	hide_unrelated_toasts(browser)
	browser.save_screenshot(str(SHOTS / "agent-ui-refused-reply.png"))
	assert TYPED in visible_editor(browser).text, "the agent's text is kept"
	attempt = run_fixture("last_attempt")
	assert attempt["action"] == "Blocked" and TYPED in attempt["content"], "and logged after the rollback"
	assert attempt["attempted_by"] == fixture["other_agent"]


def test_desk_ticket_form_shows_the_protocol(browser, fixture):
	log_in(browser, fixture["desk_user"], fixture["password"])
	browser.get(f"{URL}/app/hd-ticket/{fixture['ticket']}")
	intro = WebDriverWait(browser, 30).until(
		EC.visibility_of_element_located((By.CSS_SELECTOR, ".form-message.red"))
	)
	assert "Contact with Browser Test Tenant is by" in intro.text
	# Desk's sticky page head overlaps the first lines of the form when the page scrolls.
	browser.execute_script(
		"document.querySelector('.page-head').style.position = 'static'; window.scrollTo(0, 0);"
	)
	browser.save_screenshot(str(SHOTS / "desk-ticket-banner.png"))
