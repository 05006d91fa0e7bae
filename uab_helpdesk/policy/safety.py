"""Health and safety by what the customer says (6.4.4: "health and safety issues will always be dealt
with"; 5.2 and 6.3.1 for safeguarding).

A ticket from email has Helpdesk's default type, so the type alone cannot tell a gas leak from a
parking complaint. This reads the subject and body of a message and recognises a health-and-safety,
emergency or safeguarding matter, so that it is never held and always reaches the officer.

It is built to miss as little as possible: a matter wrongly recognised costs an officer a look at an
ordinary message, a matter missed can cost a life. The terms are data (`UAB Settings`, table
*Health and safety terms*), so a landlord adds its own words without a release.

A term is a phrase of words. ``leak*`` matches any word that starts with ``leak``; ``..`` between two
words lets up to four other words stand between them (``smell* .. gas`` finds "smell of gas" and
"smelling the gas"). An *ignore* term blanks out what it matches before the others are looked for
("gas bill", "flooded with letters"), so a word that is safe in that phrase is not read as danger.
"""

import re
from dataclasses import dataclass
from html import unescape

GAP_WORDS = 4


class Category:
	GAS = "Gas"
	FIRE = "Fire"
	FLOOD = "Flood or leak"
	HEATING = "No heating or hot water"
	ELECTRICAL = "Electrical danger"
	STRUCTURAL = "Structural danger"
	CARBON_MONOXIDE = "Carbon monoxide"
	DAMP = "Damp and mould"
	SAFEGUARDING = "Safeguarding or self-harm"

	ALL = (GAS, FIRE, FLOOD, HEATING, ELECTRICAL, STRUCTURAL, CARBON_MONOXIDE, DAMP, SAFEGUARDING)


@dataclass(frozen=True)
class SafetyTerm:
	category: str
	phrase: str
	ignore: bool = False


@dataclass(frozen=True)
class SafetyMatter:
	"""What was recognised: the category and the words that showed it, quoted on the ticket."""

	category: str
	phrase: str
	found: str


def _terms(category: str, *phrases: str) -> tuple[SafetyTerm, ...]:
	return tuple(SafetyTerm(category, phrase) for phrase in phrases)


def _ignored(*phrases: str) -> tuple[SafetyTerm, ...]:
	return tuple(SafetyTerm("", phrase, ignore=True) for phrase in phrases)


