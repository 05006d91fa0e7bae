"""Appeals against a protocol (6.5.5): 'one further assessment by a Director'.

The Director who hears it was not involved in the decision appealed against (SPEC §3 separation of
duties): not the assessor, not the Head of Service who authorised it, not the Director who signed off
immediate action. Work is shared round robin among the rest.
"""

from dataclasses import dataclass
from enum import Enum

from .i18n import Message, _


class AppealDecision(str, Enum):
	UPHELD = "Upheld"
	VARIED = "Varied"
	OVERTURNED = "Overturned"


@dataclass(frozen=True)
class ProtocolInvolvement:
	assessor: str | None = None
	authoriser: str | None = None
	immediate_action_director: str | None = None

	@property
	def people(self) -> set[str]:
		return {
			person for person in (self.assessor, self.authoriser, self.immediate_action_director) if person
		}


def eligible_directors(directors: list[str], involvement: ProtocolInvolvement) -> list[str]:
	"""Directors who may hear the appeal, in a stable order."""
	return sorted(set(directors) - involvement.people)


def choose_director(eligible: list[str], last_assigned: str | None) -> str | None:
	"""Round robin: the next eligible Director after the one who received the last appeal."""
	if not eligible:
		return None
	ordered = sorted(eligible)
	if last_assigned is None:
		return ordered[0]
	later = [director for director in ordered if director > last_assigned]
	return later[0] if later else ordered[0]


def check_decider(
	decider: str, assigned: str | None, involvement: ProtocolInvolvement, decider_is_director: bool
) -> list[Message]:
	"""6.5.5: only a Director decides — the one the appeal is assigned to — and never one involved in the
	protocol. With no Director assigned yet (none was free), any uninvolved Director may take it."""
	if not decider_is_director:
		return [Message(_("Only a Director decides an appeal (policy 6.5.5); {0} is not one."), (decider,))]
	if decider in involvement.people:
		return [
			Message(
				_(
					"{0} took part in the decision appealed against and cannot decide the appeal (policy 6.5.5)."
				),
				(decider,),
			)
		]
	if assigned and decider != assigned:
		return [Message(_("This appeal is assigned to {0}; only they can decide it."), (assigned,))]
	return []
