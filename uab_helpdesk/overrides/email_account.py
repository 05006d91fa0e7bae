"""Email Account, as Helpdesk overrides it, with each pulled message made readable as UTF-8 first
(raw_mail.py): on Helpdesk v1.15 one raw 8-bit Latin-1 message otherwise drops the whole pull, and in
"ALL" mode stops the inbox for every tenant. Incoming mail is never refused or lost (SPEC §5)."""

try:  # Helpdesk's own class, whatever it changes, stays in force: this one only wraps the pull.
	from helpdesk.overrides.email_account import CustomEmailAccount as _EmailAccount
except ImportError:
	from frappe.email.doctype.email_account.email_account import EmailAccount as _EmailAccount

from uab_helpdesk.overrides.raw_mail import seven_bit


class UABEmailAccount(_EmailAccount):
	def get_incoming_server(self, *args, **kwargs):
		server = super().get_incoming_server(*args, **kwargs)
		if server is not None and hasattr(server, "get_messages"):
			server.get_messages = _readable(server.get_messages)
		return server


def _readable(get_messages):
	def pull(*args, **kwargs):
		messages = get_messages(*args, **kwargs)
		if messages and messages.get("latest_messages"):
			messages["latest_messages"] = [seven_bit(raw) for raw in messages["latest_messages"]]
		return messages

	return pull
