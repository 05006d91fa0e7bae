"""A received message made readable as UTF-8 without changing what it says (no frappe import: tested by pytest).

Helpdesk v1.15 reads every message of a pull with a strict UTF-8 decode before Frappe parses it
(`helpdesk/overrides/email_account.py`); one message sent as raw 8-bit Latin-1 or Windows-1252, which
older mail clients and some scanners still send, raises there and the whole pull is dropped. In "ALL"
mode the next pull asks for the same messages again: the inbox stops for every tenant, for good.

`seven_bit` re-encodes such a message's 8-bit parts as base64 and its raw 8-bit headers as RFC 2047
words, keeping every charset: Frappe then decodes exactly the text it would have decoded from the
original. A message that is already valid UTF-8 is returned as it came, byte for byte.
"""

from email import encoders, message_from_bytes
from email import policy as email_policy
from email.header import Header

# What a raw 8-bit header most likely is when it is not UTF-8: Windows-1252 is the superset of Latin-1
# that mail clients actually write (curly quotes, the euro sign).
HEADER_GUESS = "windows-1252"


def seven_bit(raw: bytes) -> bytes:
	if not isinstance(raw, bytes):
		return raw
	try:
		raw.decode("utf-8")
		return raw
	except UnicodeDecodeError:
		pass
	try:
		return _reencoded(raw)
	except Exception:
		# Never worse than before: the caller gets the message as it came.
		return raw


def _reencoded(raw: bytes) -> bytes:
	message = message_from_bytes(raw, policy=email_policy.compat32)
	raw_headers = list(message.raw_items())
	for name in {name.lower() for name, value in raw_headers if _has_escaped_bytes(value)}:
		# Every header of that name, in its order (Received: comes many times).
		values = [value for each, value in raw_headers if each.lower() == name]
		del message[name]
		for value in values:
			message[name] = _rfc2047(value) if _has_escaped_bytes(value) else value
	for part in message.walk():
		if part.is_multipart():
			continue
		if (part["Content-Transfer-Encoding"] or "").strip().lower() in ("base64", "quoted-printable"):
			continue  # already seven-bit
		payload = part.get_payload(decode=True)
		if payload is None or payload.isascii():
			continue
		del part["Content-Transfer-Encoding"]
		part.set_payload(payload)
		encoders.encode_base64(part)
	out = message.as_bytes()
	out.decode("utf-8")  # raises, and the original is kept, if anything 8-bit is left
	return out


def _has_escaped_bytes(value) -> bool:
	if not isinstance(value, str):
		return False
	# compat32 keeps a header's undecodable bytes as surrogate escapes (U+DC80-U+DCFF).
	return any("\udc80" <= char <= "\udcff" for char in value)


def _rfc2047(value: str) -> str:
	original = value.encode("ascii", "surrogateescape")
	try:
		text = original.decode("utf-8")
	except UnicodeDecodeError:
		text = original.decode(HEADER_GUESS, "replace")
	return Header(text, "utf-8").encode()
