"""A real IMAP server on loopback for tests: Dovecot from Debian's packages (`dovecot-imapd`), so that
mail reaches the site through Frappe's own Email Account pull, as it does in production (issue 21).

The server runs as the user running the tests (bench refuses root, so that is the bench's user), from a
configuration of its own under a temporary folder: the system's /etc/dovecot is never read. Mail is
delivered in order by IMAP APPEND. Dovecot 2.3 needs, to run without
root: its internal and login users set to that user, and no chroot for imap-login and anvil.
"""

import imaplib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DOVECOT = shutil.which("dovecot", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")


class IMAPServer:
	user = "tenants"

	def __init__(self):
		if not DOVECOT:
			raise RuntimeError("Dovecot is not installed (apt-get install dovecot-imapd)")
		if os.geteuid() == 0:
			raise RuntimeError("Dovecot's login and mail processes cannot run as root")
		self.host, self.password = "127.0.0.1", secrets.token_hex(8)
		self.root = Path(tempfile.mkdtemp(prefix="uab-imap-"))
		self.maildir = self.root / "Maildir"
		self.process = None

	def __enter__(self) -> "IMAPServer":
		for folder in ("run", "state", "home", "Maildir/new", "Maildir/cur", "Maildir/tmp"):
			(self.root / folder).mkdir(parents=True, exist_ok=True)
		(self.root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}::::::\n")
		self.port = _free_port(self.host)
		(self.root / "dovecot.conf").write_text(self._config())
		with open(self.root / "dovecot.stderr", "wb") as errors:
			self.process = subprocess.Popen(
				[DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")],
				stdout=subprocess.DEVNULL,
				stderr=errors,
				start_new_session=True,
			)
		self._wait_for_greeting()
		return self

	def __exit__(self, *exc) -> None:
		if self.process and self.process.poll() is None:
			# Dovecot's imap processes outlive the master while a client is connected: the whole group goes.
			os.killpg(self.process.pid, signal.SIGTERM)
			try:
				self.process.wait(timeout=5)
			except subprocess.TimeoutExpired:
				os.killpg(self.process.pid, signal.SIGKILL)
				self.process.wait()
		shutil.rmtree(self.root, ignore_errors=True)

	def deliver(self, messages: list[bytes]) -> None:
		"""Each message into the mailbox, in order. By IMAP APPEND, as a delivery agent hands mail over one
		by one: files dropped into Maildir's new/ are numbered in directory order, not in arrival order, and
		a reply could then be pulled before the message it answers."""
		with imaplib.IMAP4(self.host, self.port) as connection:
			connection.login(self.user, self.password)
			for raw in messages:
				connection.append("INBOX", None, None, raw)
			connection.logout()

	def _wait_for_greeting(self) -> None:
		deadline = time.monotonic() + 15
		while time.monotonic() < deadline:
			if self.process.poll() is not None:
				raise RuntimeError(f"Dovecot stopped: {(self.root / 'dovecot.stderr').read_text()[-2000:]}")
			try:
				with socket.create_connection((self.host, self.port), timeout=1) as connection:
					if connection.recv(200).startswith(b"* OK"):
						return
			except OSError:
				time.sleep(0.05)
		raise RuntimeError("Dovecot did not answer on its port within 15 seconds")

	def _config(self) -> str:
		me = pwd.getpwuid(os.geteuid())
		group = _group_name(me.pw_gid)
		return f"""base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
protocols = imap
listen = {self.host}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {me.pw_name}
default_internal_group = {group}
default_login_user = {me.pw_name}
first_valid_uid = {me.pw_uid}
last_valid_uid = {me.pw_uid}
mail_location = maildir:{self.maildir}
mail_fsync = never
mail_max_userip_connections = 50
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={me.pw_uid} gid={me.pw_gid} home={self.root}/home
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {self.host}
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service imap-urlauth-login {{
  chroot =
}}
"""


def _free_port(host: str) -> int:
	with socket.socket() as probe:
		probe.bind((host, 0))
		return probe.getsockname()[1]


def _group_name(gid: int) -> str:
	import grp

	return grp.getgrgid(gid).gr_name
