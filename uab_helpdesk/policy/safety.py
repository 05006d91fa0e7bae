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
"smelling the gas"); ``|`` separates alternatives (``no heating|no hot water``); ``~`` joins two phrases found within eight words of each
other in either order (``smell*|odour* ~ gas|egg*`` finds "an odour like bad eggs"), which is how
tenants describe a danger without naming it. An *ignore* term blanks out what it matches before the others are looked for
("gas bill", "flooded with letters"), so a word that is safe in that phrase is not read as danger.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

GAP_WORDS = 4
NEAR_WORDS = 8


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
		"alarm*|detector* ~ boiler*|monoxide|flue",
		"dizzy|headache*|drowsy|nause*|sleepy ~ boiler*|flame*|heater*|fumes|flue",
		"flame* ~ orange|yellow|floppy|lazy",
		"drowsy|dizzy|headache*|confused ~ gas fire|heater*|fire on",
		"soot*|sooty ~ boiler*|fire|flue|heater*|wall",
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
		"smell*|smelt|stink*|stench|odour*|whiff*|reek*|pong* ~ gas|egg*|eggy|sulphur|chemical*",
		"hiss*|hissing ~ hob|cooker|gas|boiler*|pipe*|meter",
		"smell*|smelt|odour*|stink*|rank ~ cooker|hob|boiler*|meter",
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
		"alarm*|detector* ~ dead|removed|disconnected|chirp*|took .. down|taken .. down|not working",
		"propped|wedged|blocked|blocking ~ door*|stair*|stairwell|exit*|landing",
		"stair*|stairwell|landing|corridor|exit ~ mattress*|rubbish|junk|furniture|bags",
		"burning|burnt ~ smell*|plastic|rubber",
		"smoke ~ coming|pouring|filling|everywhere|thick|black",
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
		"socket*|plug*|switch*|wir*|wiring|fuse*|shower*|cable*|electric*|lights ~ spark*|crackl*|fizz*|buzz*|zap*|shock*|scorch*|melt*|smok*|blackened|black|burn*|hot to",
		"flicker* ~ shock*|zap*|water|tingl*",
		"tingl* ~ metal|tap*|shower*|switch*",
		"water|drip*|leak*|wet ~ socket*|fitting*|plug*|electric*|fuse*|switch*",
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
		"water ~ coming|comin|running|pouring|dripping|gushing|spraying|everywhere|through|down",
		"ceiling*|wall* ~ drip*|dripping|wet|soaked|soaking|water|bubbling|bulging",
		"squelch*|soaked|soaking|sodden|gushing|spraying|burst",
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
		"radiator*|heating|heater*|boiler* ~ cold|freez*|not working|dead|broken|stopped|won t|wont|no heat*",
		"can t get warm",
		"cant get warm",
		"shivering",
		"no way to ~ warm|heat*|wash",
		"hot water ~ no|not|none|gone|cold",
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
		"ceiling*|wall*|roof|stair*|step*|handrail*|banister*|bannister*|rail|rails|railing*|balcony|chimney|plaster|brick*|floorboard* ~ crack*|sag*|bow*|bulg*|collaps*|falling|fell|dropping|loose|wobbl*|pulled out|came away|come away|coming away|gave way|give way|caved|rotten|broken",
		"nearly .. fell|nearly .. fall*|nearly .. went down|nearly hit",
		"could have killed",
		"railing*|rail|rails|balcony ~ move|moves|moving|wobbl*|rust*|rusted",
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
		"black spot*",
		"spotty",
		"musty",
		"wet to the touch",
		"peeling ~ wall*|wallpaper|paint",
		"inhaler*|asthma*|chest|breathing ~ damp|mould*|black|spot*|patch*",
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
		"goodbye letter*",
		"goodbye note*",
		"say goodbye",
		"saying goodbye",
		"end it all",
		"ending it",
		"not be here|won t be here|wont be here",
		"no reason to live",
		"want to die",
		"wanna die",
		"drug*|packages|dealing ~ kid*|child*|children|year old|boy*|girl*|young*",
		"haven t seen|havent seen|not seen|not heard ~ days|week*|weeks",
		"post ~ piling|sticking out|letterbox",
		"curtains ~ not moved|haven t moved|closed",
		"screaming|crying ~ child*|kid*|baby|all night",
		"bruise*|bruising",
		"scared of him|scared of her|afraid of him",
		"not safe",
		"given away ~ things|belongings|stuff|everything",
		"written letters|wrote letters|written a letter ~ kids|children|family|my",
		"won t be needing|wont be needing|will not be needing ~ flat|house|home|anything",
		"pushed|kicked|punched ~ stairs|brother|sister|child*|kid*|baby",
		"slept in|sleeping in|sleep in ~ shed|car|street|stairwell|park",
		"not to tell anyone|don t tell anyone|dont tell anyone",
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
	text = " ".join(_words(f"{subject or ''} . {body or ''}")) + " "
	for term in terms:
		if term.ignore and _may_match(term.phrase, text) and (pattern := _pattern(term.phrase)):
			text = pattern.sub(lambda m: "_ " * len(m.group(0).split()), text)
	for term in terms:
		if term.ignore or not _may_match(term.phrase, text):
			continue
		if (pattern := _pattern(term.phrase)) and (match := pattern.search(text)):
			return SafetyMatter(term.category, term.phrase, match.group(0).strip())
	return None


