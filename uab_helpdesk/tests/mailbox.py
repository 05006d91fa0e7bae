"""A real SMTP server on loopback for tests: what leaves the site is checked where it lands (issue 20).

`aiosmtpd` (aio-libs; a test dependency, `bench setup requirements --dev`) listens on a free port; the
site's default outgoing Email Account is pointed at it for the test's transaction; `deliver()` sends the
Email Queue through Frappe's own `EmailQueue.send` and SMTP client, as the scheduler's flush does.
"""

import socket
from email import message_from_bytes

import frappe
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class _Collect:
	def __init__(self):
		self.envelopes = []

	async def handle_DATA(self, server, session, envelope):
		self.envelopes.append(envelope)
		return "250 OK"


class Mailbox:
	def __init__(self):
		self.handler = _Collect()
		self.controller = None

	def __enter__(self) -> "Mailbox":
		port = _free_port()
		# The site's account logs in as it would to a real relay: any credentials are accepted here.
		self.controller = Controller(
			self.handler,
			hostname="127.0.0.1",
			port=port,
			auth_require_tls=False,
			authenticator=lambda *args: AuthResult(success=True),
		)
		self.controller.start()
		account = frappe.db.get_value("Email Account", {"default_outgoing": 1, "enable_outgoing": 1})
		frappe.db.set_value(
			"Email Account",
			account,
			{
				"smtp_server": "127.0.0.1",
				"smtp_port": port,
				"use_tls": 0,
				"use_ssl_for_outgoing": 0,
				"no_smtp_authentication": 1,
			},
			update_modified=False,
		)
		frappe.clear_document_cache("Email Account", account)
		self._queued_before = set(frappe.get_all("Email Queue", pluck="name"))
		self._testing_email = frappe.flags.testing_email
		frappe.flags.testing_email = True  # Frappe sends for real under tests only when asked
		return self

	def __exit__(self, *exc) -> None:
		frappe.flags.testing_email = self._testing_email
		self.controller.stop()

	def deliver(self) -> None:
		"""The mail queued since the mailbox opened, sent now through Frappe's SMTP client."""
		waiting = frappe.get_all(
			"Email Queue", {"status": ("in", ("Not Sent", "Partially Sent"))}, pluck="name"
		)
		for name in sorted(set(waiting) - self._queued_before):
			frappe.get_doc("Email Queue", name).send()

	def received_by(self, address: str) -> list:
		"""The messages whose envelope names ``address``, as parsed e-mails."""
		return [
			message_from_bytes(envelope.original_content)
			for envelope in self.handler.envelopes
			if address.lower() in (recipient.lower() for recipient in envelope.rcpt_tos)
		]


def _free_port() -> int:
	with socket.socket() as probe:
		probe.bind(("127.0.0.1", 0))
		return probe.getsockname()[1]
