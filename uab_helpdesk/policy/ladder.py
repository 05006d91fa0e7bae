"""The escalation ladder of policy 6.5: initial warning -> formal warning -> assessment -> protocol.

Each step is gated on the one before it and on behaviour continuing after it. A Director may
authorise immediate action that skips the gates (6.5: 'reserves the right to take immediate action
signed off by a Director'); the authorisation is recorded on every later record.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum

from .dates import DEFAULT_LOOKBACK_MONTHS, is_set_aside_by_lookback
from .decision import format_date
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
	left_out: Message | None = None  # why earlier records are not weighed (6.5.3), said with a refusal


def leave_out_closed_cases(
	history: CaseHistory,
	case_closures: tuple[date, ...],
	today: date,
	lookback_months: int = DEFAULT_LOOKBACK_MONTHS,
) -> CaseHistory:
	"""6.5.3: a case 'reviewed and closed for at least 12 months' is not weighed again. Every record
	(incident, warning, assessment) dated on or before the latest such closure is left out of the ladder,
	and the history says so; records after it, or of a case closed more recently, count."""
	old = [closed for closed in case_closures if is_set_aside_by_lookback(closed, today, lookback_months)]
	if not old:
		return history
	cutoff = max(old)

	def after(moments: tuple) -> tuple:
		return tuple(moment for moment in moments if moment.date() > cutoff)

	kept = replace(
		history,
		incidents=after(history.incidents),
		initial_warnings=after(history.initial_warnings),
		formal_warnings=after(history.formal_warnings),
		assessments=tuple(row for row in history.assessments if row[0].date() > cutoff),
	)
	dropped = sum(
		len(getattr(history, name)) - len(getattr(kept, name))
		for name in ("incidents", "initial_warnings", "formal_warnings", "assessments")
	)
	if not dropped:
		return kept
	return replace(
		kept,
		left_out=Message(
			_(
				"{0} earlier records are left out: their case closed on {1}, more than {2} months ago (policy 6.5.3)."
			),
			(dropped, format_date(cutoff), lookback_months),
		),
	)


def check_step(step: Step, history: CaseHistory) -> list[Message]:
	"""Why ``step`` may not be taken now; an empty list means it may."""
	if history.immediate_action:
		return []
	gates = {
		Step.INITIAL_WARNING: _initial_warning_gate,
		Step.FORMAL_WARNING: _formal_warning_gate,
		Step.ASSESSMENT: _assessment_gate,
		Step.PROTOCOL: _protocol_gate,
	}
	if step not in gates:
		raise ValueError(f"Unknown step: {step!r}")
	problems = gates[step](history)
	if problems and history.left_out:
		problems.append(history.left_out)
	return problems


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