def _may_match(phrase: str, text: str) -> bool:
	"""A cheap first look: a term can match only where the first word of one of its alternatives
	appears. Most terms are ruled out by this substring test, without running their expression."""
	return any(word in text for word in _first_words(phrase))


@lru_cache(maxsize=4096)
def _first_words(phrase: str) -> tuple[str, ...]:
	first_side = phrase.lower().replace("\u2019", "'").split("~")[0]
	words = []
	for option in first_side.split("|"):
		literal = [
			w
			for token in option.split()
			if token != ".."
			for w in _NOT_WORD_STRICT.split(token.rstrip("*"))
			if w
		]
		words.append(literal[0] if literal else "")
	return tuple(words)


_TAG = re.compile(r"<[^>]+>")
_NOT_WORD_STRICT = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> list[str]:
	"""Lower-case words, with markup and punctuation gone: 'Can't' -> 'can t', 'GAS!!!' -> 'gas'."""
	text = unescape(_TAG.sub(" ", text)).lower().replace("\u2019", "'")
	return [word for word in _NOT_WORD_STRICT.split(text) if word]


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern | None:
	"""A term as a regular expression over space-joined words (see the module docstring); None for a
	term with no words."""
	sides = [_sequence(side) for side in phrase.lower().replace("\u2019", "'").split("~")]
	if not all(sides) or len(sides) > 2:
		return None
	if len(sides) == 1:
		return re.compile(sides[0])
	near = rf"(?:\S+ ){{0,{NEAR_WORDS}}}"
	first, second = sides
	return re.compile(f"(?:{first}{near}{second}|{second}{near}{first})")


def _sequence(side: str) -> str:
	"""One side of a term as a regular expression: its alternatives (``a|b c``), each a sequence of
	words with '..' gaps."""
	options = [option for option in map(_words_in_order, side.split("|")) if option]
	if not options:
		return ""
	return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def _words_in_order(option: str) -> str:
	parts = []
	for token in option.split():
		if token == "..":
			if parts:
				parts.append(rf"(?:\S+ ){{0,{GAP_WORDS}}}")
			continue
		words = [word for word in _NOT_WORD_STRICT.split(token.rstrip("*")) if word]
		pieces = [re.escape(word) + " " for word in words]
		if pieces and token.endswith("*"):
			pieces[-1] = pieces[-1][:-1] + r"\S* "
		parts.extend(pieces)
	while parts and parts[-1].startswith("(?:\\S+"):
		parts.pop()
	return "(?<!\\S)" + "".join(parts) if parts else ""