# Shipped defaults, installed into UAB Settings; a landlord edits its own copy there.
DEFAULT_TERMS: tuple[SafetyTerm, ...] = (
	*_terms(
		Category.CARBON_MONOXIDE,
		"carbon monoxide",
		"co alarm*",
		"co detector*",
		"co monitor*",
		"monoxide",
		"flame* .. orange",
		"flame* .. yellow",
		"orange flame*",
		"yellow flame*",
		"sooty",
		"soot",
	),
	*_terms(
		Category.GAS,
		"smell* .. gas",
		"gas smell*",
		"whiff* .. gas",
		"gas leak*",
		"leak* .. gas",
		"gas escape*",
		"national gas",
		"gas emergency",
		"cadent",
		"fumes",
		"boiler* .. smell*",
		"smell* .. boiler*",
		"hob .. hissing",
		"gas .. hissing",
		"hissing .. gas",
		"eggy smell*",
		"rotten egg*",
		"smell* .. eggs",
	),
	*_terms(
		Category.FIRE,
		"on fire",
		"caught fire",
		"set fire",
		"fire brigade",
		"fire service",
		"fire engine*",
		"a fire",
		"fire in",
		"smoke coming",
		"smoke pouring",
		"smoke everywhere",
		"full of smoke",
		"burning smell*",
		"smell* .. burning",
		"smell* of burn*",
		"smoke alarm* .. smoke",
		"smoke .. smoke alarm*",
		"flames",
		"scorch*",
		"fire risk",
		"fire hazard",
		"fire door* .. wedged",
		"fire door* .. propped",
		"fire door* .. broken",
		"fire door* .. snapped",
		"fire alarm* .. fault*",
		"alarm panel .. fault*",
		"smoke detector* .. down",
		"smoke detector* .. taken",
		"smoke alarm* .. taken",
		"no smoke alarm*",
		"no smoke detector*",
		"e scooter*",
		"hoard*",
		"piled up to the ceiling",
	),
	*_terms(
		Category.ELECTRICAL,
		"sparking",
		"sparked",
		"sparks from",
		"sparks coming",
		"sparks flying",
		"sparks out",
		"fizzing",
		"wir* .. hanging",
		"wir* .. sticking out",
		"electric shock*",
		"shock* off",
		"got a shock",
		"exposed wir*",
		"bare wir*",
		"live wir*",
		"wires hanging",
		"wires sticking",
		"wir* .. exposed",
		"socket* .. melt*",
		"melt* .. socket*",
		"socket* .. burn*",
		"fuse box .. smok*",
		"consumer unit .. smok*",
		"water .. electric*",
		"water .. light fitting*",
		"water .. socket*",
		"electric* .. water",
		"keeps tripping",
		"trip switch*",
		"electric* .. tripping",
		"no electric*",
		"no power",
		"power cut",
	),
	*_terms(
		Category.FLOOD,
		"flood*",
		"leak*",
		"burst pipe*",
		"pipe* .. burst",
		"water coming",
		"water pouring",
		"water pour*",
		"water dripping",
		"dripping through",
		"pouring through",
		"coming through .. ceiling",
		"water everywhere",
		"water .. ceiling",
		"sewage",
		"toilet .. overflow*",
		"overflowing",
		"stop cock",
		"stopcock",
	),
	*_terms(
		Category.HEATING,
		"no heating",
		"no hot water",
		"no heat*",
		"boiler* .. cut* out",
		"boiler* .. cuttin out",
		"heating .. not working",
		"heating .. broken",
		"heating .. broke",
		"heating .. stopped",
		"heating .. off",
		"heating .. packed up",
		"heating .. gone",
		"hot water .. not working",
		"hot water .. gone",
		"hot water .. off",
		"radiators .. cold",
		"radiator* .. stone cold",
		"boiler .. not working",
		"boiler* .. broke*",
		"boiler* .. packed up",
		"boiler* .. gone off",
		"boiler* .. stopped",
		"boiler* .. keeps going off",
		"boiler* .. won t",
		"boiler* .. not fir*",
		"boiler .. pressure",
		"boiler .. error",
		"freezin*",
		"no way to heat",
		"cold water only",
		"cold showers",
	),
	*_terms(
		Category.STRUCTURAL,
		"ceiling* .. collaps*",
		"collaps*",
		"ceiling* .. bowing",
		"ceiling .. sagging",
		"ceiling .. come down",
		"ceiling .. fell",
		"ceiling .. falling",
		"fell down",
		"falling off",
		"fell off",
		"brick* .. fall*",
		"chimney* .. fall*",
		"masonry",
		"nearly hit",
		"railing* .. loose",
		"loose .. railing*",
		"handrail* .. loose",
		"fallen down",
		"falling down",
		"come away from the wall",
		"came off the wall",
		"come off the wall",
		"coming off the wall",
		"bannister*",
		"banister*",
		"crack* .. wall*",
		"wall* .. crack*",
		"crack* .. ceiling*",
		"crack* .. getting bigger",
		"subsidence",
		"unsafe",
		"dangerous",
		"could fall",
		"about to fall",
		"roof .. caved",
		"tiles .. fall*",
		"window .. fall*",
		"loose .. stair*",
		"stair* .. loose",
		"step* .. broken",
		"broken .. step*",
	),
	*_terms(
		Category.DAMP,
		"mould*",
		"mold*",
		"damp",
		"black spots",
		"condensation",
		"fungus",
		"mushroom*",
	),
	*_terms(
		Category.SAFEGUARDING,
		"kill myself",
		"end it",
		"end my life",
		"take my own life",
		"take my life",
		"suicid*",
		"self harm*",
		"self-harm*",
		"hurt myself",
		"harm myself",
		"can t go on",
		"cant go on",
		"cannot go on",
		"no point living",
		"not want to be here",
		"don t want to be here",
		"dont want to be here",
		"better off without me",
		"overdose",
		"safeguarding",
		"hits them",
		"hits me",
		"hitting them",
		"hitting me",
		"beats them",
		"beat me",
		"beats me",
		"abusing",
		"being abused",
		"domestic abuse",
		"domestic violence",
		"afraid for my life",
		"scared for my life",
		"fear for my life",
		"kids are not safe",
		"child is not safe",
		"children .. not safe",
		"child .. left alone",
		"kids .. left alone",
		"children .. left alone",
		"neglect*",
		"worried about the child*",
		"worried about the kid*",
		"worried about the baby",
		"vulnerable adult",
		"not eating",
		"not been seen",
		"threatening to kill",
		"kill her",
		"kill him",
		"hit her",
		"hitting her",
		"beating her",
		"hurt the kids",
		"haven t seen .. for",
		"not seen him",
		"not seen her",
		"post .. piling up",
		"welfare check",
		"worried about him",
		"worried about her",
		"all my tablets",
		"all me tablets",
		"tablets lined up",
		"pills lined up",
		"can t cope",
		"cant cope",
		"can t do this anymore",
		"cant do this anymore",
		"threatened to kill",
	),
	*_ignored(
		"gas bill*",
		"gas and electric bill*",
		"gas meter top up",
		"gas top up",
		"gas safety check*",
		"gas safety certificate*",
		"gas safety inspection*",
		"gas service",
		"flooded with",
		"flood of",
		"leak* .. information",
		"leak* .. details",
		"leak* .. my details",
		"damp weather",
		"damp day",
		"fire door* survey*",
		"fire safety survey*",
		"fire risk assessment*",
		"fire alarm test*",
		"end it all over",
		"end it there",
		"end it now",
		"end it with",
		"killing me",
		"is dangerous for",
		"dangerous dogs act",
		"freezing my",
		"freezing the rent",
		"rent freez*",
		"in the freezer",
		"mould treatment invoice",
		"mould wash invoice",
		"not flooding",
		"no flooding",
		"isn t flooding",
		"leaked my",
		"leaked .. number",
		"leaked .. address",
		"fixed the leak*",
		"leak* .. fixed",
		"leak* .. repaired",
		"leak* .. sorted",
		"damp survey*",
		"heating charge*",
		"heating bill*",
		"heating cost*",
		"following the fire",
		"after the fire",
		"since the fire",
		"fire alarm .. tested",
	),
)


