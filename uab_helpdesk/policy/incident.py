"""What a recorded incident must hold (6.3.1, 6.3.3–6.3.5)."""

from dataclasses import dataclass
from datetime import datetime

from .i18n import Message, _
from .values import WRITTEN_CHANNELS, Channel, PhysicalViolence


@dataclass(frozen=True)
class IncidentFacts:
	occurred_on: datetime
	channel: Channel
	description: str
	physical_violence: PhysicalViolence = PhysicalViolence.NONE
	police_reported: bool = False
	police_reference: str | None = None
	call_ended_by_staff: bool = False
	correspondence_not_answered: bool = False


def validate_incident(incident: IncidentFacts, now: datetime, submitting: bool = True) -> list[Message]:
	"""Every reason the incident cannot be recorded as it stands; empty when it can. A draft may say that
	violence was threatened before the police report is recorded (a threat found in a message is drafted
	at once, 6.3.1); it is submitted, and counts, only with the report."""
	problems = []
	if incident.occurred_on > now:
		problems.append(Message(_("An incident cannot be recorded as happening in the future.")))
	if len(incident.description.split()) < 3:
		problems.append(
			Message(
				_("Describe what happened factually: the words spoken and the actions taken (policy 6.3.5).")
			)
		)
	if submitting and incident.physical_violence != PhysicalViolence.NONE and not incident.police_reported:
		problems.append(
			Message(
				_(
					"Physical violence was {0}: it must be reported to the police, and the report recorded (policy 6.3.1)."
				),
				(incident.physical_violence,),
			)
		)
	if incident.police_reported and not (incident.police_reference or "").strip():
		problems.append(Message(_("Record the police reference for the report (policy 6.3.1).")))
	if incident.call_ended_by_staff and incident.channel != Channel.PHONE:
		problems.append(Message(_("Only a telephone call can be ended by staff (policy 6.3.4).")))
	if incident.correspondence_not_answered and incident.channel not in (
		*WRITTEN_CHANNELS,
		Channel.THIRD_PARTY,
	):
		problems.append(Message(_("Only correspondence can be left unanswered (policy 6.3.3).")))
	return problems
