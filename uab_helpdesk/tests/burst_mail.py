"""The mail of a busy morning, as tenants' mail clients write it: for the inbound burst test (issue 21).

Every message carries a token at the start of its subject (`[b0001]`; a reply's "(#ticket)" must stay
at the end, where Frappe looks for it), so that what was stored can be matched to what
was sent even when a message has no Message-ID. What each message should become is written beside it.
"""

import random
from dataclasses import dataclass, field
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

from frappe.utils import now_datetime

DANGERS = (
	("Gas", "I can smell gas in the kitchen and it is getting stronger, I have opened the windows."),
	("Carbon monoxide", "The carbon monoxide alarm is going off in the hallway and my head is pounding."),
	("Fire", "There are sparks coming from the socket behind the fridge and a burning smell."),
	("Electrical danger", "The wiring in the meter cupboard is smoking and the smoke alarm has no battery."),
	(
		"Damp and mould",
		"The black mould in the baby's bedroom is spreading and she has been wheezing every night, "
		"the GP says it is the damp.",
	),
)
COMPLAINTS = (
	"I want to make a formal complaint about how long the repair to my roof is taking.",
	"I am very unhappy with the service I have had and I wish to complain about the way my case was handled.",
	"This is a complaint. Nobody has returned my calls about the broken window for three weeks.",
)
THREATS = (
	"If Gary comes round again I will smash his face in, you have been warned.",
	"Tell your officer I'm going to kill him when I see him at the office.",
)
ORDINARY = (
	"The hinge on the kitchen cupboard door has come loose, please can someone fix it.",
	"The gate at the back of the block does not close properly any more.",
	"Can you tell me when the communal hallway will be repainted?",
	"My rent statement shows a payment twice, could someone check it please.",
	"The bathroom extractor fan is very noisy when it runs.",
	"I would like to ask about a transfer to a two bedroom flat.",
)
# Encodings mail clients really send: the text each must be stored as.
ENCODED = (
	("iso-8859-1", "quoted-printable", "Le caf\u00e9 downstairs owes \u00a330 for the na\u00efve repair."),
	("windows-1252", "base64", "The \u201cnew\u201d boiler cost \u20ac400 \u2013 it still clanks."),
	("utf-8", "8bit", "Dzie\u0144 dobry, \u017c\u00f3\u0142\u0107 plama on the ceiling \U0001f622 again."),
	# Raw 8-bit Latin-1, as older clients send it: Helpdesk v1.15 alone dropped the whole pull on it.
	(
		"iso-8859-1",
		"8bit",
		"Gar\u00e7on's r\u00e9sum\u00e9: the \u00a312 fob for the caf\u00e9 door is broken.",
	),
)


@dataclass
class Sent:
	token: str
	sender: str
	kind: (
		str  # new, danger, complaint, threat, reply (to a ticket named in the subject), thread (In-Reply-To)
	)
	raw: bytes = b""
	message_id: str | None = None
	category: str | None = None
	ticket: str | None = None  # the ticket a reply must land on
	parent: str | None = None  # the token of the message a thread reply answers
	text: str = ""  # what the stored message must contain
	attachment: str | None = None
	copies: int = 1
	extra: dict = field(default_factory=dict)


def compose(sent: Sent, subject: str, body: str, *, encoding=None, html=False, in_reply_to=None) -> None:
	if sent.attachment:
		message = MIMEMultipart()
		message.attach(MIMEText(body, "plain", "utf-8"))
		part = MIMEApplication(b"%PDF-1.4\n% photo of the damage\n" + sent.token.encode() * 40, "pdf")
		part.add_header("Content-Disposition", "attachment", filename=sent.attachment)
		message.attach(part)
	elif encoding:
		charset, transfer, body = encoding
		message = _encoded_text(body, charset, transfer)
	elif html:
		message = EmailMessage()
		message.set_content(f"<html><body><p>{body}</p></body></html>", subtype="html")
	else:
		message = EmailMessage()
		message.set_content(body)
	message["From"] = sent.sender
	message["To"] = "repairs@landlord.test"
	# A subject in another script is sent encoded (RFC 2047) by every client.
	message["Subject"] = (
		Header(f"[{sent.token}] {subject}", "utf-8").encode() if encoding else f"[{sent.token}] {subject}"
	)
	message["Date"] = format_datetime(now_datetime().astimezone())
	if sent.message_id:
		message["Message-ID"] = sent.message_id
	if in_reply_to:
		message["In-Reply-To"] = in_reply_to
		message["References"] = in_reply_to
	sent.raw = message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
	sent.text = body