def find_safety_matter(
	subject: str | None, body: str | None, terms: tuple[SafetyTerm, ...] = DEFAULT_TERMS
) -> SafetyMatter | None:
	"""The first health-and-safety matter the message shows, in the order of ``terms``; None for none.

	The shipped order puts the matters that kill fastest first (carbon monoxide, gas, fire), so a
	message that mentions a leak and a smell of gas is routed as gas."""
	words = _words(f"{subject or ''} . {body or ''}")
	for term in terms:
		if term.ignore:
			words = _blank(words, _pattern(term.phrase))
	text = " ".join(words)
	for term in terms:
		if term.ignore or not term.phrase.strip():
			continue
		if match := _pattern(term.phrase).search(text):
			return SafetyMatter(term.category, term.phrase, match.group(0).strip())
	return None


_TAG = re.compile(r"<[^>]+>")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> list[str]:
	"""Lower-case words, with markup and punctuation gone: 'Can't' -> 'can t', 'GAS!!!' -> 'gas'."""
	text = unescape(_TAG.sub(" ", text)).lower().replace("\u2019", "'")
	return [word for word in _NOT_WORD.split(text) if word]


def _pattern(phrase: str) -> re.Pattern:
	"""A term as a regular expression over space-joined words (see the module docstring)."""
	parts = []
	for token in phrase.lower().replace("\u2019", "'").split():
		if token == "..":
			parts.append(rf"(?:\S+ ){{0,{GAP_WORDS}}}")
			continue
		for word in _NOT_WORD.split(token.rstrip("*")):
			if word:
				parts.append(re.escape(word) + " ")
		if token.endswith("*") and parts:
			parts[-1] = parts[-1][:-1] + r"\S* "
	return re.compile(r"(?<!\S)" + "".join(parts).rstrip() + r"(?!\S)")


def _blank(words: list[str], pattern: re.Pattern) -> list[str]:
	"""The words with each match of an ignore term replaced by a placeholder."""
	text = " ".join(words)
	return pattern.sub(lambda m: " ".join("_" for _word in m.group(0).split()), text).split()
