"""Fills a site with a large, clearly synthetic caseload, for the report scale benchmark.

    bench --site SITE execute uab_helpdesk.scale.generate --kwargs "{'incidents': 100000, 'communications': 1000000}"
    bench --site SITE execute uab_helpdesk.scale.remove

Straight SQL inserts in batches (this is load, not behaviour). Every row it makes is named with the
SCALE- prefix, so `remove` takes away exactly what it made. Running generate again tops up to the counts.
"""

import random
from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from uab_helpdesk.policy.values import BehaviourType, Channel

PREFIX = "SCALE-"
CONTACTS = 5000
BATCH = 10000


def generate(
	incidents: int = 100_000, communications: int = 1_000_000, attempts: int = 50_000, protocols: int = 1000
) -> dict:
	rng = random.Random(20261124)
	now = now_datetime()
	made = {
		"UAB Incident": _top_up("UAB Incident", incidents, lambda i: _incident(i, rng, now)),
		"Communication": _top_up("Communication", communications, lambda i: _communication(i, rng, now)),
		"UAB Contact Attempt": _top_up("UAB Contact Attempt", attempts, lambda i: _attempt(i, rng, now)),
		"UAB Communication Protocol": _top_up(
			"UAB Communication Protocol", protocols, lambda i: _protocol(i, rng, now)
		),
	}
	frappe.db.commit()
	return made


def remove() -> None:
	for doctype in ("UAB Incident", "Communication", "UAB Contact Attempt", "UAB Communication Protocol"):
		frappe.db.delete(doctype, {"name": ("like", f"{PREFIX}%")})
	frappe.db.commit()


def _top_up(doctype: str, wanted: int, make_row) -> int:
	have = frappe.db.count(doctype, {"name": ("like", f"{PREFIX}%")})
	for start in range(have, wanted, BATCH):
		rows = [make_row(i) for i in range(start, min(start + BATCH, wanted))]
		frappe.db.bulk_insert(doctype, list(rows[0]), [tuple(row.values()) for row in rows])
		frappe.db.commit()
	return max(wanted - have, 0)


def _common(name: str, moment) -> dict:
	return {
		"name": name,
		"creation": moment,
		"modified": moment,
		"owner": "Administrator",
		"modified_by": "Administrator",
	}


def _contact(rng) -> str:
	return f"{PREFIX}Contact {rng.randrange(CONTACTS)}"


def _incident(i: int, rng, now) -> dict:
	moment = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
	contact = _contact(rng)
	return {
		**_common(f"{PREFIX}INC-{i:08d}", moment),
		"docstatus": 1,
		"contact": contact,
		"contact_name": contact,
		"occurred_on": moment,
		"channel": rng.choice(list(Channel)).value,
		"behaviour_type": rng.choice(list(BehaviourType)).value,
		"description": "Synthetic incident for the scale benchmark.",
		"physical_violence": "None",
	}


def _communication(i: int, rng, now) -> dict:
	moment = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
	return {
		**_common(f"{PREFIX}COM-{i:08d}", moment),
		"communication_type": "Communication",
		"communication_medium": "Email",
		"sent_or_received": rng.choice(("Sent", "Received")),
		"subject": "Synthetic message",
		"content": "Synthetic message for the scale benchmark.",
		"communication_date": moment,
		"reference_doctype": "HD Ticket",
		"reference_name": str(rng.randrange(1, 100000)),
		"status": "Linked",
	}


def _attempt(i: int, rng, now) -> dict:
	moment = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
	contact = _contact(rng)
	return {
		**_common(f"{PREFIX}ATT-{i:08d}", moment),
		"action": rng.choice(("Blocked", "Held", "Flagged", "Overridden")),
		"direction": rng.choice(("Outgoing", "Incoming")),
		"channel": rng.choice(list(Channel)).value,
		"attempted_on": moment,
		"contact": contact,
		"contact_name": contact,
		"rules_breached": "Channel",
	}


def _protocol(i: int, rng, now) -> dict:
	start = (now - timedelta(days=rng.randrange(180))).date()
	contact = f"{PREFIX}Contact {i}"
	return {
		**_common(f"{PREFIX}CP-{i:08d}", now),
		"docstatus": 1,
		"status": "Active",
		"contact": contact,
		"contact_name": contact,
		"start_date": start,
		"review_due_date": start + timedelta(days=182),
		"reasonable_adjustments": "Synthetic.",
	}
