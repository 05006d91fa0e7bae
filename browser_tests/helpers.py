"""Shared by the browser tests: logging in, calling the site as the logged-in user, waiting for text."""

import json
import os
import shlex
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest

selenium = pytest.importorskip("selenium")
from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ.get("UAB_URL")
FIXTURE_CMD = os.environ.get("UAB_FIXTURE_CMD")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
# As uab_helpdesk/demo.py makes them (it imports Frappe, so it cannot be imported here).
DEMO_PASSWORD = "Demo-UAB-2026!"
TEST_PASSWORD = "Uab-test-Pa55!"  # uab_helpdesk.tests.utils.PASSWORD


def log_in(browser, user: str, password: str) -> None:
	"""Through Frappe's login endpoint from inside the page, so the session cookie is the browser's."""
	browser.get(f"{URL}/login")
	status = browser.execute_async_script(
		"""const [usr, pwd, done] = arguments;
		fetch("/api/method/login", {method: "POST", headers: {"Content-Type": "application/json"},
			body: JSON.stringify({usr, pwd})}).then((response) => done(response.status));""",
		user,
		password,
	)
	assert status == 200, f"login failed with HTTP {status}"


def text_visible(browser, text: str, timeout: int = 30):
	"""The innermost element showing ``text``; the page may also hold hidden copies of it."""
	xpath = f"//*[contains(normalize-space(.), {json.dumps(text, ensure_ascii=False)}) and not(*[contains(normalize-space(.), {json.dumps(text, ensure_ascii=False)})])]"
	# The agent UI re-renders while it loads: an element found a moment ago may be gone; look again.
	return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
		lambda driver: next(
			(element for element in driver.find_elements(By.XPATH, xpath) if element.is_displayed()), False
		)
	)


def focus(browser, element) -> None:
	"""Put the caret in an editor: scrolled into view and focused, so that a panel Helpdesk lays over its
	edge (its width depends on the window) does not take the click."""
	browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", element)


def visible_editor(browser):
	"""The reply editor (the page also holds a hidden comment editor)."""
	return next(
		(
			element
			for element in browser.find_elements(By.CSS_SELECTOR, ".ProseMirror")
			if element.is_displayed()
		),
		None,
	)


def api(browser, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
	"""Call the site's REST API from inside the page, as the user logged in there (never from the
	browser's cache: one user's answer must not be read as another's)."""
	return tuple(
		browser.execute_async_script(
			"""const [method, path, body, done] = arguments;
			fetch(path, {method, cache: "no-store", headers: {"Content-Type": "application/json", "Accept": "application/json",
				"X-Frappe-CSRF-Token": window.csrf_token || frappe?.csrf_token || ""},
				body: body ? JSON.stringify(body) : undefined})
				.then(async (response) => done([response.status, await response.json().catch(() => ({}))]));""",
			method,
			path,
			body,
		)
	)


def records(browser, doctype: str, filters, fields=("name",)) -> list[dict]:
	"""The records the logged-in user can read, through the REST list endpoint."""
	status, body = api(
		browser,
		"GET",
		f"/api/resource/{quote(doctype)}?filters={quote(json.dumps(filters))}&fields={quote(json.dumps(list(fields)))}",
	)
	assert status == 200, f"{doctype} {filters}: HTTP {status} {body}"
	return body["data"]


def hide_unrelated_toasts(browser) -> None:
	"""Helpdesk's frontend asks Frappe for onboarding status, which older Frappe v15 lacks; its error
	toasts have nothing to do with this app, so they are left out of the documentation's pictures."""
	browser.execute_script(
		"""document.querySelectorAll("li, [role=status], [data-sonner-toast]").forEach((toast) => {
			if (toast.textContent.includes("frappe.onboarding")) toast.remove();
		});"""
	)


def run_fixture(function: str = "create") -> dict:
	"""Run a function of uab_helpdesk.tests.browser_fixture on the bench; it prints JSON last."""
	command = FIXTURE_CMD.replace("browser_fixture.create", f"browser_fixture.{function}")
	output = subprocess.run(shlex.split(command), check=True, capture_output=True, text=True).stdout
	return json.loads(output.strip().splitlines()[-1])


def as_user(browser, user: str) -> None:
	"""A fresh session: Desk keeps per-user state in the browser's storage, which must not carry over."""
	browser.get(f"{URL}/login")
	browser.execute_script("localStorage.clear(); sessionStorage.clear();")
	browser.delete_all_cookies()
	# Appeals go round robin to any uninvolved Director: on a site that also holds the test fixture's
	# staff (uab_helpdesk.tests.utils), the demo's appeal may go to one of them.
	log_in(browser, user, DEMO_PASSWORD if user.endswith("@uab-demo.test") else TEST_PASSWORD)


def click_button(browser, label: str, timeout: int = 20) -> None:
	button = WebDriverWait(browser, timeout).until(
		EC.element_to_be_clickable(
			(
				By.XPATH,
				f"//button[normalize-space(.)={json.dumps(label, ensure_ascii=False)} and not(@disabled)]",
			)
		)
	)
	# After typing lower down the page, Desk's navbar covers the page head's buttons: scroll back up.
	browser.execute_script("window.scrollTo(0, 0);")
	try:
		button.click()
	except ElementClickInterceptedException:
		# Helpdesk v1.28's dialogs fade in over a full-screen layer: click once it has settled.
		time.sleep(1)
		try:
			button.click()
		except ElementClickInterceptedException:
			browser.save_screenshot("/tmp/intercepted.png")
			raise
