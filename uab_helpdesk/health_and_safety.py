"""A protected customer's health-and-safety matter, found in what they wrote (policy 6.4.4).

The ticket is marked (the matter, the landlord's health-and-safety type, urgent priority), never held,
and given to the single point of contact and the deputy, so that whoever is in sees it first. Replies
on a marked ticket pass the protocol's topic rules; its channel and officer rules still apply.
"""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign

from uab_helpdesk.policy import safety_model
from uab_helpdesk.policy.safety import DEFAULT_TERMS, SafetyMatter, SafetyTerm, find_safety_matter
from uab_helpdesk.ticket_state import set_ticket_state, ticket_state
from uab_helpdesk.utils import log_failure, translated_option

_SHIPPED_TERMS = frozenset(DEFAULT_TERMS)

_terms_of: dict[tuple, tuple[SafetyTerm, ...]] = {}


def safety_terms() -> tuple[SafetyTerm, ...]:
	"""The landlord's terms from UAB Settings; the shipped ones when the table is empty, so that emptying
	it by mistake never switches the protection off. Built once per change of the settings, not per
	message."""
	settings = frappe.get_cached_doc("UAB Settings")
	key = (frappe.local.site, str(settings.modified))
	if key not in _terms_of:
		rows = settings.get("safety_terms") or []
		terms = tuple(SafetyTerm(row.category or "", row.phrase or "", bool(row.ignore)) for row in rows)
		_terms_of.clear()
		_terms_of[key] = terms or DEFAULT_TERMS
	return _terms_of[key]


def safety_score_of(words: str) -> float:
	return safety_model.safety_probability(words)


def safety_matter_in(subject: str | None, body: str | None) -> SafetyMatter | None:
	"""The terms, weighed with the model's reading of the whole message (policy/safety_model.py). A term
	the landlord added always stands. Should the model fail, the terms decide alone: a message is never
	delayed or lost for it, and what the terms find is never dropped."""
	terms = safety_terms()
	by_terms = find_safety_matter(subject, body, terms)
	landlords_own = bool(by_terms) and _landlords_own(by_terms, terms)
	try:
		return safety_model.judged_matter(subject, body, by_terms, landlords_own, score=safety_score_of)
	except Exception:
		log_failure("UAB Helpdesk: the health and safety model could not read a message")
		return by_terms


def _landlords_own(matter: SafetyMatter, terms: tuple[SafetyTerm, ...]) -> bool:
	return any(
		term.phrase == matter.phrase and term.category == matter.category and term not in _SHIPPED_TERMS
		for term in terms
	)


def mark_new_ticket(doc, matter: SafetyMatter) -> None:
	"""A new ticket, before it is saved: the fields are written with it. Helpdesk has chosen its SLA
	(before_validate) and applies it in before_save, outside our guard: a priority that SLA lacks would
	make the ticket fail to save, and an e-mailed gas leak end up in Unhandled Email."""
	for field, value in _marks(matter, doc.get("sla")).items():
		setattr(doc, field, value)


def mark_ticket(ticket: str, matter: SafetyMatter, protocol: str | None, arrived=None) -> None:
	"""A later message on a ticket shows the matter: mark it, release it from any hold, route it. The
	hazard's clock starts when the message ``arrived`` (now, by default): the landlord was aware then."""
	state = ticket_state(ticket)
	if state.safety_matter or not frappe.db.exists("HD Ticket", ticket):
		return
	# The ticket's own protocol routes it, whoever wrote (an advocate is under no protocol of their own).
	protocol = state.protocol or protocol
	# The next save of the ticket applies its SLA: a priority it lacks would make every later edit fail.
	if marks := _marks(matter, frappe.db.get_value("HD Ticket", ticket, "sla")):
		frappe.db.set_value("HD Ticket", ticket, marks)
	set_ticket_state(ticket, safety_matter=matter.category, held=0, protocol=protocol)
	announce(ticket, matter, released=bool(state.held))
	route_urgently(ticket, protocol)
	from uab_helpdesk.hazards import start_clock

	start_clock(ticket, matter.category, arrived or frappe.utils.now_datetime(), protocol)


def read_for_danger(message) -> None:
	"""The language job, for a message on a ticket the app does not hold (no protocol): Awaab's Law applies
	to every tenant, so a danger found in any message marks its ticket and starts its clock from the
	message's arrival. Read after the message is stored: nothing is held, so nothing need wait for it."""
	if message.reference_doctype != "HD Ticket" or not message.reference_name:
		return
	state = ticket_state(message.reference_name)
	if state.protocol or state.safety_matter:
		return  # a protected ticket's messages are read when received, where a hold is decided
	if matter := safety_matter_in(message.subject, message.content):
		mark_ticket(message.reference_name, matter, None, arrived=message.creation)


def announce(ticket: str, matter: SafetyMatter, released: bool = False) -> None:
	"""A timeline entry that says what was recognised and why, for the officer and for the record."""
	text = _(
		"Health and safety matter recognised ({0}: \u201c{1}\u201d): never held, routed as urgent (policy 6.4.4)."
	).format(translated_option(matter.category), frappe.utils.escape_html(matter.found))
	if released:
		text += " " + _("The ticket is released from its hold for screening.")
	frappe.get_doc("HD Ticket", ticket).add_comment("Info", text)


def route_urgently(ticket: str, protocol: str | None) -> None:
	"""The single point of contact and the deputy, both: an emergency does not wait for one person."""
	if not protocol:
		return
	officers = frappe.db.get_value(
		"UAB Communication Protocol", protocol, ["single_point_of_contact", "deputy_contact"]
	)
	assigned = frappe.db.get_value("HD Ticket", ticket, "_assign") or ""
	wanted = [officer for officer in officers or () if officer and officer not in assigned]
	if wanted:
		assign(
			{
				"assign_to": wanted,
				"doctype": "HD Ticket",
				"name": ticket,
				"description": _("Health and safety matter: urgent"),
				"priority": "High",
			},
			ignore_permissions=True,
		)


def _marks(matter: SafetyMatter, sla: str | None) -> dict:
	"""Helpdesk's own fields: the landlord's safety type and priority where they exist and Helpdesk will
	accept them. What is missing is said in UAB Settings (setup/health.py); the matter is routed all the
	same. The matter itself is the app's (ticket_state.py)."""
	settings = frappe.get_cached_doc("UAB Settings")
	marks = {}
	if settings.safety_ticket_type and frappe.db.exists("HD Ticket Type", settings.safety_ticket_type):
		marks["ticket_type"] = settings.safety_ticket_type
	priority = settings.safety_priority
	if priority and frappe.db.exists("HD Ticket Priority", priority) and _sla_accepts(sla, priority):
		marks["priority"] = priority
	return marks


def _sla_accepts(sla: str | None, priority: str) -> bool:
	return not sla or bool(
		frappe.db.exists(
			"HD Service Level Priority",
			{"parenttype": "HD Service Level Agreement", "parent": sla, "priority": priority},
		)
	)


def slas_without_priority(priority: str) -> list[str]:
	"""The enabled SLAs a ticket could be under that would refuse ``priority``."""
	having = set(
		frappe.get_all(
			"HD Service Level Priority",
			filters={"parenttype": "HD Service Level Agreement", "priority": priority},
			pluck="parent",
		)
	)
	enabled = frappe.get_all("HD Service Level Agreement", filters={"enabled": 1}, pluck="name")
	return sorted(sla for sla in enabled if sla not in having)
