"""The browser every browser test drives: Debian's headless Chromium through ChromeDriver."""

import os

import pytest

selenium = pytest.importorskip("selenium")
from selenium import webdriver


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
