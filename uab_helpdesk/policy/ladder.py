"""The escalation ladder of policy 6.5: initial warning -> formal warning -> assessment -> protocol.

Each step is gated on the one before it and on behaviour continuing after it. A Director may
authorise immediate action that skips the gates (6.5: 'reserves the right to take immediate action
signed off by a Director'); the authorisation is recorded on every later record.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from .i18n import Message, _
from .values import AssessmentOutcome


class Step(str, Enum):
	INITIAL_WARNING = "Initial warning"
	FORMAL_WARNING = "Formal warning"
	ASSESSMENT = "Assessment"
	PROTOCOL = "Communication protocol"


@dataclass(frozen=True)
class CaseHistory:
	"""A contact's submitted UAB records, as moments in time (site-local, naive or aware alike)."""

	incidents: tuple[datetime, ...] = ()
	initial_warnings: tuple[datetime, ...] = ()
	formal_warnings: tuple[datetime, ...] = ()
	assessments: tuple[tuple[datetime, AssessmentOutcome], ...] = field(default_factory=tuple)
	immediate_action: bool = False


def check_step(step: Step, history: CaseHistory) -> list[Message]:
	"""Why ``step`` may not be taken now; an empty list means it may."""
	if history.immediate_action:
		return []
	if step == Step.INITIAL_WARNING:
		return _initial_warning_gate(history)
	if step == Step.FORMAL_WARNING:
		return _formal_warning_gate(history)
	if step == Step.ASSESSMENT:
		return _assessment_gate(history)
	if step == Step.PROTOCOL:
		return _protocol_gate(history)
	raise ValueError(f"Unknown step: {step!r}")


def next_steps(history: CaseHistory) -> list[Step]:
	"""Every step the history allows now, for the form's buttons and the banner."""
	return [step for step in Step if not check_step(step, history)]


def _initial_warning_gate(history: CaseHistory) -> list[Message]:
	"""6.5.1: an initial warning answers behaviour that happened, so it needs a recorded incident."""
	if not history.incidents:
		return [Message(_("An initial warning needs at least one recorded incident (policy 6.5.1)."))]
	return []


def _formal_warning_gate(history: CaseHistory) -> list[Message]:
	"""6.5.2: a formal warning when behaviour 'has persisted even after an initial warning'."""
	if not history.initial_warnings:
		return [Message(_("A formal warning needs an earlier initial warning (policy 6.5.2)."))]
	if not _incident_after(history.incidents, min(history.initial_warnings)):
		return [
			Message(
				_(
					"A formal warning needs an incident after the initial warning: the behaviour must have persisted (policy 6.5.2)."
				)
			)
		]
	return []


def _assessment_gate(history: CaseHistory) -> list[Message]:
	"""6.5.3: an assessment follows a formal warning when the customer 'continues to display unacceptable behaviour'."""
	if not history.formal_warnings:
		return [Message(_("An assessment needs an earlier formal warning (policy 6.5.3)."))]
	if not _incident_after(history.incidents, min(history.formal_warnings)):
		return [Message(_("An assessment needs an incident after the formal warning (policy 6.5.3)."))]
	return []


def _protocol_gate(history: CaseHistory) -> list[Message]:
	"""6.5.4: a protocol only when an assessment defined the behaviour as unacceptable."""
	if not any(outcome == AssessmentOutcome.UNACCEPTABLE for _when, outcome in history.assessments):
		return [
			Message(
				_(
					"A communication protocol needs an assessment that found the behaviour unacceptable, or immediate action authorised by a Director (policy 6.5.4, 6.5)."
				)
			)
		]
	return []


def _incident_after(incidents, moment: datetime) -> bool:
	return any(incident > moment for incident in incidents)