def _encoded_text(body: str, charset: str, transfer: str):
	if transfer == "8bit":
		message = EmailMessage()
		message.set_content(body, charset=charset, cte="8bit")
		return message
	message = MIMEText(body, "plain", charset)
	if transfer == "quoted-printable" and message["Content-Transfer-Encoding"] != "quoted-printable":
		from email import encoders

		del message["Content-Transfer-Encoding"]
		message.set_payload(body.encode(charset))
		encoders.encode_quopri(message)
	return message


def morning(
	protected: list[str], others: list[str], their_tickets: dict[str, str], seed: int = 21
) -> list[Sent]:
	"""At least 1,000 messages from ``protected`` and ``others`` (e-mail addresses). ``their_tickets`` gives
	each sender a ticket opened before, which some of their messages answer."""
	rng = random.Random(seed)
	mail: list[Sent] = []

	def add(sender: str, kind: str, **extra) -> Sent:
		token = f"b{len(mail) + 1:04d}"
		sent = Sent(token, sender, kind, message_id=make_msgid(token, "tenant.test"), **extra)
		mail.append(sent)
		return sent

	for sender in protected:
		# 6.4.3 and 6.4.4: more new issues than the limit, one danger, one complaint, replies: ten messages.
		category, danger = rng.choice(DANGERS)
		compose(add(sender, "danger", category=category), "Urgent", danger)
		compose(add(sender, "complaint"), "Not happy", rng.choice(COMPLAINTS))
		for _ in range(6):
			compose(add(sender, "new"), "New repair", rng.choice(ORDINARY))
		for _ in range(2):
			ticket = their_tickets[sender]
			compose(add(sender, "reply", ticket=ticket), f"Re: your repair (#{ticket})", "Any news on this?")

	for number, sender in enumerate(others):
		first = add(sender, "new", attachment=f"damage-{number}.pdf" if number % 4 == 0 else None)
		compose(first, "Repair needed", rng.choice(ORDINARY))
		if number % 4 == 1:
			category, danger = rng.choice(DANGERS)
			compose(add(sender, "danger", category=category), "Please help", danger, html=number % 8 == 1)
		if number % 19 == 2:
			compose(add(sender, "threat"), "Gary", rng.choice(THREATS))
		encoding = ENCODED[number % len(ENCODED)] if number % 3 == 0 else None
		compose(add(sender, "new"), "Another thing", rng.choice(ORDINARY), encoding=encoding)
		if number % 2 == 0:
			compose(add(sender, "new"), "And one more", rng.choice(ORDINARY))
		ticket = their_tickets[sender]
		compose(add(sender, "reply", ticket=ticket), f"Re: repair (#{ticket})", "Still waiting, thank you.")
		thread = add(sender, "thread", parent=first.token)
		compose(
			thread,
			"Re: Repair needed",
			"Further to my e-mail this morning, I am in all day.",
			in_reply_to=first.message_id,
		)

	# Mail servers deliver some messages twice; some clients send none with no Message-ID.
	for sent in rng.sample([s for s in mail if s.kind == "new" and not s.attachment], 20):
		sent.copies = 2
	# A reply names its parent's Message-ID: a message with none cannot be answered that way.
	parents = {s.parent for s in mail if s.parent}
	for sent in rng.sample(
		[s for s in mail if s.kind == "new" and s.copies == 1 and s.token not in parents], 10
	):
		sent.message_id = None
		compose(sent, "No id", sent.text)
	return mail


def delivered(mail: list[Sent]) -> list[bytes]:
	"""In arrival order, a duplicate arriving a little after its first copy."""
	out = []
	for sent in mail:
		out.append(sent.raw)
		if sent.copies > 1:
			out.append(sent.raw)
	return out
