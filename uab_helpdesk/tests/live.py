"""A real web server for attack tests: Frappe's own WSGI application (`frappe.app.application`), with every
hook of every installed app, served on a loopback port by werkzeug in a thread of the test process.

A request crosses a real socket, is parsed by werkzeug, runs `before_request`, the route, `after_request`
and the response's serialisation exactly as under `bench serve`: what a customer's browser would get.
The server's threads open their own database connections, so what a test wants them to see it commits.
"""

import json
import logging
import os
import threading
from contextlib import contextmanager

import frappe
import requests
from werkzeug.serving import make_server

from uab_helpdesk.tests.utils import PASSWORD


class LiveSite:
	"""One server per test class: `start()` in setUpClass, `stop()` in tearDownClass."""

	def __init__(self):
		self.site = frappe.local.site
		self._server = None

	def start(self) -> "LiveSite":
		"""Served as `bench serve` serves it: the application, with /assets and /files, for this site."""
		import frappe.app
		from frappe.middlewares import StaticDataMiddleware
		from werkzeug.middleware.shared_data import SharedDataMiddleware

		sites = os.path.abspath(frappe.app._sites_path)
		app = SharedDataMiddleware(frappe.app.application, {"/assets": os.path.join(sites, "assets")})
		app = StaticDataMiddleware(app, {"/files": sites})
		# Every request through this server is for the test's site, whatever its Host (wkhtmltopdf's).
		self._site_before, frappe.app._site = frappe.app._site, self.site
		logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
		self._server = make_server("127.0.0.1", 0, app, threaded=True)
		self.url = f"http://127.0.0.1:{self._server.server_port}"
		threading.Thread(target=self._server.serve_forever, daemon=True).start()
		return self

	def stop(self) -> None:
		import frappe.app

		if self._server:
			self._server.shutdown()
			self._server.server_close()
			frappe.app._site = self._site_before

	def session(self, user: str, password: str = PASSWORD) -> "Client":
		client = Client(self)
		client.login(user, password)
		return client


class Client:
	"""A logged-in client: the session cookie, and the site's name for Frappe's router."""

	def __init__(self, site: LiveSite):
		self.site = site
		self.http = requests.Session()
		self.http.headers["X-Frappe-Site-Name"] = site.site
		self.http.headers["Accept"] = "application/json"

	def login(self, user: str, password: str) -> None:
		answer = self.http.post(f"{self.site.url}/api/method/login", data={"usr": user, "pwd": password})
		if answer.status_code != 200:
			raise AssertionError(f"{user} could not log in: {answer.status_code} {answer.text[:200]}")
		# A session made by the login API has no CSRF token until a Desk page asks for one: a script
		# holding the customer's cookie posts as freely as this client does.

	def get(self, path: str, **params) -> requests.Response:
		return self.http.get(f"{self.site.url}{path}", params=_encoded(params))

	def post(self, path: str, **data) -> requests.Response:
		return self.http.post(f"{self.site.url}{path}", data=_encoded(data))

	def method(self, _method: str, **data) -> requests.Response:
		return self.post(f"/api/method/{_method}", **data)

	def put(self, path: str, json_text: str) -> requests.Response:
		"""REST update with the document as a form field of JSON text, which Frappe decodes itself."""
		return self.http.put(f"{self.site.url}{path}", data={"data": json_text})

	def post_doc(self, path: str, json_text: str) -> requests.Response:
		return self.http.post(f"{self.site.url}{path}", data={"data": json_text})


def _encoded(values: dict) -> dict:
	return {key: value if isinstance(value, str) else json.dumps(value) for key, value in values.items()}


@contextmanager
def served_site():
	"""The site served on loopback while the block runs, and known by that address (`host_name`): what
	wkhtmltopdf needs to fetch a print's styles, so PDFs are made and checked on any bench, served or not."""
	live = LiveSite().start()
	before = frappe.local.conf.get("host_name")
	frappe.local.conf.host_name = live.url
	try:
		yield live
	finally:
		frappe.local.conf.host_name = before
		live.stop()
