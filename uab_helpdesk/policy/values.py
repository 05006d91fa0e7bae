"""Value objects shared by every rule: channels, behaviour types, outcomes (SPEC §4)."""

from enum import Enum


class Channel(str, Enum):
	"""How contact happens. One list everywhere (6.4.2: in person, telephone, letter, electronically;
	6.3.2 / 6.4.1: via a third party). A text message is its own channel, not a phone call: a
	protocol's call windows do not govern texts unless it lists windows for SMS too."""

	EMAIL = "Email"
	LETTER = "Letter"
	PHONE = "Phone"
	SMS = "SMS"
	IN_PERSON = "In person"
	PORTAL = "Portal"
	THIRD_PARTY = "Third party"


# Channels that put contact "in writing" (6.4.4: written communication or a third party).
WRITTEN_CHANNELS = (Channel.LETTER, Channel.EMAIL, Channel.PORTAL)


class BehaviourType(str, Enum):
	"""The kinds of unacceptable behaviour the policy defines (3.2–3.6)."""

	AGGRESSIVE = "Aggressive"
	ABUSIVE_PHYSICAL = "Abusive – physical"
	ABUSIVE_VERBAL = "Abusive – verbal"
	INTIMIDATION = "Intimidation or threatening"
	UNREASONABLE_DEMANDS = "Unreasonable demands"
	UNREASONABLE_PERSISTENCE = "Unreasonable persistence"
	VEXATIOUS = "Vexatious"
	SOCIAL_MEDIA = "Social media or online abuse"


class PhysicalViolence(str, Enum):
	NONE = "None"
	THREATENED = "Threatened"
	USED = "Used"


class WarningLevel(str, Enum):
	INITIAL = "Initial"
	FORMAL = "Formal"


class AssessmentOutcome(str, Enum):
	UNACCEPTABLE = "Unacceptable – protocol recommended"
	NOT_UNACCEPTABLE = "Not unacceptable"
	FURTHER_WARNING = "Further warning"


class IssuePeriod(str, Enum):
	"""Calendar periods for the issue limit (6.4.3), counted in the site's time zone."""

	WEEK = "Week"
	MONTH = "Month"
	QUARTER = "Quarter"


class EnforcementMode(str, Enum):
	BLOCK = "Block"
	WARN = "Warn"


class Screening(str, Enum):
	"""`UAB Ticket State.screening`: a held message is read and what it held is recorded (6.4.3)."""

	AWAITING = "Awaiting screening"
	NO_NEW_INFORMATION = "No new information"
	NEW_INFORMATION = "New information – dealt with"
	SAFEGUARDING = "Safeguarding concern – escalated"
	# The Complaint Handling Code: a held message the officer reads as a complaint is released to it.
	COMPLAINT = "Complaint – sent to the complaints process"


SCREENING_OUTCOMES = tuple(screening for screening in Screening if screening is not Screening.AWAITING)


class Outcome(str, Enum):
	"""What happens to one contact attempt. The last four are also `UAB Contact Attempt.action`."""

	ALLOWED = "Allowed"  # outgoing, nothing breached
	ACCEPTED = "Accepted"  # incoming, nothing to screen
	BLOCKED = "Blocked"
	HELD = "Held"
	FLAGGED = "Flagged"
	OVERRIDDEN = "Overridden"


class Rule(str, Enum):
	"""A protocol rule that an attempt can breach, with the policy section it comes from."""

	CHANNEL = "Channel"
	SINGLE_POINT_OF_CONTACT = "Single point of contact"
	CONTACT_WINDOW = "Contact window"
	TOPIC = "Topic"
	HEALTH_AND_SAFETY_ONLY = "Health and safety only"
	THIRD_PARTY_ONLY = "Third party only"
	THIRD_PARTY_AUTHORITY = "Third-party authority"
	ISSUE_LIMIT = "Issue limit"

	@property
	def section(self) -> str:
		return _RULE_SECTIONS[self]


_RULE_SECTIONS = {
	Rule.CHANNEL: "6.4.2",
	Rule.SINGLE_POINT_OF_CONTACT: "6.4.2",
	Rule.CONTACT_WINDOW: "6.4.2",
	Rule.TOPIC: "6.5.4",
	Rule.HEALTH_AND_SAFETY_ONLY: "6.4.4",
	Rule.THIRD_PARTY_ONLY: "6.4.1",
	Rule.THIRD_PARTY_AUTHORITY: "6.3.2",
	Rule.ISSUE_LIMIT: "6.4.3",
}


def parse_enum(enum_type, value):
	"""The enum member for a stored value, or None for an empty one; unknown values raise ValueError."""
	if value in (None, ""):
		return None
	if isinstance(value, enum_type):
		return value
	return enum_type(value)
