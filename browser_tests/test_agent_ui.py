"""A real browser against a running bench: the banner an agent sees, and a refused reply that keeps
the agent's text (issue: enforcement on every path, part 3).

Not part of `python -m pytest` (it needs a bench serving the site). Run it with:

    UAB_URL=http://localhost:8000 \\
    UAB_FIXTURE_CMD="bench --site SITE execute uab_helpdesk.tests.browser_fixture.create" \\
    python -m pytest browser_tests

Chromium and ChromeDriver come from Debian's packages (chromium, chromium-driver); Selenium from PyPI.
Screenshots go to docs/screenshots/.
"""

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

selenium = pytest.importorskip("selenium")
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ.get("UAB_URL")
FIXTURE_CMD = os.environ.get("UAB_FIXTURE_CMD")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
TYPED = "Dear tenant, I am writing about the lift again."

pytestmark = pytest.mark.skipif(
	not (URL and FIXTURE_CMD), reason="needs UAB_URL and UAB_FIXTURE_CMD (a running bench)"
)


@pytest.fixture(scope="module")
def fixture():
	output = subprocess.run(shlex.split(FIXTURE_CMD), check=True, capture_output=True, text=True).stdout
	return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def browser():
	options = webdriver.ChromeOptions()
	options.binary_location = os.environ.get("UAB_CHROMIUM", "/usr/bin/chromium")
	for flag in (
		"--headless=new",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--window-size=1440,1000",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--disable-dev-shm-usage",
	):
		options.add_argument(flag)
	service = webdriver.ChromeService(
		executable_path=os.environ.get("UAB_CHROMEDRIVER", "/usr/bin/chromedriver")
	)
	driver = webdriver.Chrome(options=options, service=service)
	yield driver
	driver.quit()


def log_in(browser, user: str, password: str) -> None:
	browser.get(f"{URL}/login")
	wait = WebDriverWait(browser, 30)
	wait.until(EC.visibility_of_element_located((By.ID, "login_email"))).send_keys(user)
	browser.find_element(By.ID, "login_password").send_keys(password)
	browser.find_element(By.CSS_SELECTOR, ".btn-login").click()
	wait.until(lambda driver: "/login" not in driver.current_url)


def text_visible(browser, text: str, timeout: int = 30):
	return WebDriverWait(browser, timeout).until(
		EC.visibility_of_element_located(
			(
				By.XPATH,
				f"//*[contains(normalize-space(.), {json.dumps(text)}) and not(*[contains(normalize-space(.), {json.dumps(text)})])]",
			)
		)
	)


def test_agent_sees_the_banner_and_a_refused_reply_keeps_the_text(browser, fixture):
	SHOTS.mkdir(parents=True, exist_ok=True)
	log_in(browser, fixture["other_agent"], fixture["password"])
	browser.get(f"{URL}/helpdesk/tickets/{fixture['ticket']}")

	text_visible(browser, "Contact with Browser Test Tenant is by")
	browser.save_screenshot(str(SHOTS / "agent-ui-banner.png"))
	browser.find_element(By.XPATH, "//button[normalize-space(.)='Understood']").click()

	WebDriverWait(browser, 20).until(
		EC.element_to_be_clickable((By.XPATH, "//button[normalize-space(.)='Reply']"))
	).click()
	editor = WebDriverWait(browser, 20).until(
		EC.visibility_of_element_located((By.CSS_SELECTOR, ".ProseMirror"))
	)
	editor.click()
	editor.send_keys(TYPED)
	browser.find_element(By.XPATH, "//button[normalize-space(.)='Send']").click()

	text_visible(browser, "Not sent: only")
	browser.save_screenshot(str(SHOTS / "agent-ui-refused-reply.png"))
	assert TYPED in browser.find_element(By.CSS_SELECTOR, ".ProseMirror").text, "the agent's text is kept"
