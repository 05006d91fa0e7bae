"""Staff are supported, not only recorded (policy 2.2, 5.2), and colleagues are warned of a risk
(6.3.1, 6.3.5 and the Customer Risk Identification process).

- An incident that names a staff member affected alerts that person's manager and opens a welfare
  follow-up, which a manager other than the staff member closes with what was offered.
- An incident where violence was threatened or used places a staff-safety marker on the customer
  ("visit in pairs"), shown to every colleague without the incident behind it, until a manager removes
  it and says why.
"""

from .i18n import Message, _
from .values import PhysicalViolence

PRECAUTIONS = ("Visit in pairs", "No lone visits", "Meet only at the office", "Police to attend visits")


def needs_safety_marker(physical_violence: PhysicalViolence | None) -> bool:
	"""6.3.1: violence threatened or used is a risk to whoever visits or meets the customer next."""
	return physical_violence in (PhysicalViolence.THREATENED, PhysicalViolence.USED)


def who_supports(
	staff_member: str,
	line_managers: dict[str, str],
	welfare_manager: str | None,
	managers: list[str],
) -> list[str]:
	"""2.2: the staff member's own line manager; else the landlord's welfare manager; else every UAB
	manager. Never the staff member themselves, who is the one to be supported."""
	for candidates in ([line_managers.get(staff_member)], [welfare_manager], sorted(managers)):
		chosen = [person for person in candidates if person and person != staff_member]
		if chosen:
			return chosen
	return []


def closing_problems(status: str, support_offered: str, closer: str, staff_member: str) -> list[Message]:
	"""5.2: a follow-up is closed once, by someone else, with what was offered written down."""
	problems = []
	if status != "Open":
		problems.append(Message(_("This welfare follow-up is already closed.")))
	if closer == staff_member:
		problems.append(Message(_("A manager other than the staff member closes their welfare follow-up.")))
	if not (support_offered or "").strip():
		problems.append(
			Message(_("Write down the support offered (for example a debrief, counselling, time away)."))
		)
	return problems


def removal_problems(status: str, reason: str) -> list[Message]:
	"""A marker is removed once, and the reason stays on the record for whoever asks why (6.3.5)."""
	problems = []
	if status != "Active":
		problems.append(Message(_("This staff-safety marker has already been removed.")))
	if len((reason or "").split()) < 3:
		problems.append(Message(_("Say why the staff-safety marker is no longer needed.")))
	return problems
