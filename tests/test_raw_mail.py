"""A raw 8-bit message is made readable as UTF-8 without changing what it says (SPEC §5: incoming mail is
never refused or lost; Helpdesk v1.15 drops a whole pull on one such message)."""

from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage

import pytest

from uab_helpdesk.overrides.raw_mail import seven_bit

TEXT = "Caf\u00e9 owes \u00a330 for the na\u00efve repair \u2013 \u201cnew\u201d boiler \u20ac400"


def _eight_bit(body: str, charset: str, subject: bytes = b"Boiler") -> bytes:
	message = EmailMessage()
	message.set_content(body, charset=charset, cte="8bit")
	raw = message.as_bytes()
	return b"From: tenant@example.test\r\nSubject: " + subject + b"\r\n" + raw


def _read(raw: bytes):
	return message_from_bytes(raw, policy=email_policy.default)


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252"])
def test_a_raw_8bit_body_becomes_utf8_readable_and_says_the_same(charset):
	body = TEXT if charset == "windows-1252" else "Caf\u00e9 owes \u00a330 for the na\u00efve repair"
	raw = _eight_bit(body, charset)
	with pytest.raises(UnicodeDecodeError):
		raw.decode("utf-8")
	out = seven_bit(raw)
	out.decode("utf-8")
	assert _read(out).get_content().strip() == body
	assert _read(out).get_content_charset() == charset


def test_a_raw_8bit_subject_becomes_an_encoded_word_with_the_same_text():
	out = seven_bit(
		_eight_bit("Hello", "iso-8859-1", subject="R\u00e9paration \u2013 urgent".encode("windows-1252"))
	)
	out.decode("utf-8")
	assert str(_read(out)["Subject"]) == "R\u00e9paration \u2013 urgent"


def test_a_utf8_message_is_returned_byte_for_byte():
	message = EmailMessage()
	message["Subject"] = "Dzie\u0144 dobry"
	message.set_content("\u017c\u00f3\u0142\u0107 plama \U0001f622", charset="utf-8", cte="8bit")
	raw = message.as_bytes()
	assert seven_bit(raw) is raw


def test_attachments_survive_unchanged():
	message = EmailMessage()
	message.set_content("Caf\u00e9", charset="iso-8859-1", cte="8bit")
	message.add_attachment(
		b"\x89PNG\r\n\x1a\n\xff\xfe" * 50, maintype="image", subtype="png", filename="damp.png"
	)
	out = seven_bit(message.as_bytes())
	(attachment,) = list(_read(out).iter_attachments())
	assert attachment.get_content() == b"\x89PNG\r\n\x1a\n\xff\xfe" * 50
	assert attachment.get_filename() == "damp.png"


def test_what_cannot_be_parsed_is_returned_as_it_came_never_lost():
	raw = b"\xff\xfe\x00garbage that is no e-mail \xe9"
	assert seven_bit(raw) in (raw,) or seven_bit(raw).decode("utf-8")
