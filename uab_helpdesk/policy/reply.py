"""Which way an agent's reply on a protected customer's ticket can go (SPEC §5.1; policy 6.4.2, 6.5.4).

The agent UI offers what this decides and nothing else; the server decides again when the reply is
sent. It only asks `decide_outgoing` the same question for the ways that remain:

- the reply as written is allowed (or only flagged, in Warn mode): **Send**;
- only the single point of contact (or deputy) may reply, and they could: **Send to them for
  approval** — the agent's text waits on the ticket as a draft they send or return;
- e-mail is not allowed but letters are: **Send as letter** — the text becomes a letter to post;
- anything else (a topic, a health-and-safety-only period, no written channel at all): **refused**,
  with the decision's own explanation.
"""

from dataclasses import dataclass, replace
from enum import Enum

from .decision import ALLOWED, Decision, OutgoingContact, SiteContext, decide_outgoing
from .protocol import ProtocolRules
from .values import Channel


class ReplyRoute(str, Enum):
	SEND = "send"
	LETTER = "letter"
	APPROVAL = "approval"
	REFUSED = "refused"


@dataclass(frozen=True)
class ReplyWay:
	"""``channel``: how the reply reaches the customer once sent (by whoever sends it). ``decision``:
	the decision on the reply exactly as the agent would send it, for its explanation."""

	route: ReplyRoute
	channel: Channel | None = None
	decision: Decision = ALLOWED


def reply_way(reply: OutgoingContact, rules: ProtocolRules | None, site: SiteContext) -> ReplyWay:
	as_written = decide_outgoing(reply, rules, site)
	if not as_written.refused:
		return ReplyWay(ReplyRoute.SEND, reply.channel, as_written)
	# Past this point there is a protocol: without one nothing is refused.
	if not rules.is_named_officer(reply.agent):
		by_officer = replace(reply, agent=rules.single_point_of_contact)
		for channel in _fallbacks(reply.channel):
			if not decide_outgoing(replace(by_officer, channel=channel), rules, site).refused:
				return ReplyWay(ReplyRoute.APPROVAL, channel, as_written)
		return ReplyWay(ReplyRoute.REFUSED, None, as_written)
	if reply.channel != Channel.LETTER:
		if not decide_outgoing(replace(reply, channel=Channel.LETTER), rules, site).refused:
			return ReplyWay(ReplyRoute.LETTER, Channel.LETTER, as_written)
	return ReplyWay(ReplyRoute.REFUSED, None, as_written)


def _fallbacks(channel: Channel) -> tuple[Channel, ...]:
	"""The officer replies the same way if the protocol lets them, else by letter."""
	return (channel,) if channel == Channel.LETTER else (channel, Channel.LETTER)
