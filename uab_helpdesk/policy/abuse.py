"""What the policy names as unacceptable in correspondence, found by kind (policy 2.2, 3.1, 5.2, 6.3.1, 6.3.3).

A profanity model answers "is there a rude word?", which is the wrong question twice over: swearing at a
broken boiler is not abuse of staff (3.1: anger and frustration are not unacceptable), and the worst
messages — "I know where she parks", "shame if something happened to his van" — have no rude word at all.
This module looks for what the policy itself names, each as a kind with the words that showed it:

- a threat of violence, explicit ("I'll batter him") or veiled (knowing where someone lives, waiting
  outside, "you'll regret it"): 6.3.1 has violence threatened reported to the police;
- harassment or intimidation of a member of staff (their home, their family, their accounts online,
  contact meant to wear them down);
- a sexual remark about a member of staff;
- a slur about a protected characteristic (Equality Act 2010), written out, starred or misspelt;
- abuse aimed at a member of staff: an insult or a swear word at a person, not at a situation.

It is a signal for staff and their managers, never a decision: it blocks, holds and decides nothing.
What it misses, and how it was measured on text it was never tuned on, is in docs/language.md.
"""

import re
from dataclasses import dataclass
from html import unescape

THREAT = "Threat of violence"
HARASSMENT = "Harassment or intimidation"
SEXUAL = "Sexual remark"
SLUR = "Slur"
ABUSE = "Abuse of staff"
KINDS = (THREAT, HARASSMENT, SEXUAL, SLUR, ABUSE)
# What `policy.abuse_model` flags when none of the kinds' terms did: abusive, no kind named.
UNNAMED = "Abusive language"


@dataclass(frozen=True)
class Finding:
	kind: str
	words: str  # what the customer wrote that showed it, as written (normalised spaces)


# People the message can be aimed at: staff by pronoun or by role, never a thing.
_PERSON = (
	r"(?:him|her|you|u|ya|ye|yous|youse|them|em|yer man|"
	r"(?:your|ur|yer|the|that|this|dat|yon) (?:\w+ )?(?:man|woman|lass|lassie|fella|feller|fellow|guy|bloke|"
	r"geezer|gadgie|girl|officer|worker|staff|plumber|surveyor|contractor|manager|engineer|inspector))"
)
_I_WILL = (
	r"(?:i(?:'| wi)?ll|i will|i wil|ah'?ll|a'll|am gonna|i'?m gonna|im gonna|i am going to|i'?m going to|"
	r"imma|i'?ma|gonna|going to|i'?d|i would|we'?ll|we will|we'?re gonna|the lads will|he'?ll get|she'?ll get)"
)
_VIOLENCE = (
	r"(?:kill|murder|stab|batter|smash|hit|punch|kick|knock|deck|lamp|leather|glass|slap|strangle|"
	r"shoot|bury|hurt|do in|sort out|burn|throw|chuck|put|drag|twat|chin|nut|headbutt|boot|floor|lay out|"
	r"break|snap|cut|bash|beat|belt|clobber|wallop|thump|skelp|brain|end|finish|gie .{0,6}doin|lick|bang|merk|"
	r"shank|dash|rearrange|find|come for|get)"
)
_TERMS: dict[str, tuple[str, ...]] = {
	THREAT: (
		# Explicit: I (will) + violence + a person; the violence said of a thing is not a threat.
		rf"\b{_I_WILL} (?:\w+ ){{0,2}}{_VIOLENCE}\w* (?:\w+ ){{0,1}}{_PERSON}\b",
		rf"\b{_I_WILL} (?:\w+ ){{0,2}}(?:smash|kick|punch|cave|batter) (?:his|her|your|ur|yer) (?:face|head|teeth)",
		r"\b(?:he|she|you|u|ur|you'?re|your)\b.{0,30}\b(?:dead man|dead woman|gonna get (?:it|stabbed|hurt|"
		r"battered|done|slapped|a kicking|what'?s coming)|getting it across|(?:get|gets|getting) (?:a |his |her )?"
		r"(?:right )?(?:hidin|hiding|doin|doing|kicking|kickin|battering|slap|smack))",
		r"\b(?:dead man|dead woman|get a (?:right )?(?:hidin|hiding|doin|doing|kicking|battering))\b",
		r"\b(?:baseball bat|machete|knife|blade|hammer|crowbar)\b.{0,80}\b(?:him|her|you|head|next (?:one|person|"
		r"contractor|officer))\b",
		r"\bburn (?:his|her|your|ur|yer) (?:van|car|house|home|office)",
		r"\b(?:smash|wreck|trash|torch) (?:the place|your office|ur office|the office|yer office)(?: up)?\b",
		r"\b(?:stab vest|sore face|rearrange (?:it|his face|her face|your face|ur face))\b",
		r"\b(?:friends|lads|mates|cousins|brothers|boys)\b.{0,60}\binterested in meetin",
		r"\bthrow (?:him|her|you|u) (?:down|out|through|off)",
		r"\bput (?:him|her|you|u) through (?:the|a|that) (?:window|wall|door)",
		# Veiled: knowing where someone lives or goes, their car, their children.
		r"\b(?:i|we|they|he|my \w+|me \w+|the lads|our kid|folk|people|everyone)\b.{0,20}\b(?:know|knows|no|knaa|"
		r"ken|found out|seen|saw)\b.{0,12}\b(?:where|which|wat|what|whit|the road|the street)\b"
		r"(?! (?:i|we|me|my|our|us)\b).{0,30}\b(?:lives?|"
		r"live|parks?|drives?|car|bus|kids|bairns|children|school|road|street|house|home|gets home)",
		r"\b(?:know|knows|knaa|seen) (?:his|her|your|ur) (?:address|car|van|kids|bairns|children|missus|wife|"
		r"husband|street|road|house|school)",
		r"\b(?:i'?ll|i will|i|we'?ll|we will|they'?ll|they will) (?:be )?(?:waiting|wait)\b.{0,40}\b(?:for (?:him|"
		r"her|you|u)|outside|after work|when (?:he|she) (?:leaves|finishes))",
		r"\b(?:watch|mind) (?:yourself|your back|his back|her back)\b",
		r"\b(?:look|looking|lookin|keep looking|keeps lookin) over (?:his|her|your|ur) shoulder",
		r"\b(?:shame|pity|be a shame|terrible) if (?:something|anything|anythin|owt|summat|sumthin)\b",
		r"\b(?:shame|pity) if (?:they|he|she|it) (?:had to see|took a wrong|got)",
		r"\baccidents? (?:happen|can happen|do happen)",
		r"\b(?:check|look) under (?:his|her|your|ur) (?:car|van)",
		r"\b(?:long memor(?:y|ies)|don'?t forget (?:a face|who)|never forget (?:a face|who))",
		r"\b(?:you'?ll|he'?ll|she'?ll|u'?ll|gonna|will|going to) (?:live to )?regret\b",
		r"\bcareful (?:walking|going|when|on (?:his|her|your) way|where (?:he|she|you))",
		r"\b(?:my|me) (?:brothers|cousins|lads|mates|boys|sons|family|friends|pals|uncles)\b.{0,50}\b(?:not happy|"
		r"interested|asking after|askin after|know|looking for|lookin for|coming for|sort|visit|deal with|"
		r"meet|meetin|meeting|cannot control|can'?t control)",
		r"\b(?:i|we) (?:cannot|can'?t|cant|won'?t be able to) (?:control|be responsible for|stop) (?:them|my|what)",
		r"\bwouldn'?t be (?:in a rush|coming|going)\b.{0,30}\bif i (?:were|was) (?:him|her|you)",
		r"\b(?:what'?s|whats|wots) coming (?:to|for) (?:him|her|you)",
		r"\b(?:this is|consider this) (?:my|your|a|the) (?:last |final )?warning (?:for|to) (?:her|him|you)",
		r"\b(?:wise|best|better) (?:no tae|not to|to stay away|stay away|keep away)\b.{0,30}\b(?:come|round|"
		r"here|scheme|estate)",
		r"\b(?:talk|chat|word) (?:he|she|you) (?:will not|won'?t|will no) like",
	),
	HARASSMENT: (
		r"\b(?:post|put|share|plaster|publish|upload|send)\b.{0,40}\b(?:name|photo|picture|pic|face|number|"
		r"address|details)\b.{0,50}\b(?:online|facebook|fb|group|whatsapp|tiktok|insta|instagram|twitter|x|"
		r"everywhere|social media|estate|sign)",
		r"\b(?:made|making|post|posted) (?:a )?(?:tiktok|video|post|page)\b.{0,40}\b(?:about|of) (?:that|your|ur|"
		r"the) ",
		r"\b(?:find out|found out|got|have|know|give me|tell me|what area)\b.{0,25}\b(?:where (?:he|she) lives|"
		r"(?:his|her|\w+'s) (?:home address|address|personal (?:mobile|number|phone)|mobile number|home))",
		r"\bhome address of\b",
		r"\b(?:what time|when) does \w+ (?:finish|leave|get off|clock off)",
		r"\b(?:follow|followed|following|been watching|watchin|watching) (?:him|her|\w+ (?:arrive|leave))",
		r"\b(?:i|we)(?:'ve| have)? (?:been )?(?:watching|watchin) (?:that|your|ur|him|her)",
		r"\b(?:keep|gonna keep|will keep|going to keep|i'?ll keep|continue)\b.{0,10}\b(?:ringing|ringin|"
		r"calling|emailing|messaging|messagin|texting)\b.{0,60}\b(?:every (?:day|hour|night)|day and night|"
		r"sacked|sick of)",
		r"\bevery (?:single )?(?:day|hour|morning)\b.{0,50}\b(?:until|till|til|she'?s gone|he'?s gone|sacked)",
		r"\b(?:her|his|\w+'s) (?:husband|wife|missus|kids|children|sister|brother|family|bf|boyfriend|"
		r"girlfriend|partner)(?:'s)? (?:name|number|insta|facebook|fb)",
		r"\b(?:insta|instagram|facebook|fb|snap|snapchat|linkedin|tiktok)\b.{0,30}\b(?:her|his|him)\b",
		r"\b(?:got|have|found) (?:ur|your|her|his) (?:insta|snap|facebook|fb|number|address)",
		r"\b(?:personal mobile|private number|home number)\b",
		r"\b(?:knock|knocking|turn up|turning up|visits?)\b.{0,25}\b(?:his|her|\w+'s) (?:door|house|home)",
		r"\b(?:expect|expecting) (?:a few |some )?visits from",
		r"\b(?:screenshots|documenting everything|dossier)\b.{0,40}\b(?:her|him|his)\b",
		r"\buntil (?:she|he) is sacked|until (?:she|he)'?s sacked|till (?:she|he)'?s sacked",
	),
	SEXUAL: (
		r"\b(?:tits|titties|boobs|big chest|nice chest|norks|arse|ass|bum|booty|legs|body|figure|bra)\b.{0,40}"
		r"\b(?:her|him|she|he|lovely|nice|cracking|great|fit|sexy)\b",
		r"\b(?:lovely|nice|cracking|great|fit|sexy|big) (?:tits|boobs|chest|arse|ass|bum|legs|body|figure)\b",
		r"\b(?:sexy|horny|filthy in bed|dirty in bed|in (?:my|her|his) bed|take her in my bed|good time|"
		r"sit on my face|bend over|out of (?:that|her|his|them) (?:uniform|clothes)|no bra|without a bra|"
		r"not (?:to )?bother with a bra|belter of a body)",
		r"\b(?:well|proper|dead|so|very|pure|really) fit\b",
		r"\b(?:tight|little|short) (?:skirt|shorts|trousers|top|jeans|dress)\b",
		r"\b(?:my|the) bedroom any time\b",
		r"\b(?:pay|clear)\b.{0,30}\b(?:in other ways|with (?:her|his|my) body)",
		r"\bbedroom door open\b|\bcheck (?:me|my) pipes\b|\bhot bath\b.{0,40}\bfor (?:her|him)\b",
		r"\b(?:come|comes) alone to my (?:flat|house|home)\b",
		r"\bgive (?:her|him) (?:a )?(?:good time|sumthin|something) to\b",
	),
	ABUSE: (
		r"\b(?:f+u+c*k+|f\*+k?|fk|fck|fcuk|feck|fuk|phuck|f) (?:off|you|u|ya|yourself|urself)\b",
		r"\b(?:go|away and|away an|get tae|get to) (?:and )?(?:f+u+c*k+|f\*+k?|fk|fck|fcuk|feck|fuk|phuck|"
		r"shite|boil (?:your|yer|his|her) (?:head|heed)|bile yer heid)",
		r"\bgo (?:f\*+|fuck|fk|feck|fuk) (?:yourself|urself|yersel)",
		r"\b(?:piss|sod|bugger) off\b|\bdo one\b|\bjog on\b|\bstfu\b|\bget tae f",
		r"\b(?:shut|shut up) (?:up|your|ur|her|his|yer) ?(?:mouth|face|gob|geggy|trap|cakehole)?",
		r"\b(?:you|u|ya|ye|yer|you'?re|youre|ur|you are|you'm|you is) (?:a |an |the |such a |an absolute |a total "
		r"|a complete |a right |a proper |absolute |total |complete |stupid |very )*(?:\w+ ){0,3}(?:{insults})\b",
		r"\b(?:is|'s|was|be|are|am) (?:a |an |the |such a |a bunch of |bunch of )?(?:right |proper |total |"
		r"absolute |complete |useless |lazy |stupid |lying |fat |dozy |clueless |gormless |little |nasty |daft |"
		r"two-faced |thick |ignorant |bloody |rude )*(?:\w+ ){0,2}(?:{insults})s?\b",
		r"\b(?:brain dead|thickest person|waste of (?:space|oxygen)|son of a (?:whore|bitch|b\*+h)|i spit on|"
		r"pathetic excuse for a|excuse for a human|shit-for-brains|shit for brains)",
		r"\b(?:you are|you'?re|ur|u r|you is|you'm) (?:so |really |very |absolutely |just )?(?:thick|stupid|"
		r"brainless|worthless|retarded|a waste)\b",
		r"\b(?:you lot|yous|youse|yow lot|ur all|you'?re all|you are all|you all)\b.{0,25}\b(?:{insults})s?\b",
		r"\b(?:dear|oi|oy) (?:{insults})\b",
		r"\b(?:that|dat|yon|your|ur) (?:\w+ )?(?:{insults})s?\b(?! of a)",
		r"\blittle shit\b",
	),
}
_INSULTS = (
	r"idiot|moron|cow|bitch|b\*+ch|b\*+h|twat|tw\*t|prick|p\*+k|dickhead|knobhead|bellend|wanker|w\*+r|tosser|"
	r"cunt|c\*+nt|c\*+t|slag|slut|whore|bastard|scumbag|scum|muppet|pillock|wazzock|gobshite|eejit|fanny|bawbag|"
	r"divvy|melt|melter|shitbag|sh\*tbag|trollop|mare|pig|donkey|liar|slob|nobody|imbecile|cretin|"
	r"plonker|arsehole|asshole|a\*+hole|dick|d\*+k|knob|jobsworth|clown|snake|parasite|twpsyn|c\*+|"
	r"tw\*+|fud|git|wasteman|tosspot|cockwomble|weasel"
)
_SLURS = (
	"paki",
	"pakis",
	"nigger",
	"nigga",
	"negro",
	"coon",
	"wog",
	"chink",
	"gook",
	"gyppo",
	"gippo",
	"pikey",
	"polack",
	"polak",
	"muzzie",
	"raghead",
	"towelhead",
	"kike",
	"yid",
	"fenian",
	"taig",
	"retard",
	"retarded",
	"spaz",
	"spastic",
	"spacca",
	"mong",
	"mongoloid",
	"poof",
	"poofter",
	"faggot",
	"fag",
	"dyke",
	"tranny",
	"shemale",
	"coffin-dodger",
	"coffin dodger",
	"half-caste",
	"darkie",
	"sambo",
	"bender",
	"batty man",
)
_SLUR_PHRASES = (
	r"\btea towel on (?:her|his) head",
	r"\b(?:send|want|get) (?:me )?(?:someone|somebody|a|one) (?:english|white|british|normal|of our own|proper "
	r"english)\b",
	r"\bsend (?:a )?(?:white|english|british) (?:guy|man|woman|person|one)",
	r"\bone of our own\b|\bkicks wi the right fit\b|\bbloke in a dress\b|\bgo back to (?:your|ur|yer) (?:own )?"
	r"country\b|\bhis type\b|\bher type\b|\bspecial school\b|\bin a home\b.{0,30}\bsenile\b",
	r"\bback in the kitchen\b|\blet (?:women|a woman|girls) run\b",
)


def _obscured(word: str) -> str:
	"""A word as tenants star or misspell it: any letter after the first may be a star ("n****r", "c**n")."""
	return word[0] + "".join(rf"(?:{re.escape(letter)}|\*)" for letter in word[1:])


_COMPILED: dict[str, re.Pattern] = {
	kind: re.compile("|".join(f"(?:{term.replace('{insults}', _INSULTS)})" for term in terms), re.IGNORECASE)
	for kind, terms in _TERMS.items()
}
_COMPILED[SLUR] = re.compile(
	"|".join(
		[rf"(?<![a-z]){_obscured(slur)}(?![a-z])" for slur in _SLURS]
		+ [f"(?:{phrase})" for phrase in _SLUR_PHRASES]
	),
	re.IGNORECASE,
)
# Letters tenants swap for symbols inside a word ("b!tch", "f@ggot", "sh1t", "a$$hole").
_SYMBOLS = {"@": "a", "!": "i", "1": "i", "3": "e", "0": "o", "$": "s", "4": "a"}
_IN_WORD_SYMBOL = re.compile(r"(?<=[a-z*])[@!1304$]+(?=[a-z*])|(?<=[a-z])[$]+", re.IGNORECASE)


# What someone else said, reported by the customer ("he shouted 'go home you ...' at my husband"): the
# customer is telling us of abuse, not abusing us.
_REPORTED = re.compile(
	r"\b(?:shouted|shouting|said|says|saying|called|calling|wrote|written|yelled|screamed|sprayed|spray-painted|"
	r"painted|told (?:me|us|him|her))\b[^'\"]{0,25}(['\"]).+?\1",
	re.IGNORECASE,
)


def normalise(text: str) -> str:
	"""Lower case, one space, curly quotes straight, symbols inside words read as the letters they stand for."""
	text = unescape(text or "").replace("\u2019", "'").replace("\u2018", "'")
	text = text.replace("\u201c", '"').replace("\u201d", '"')
	text = _REPORTED.sub(" ", text)
	text = _IN_WORD_SYMBOL.sub(lambda match: "".join(_SYMBOLS.get(c, c) for c in match.group(0)), text)
	return " ".join(text.lower().split())


def _first(kind: str, words: str) -> str | None:
	for match in _COMPILED[kind].finditer(words):
		# A starred word is a slur only where enough of it is written: "f***ing" is a swear word.
		if kind != SLUR or sum(letter.isalpha() for letter in match.group(0)) >= 2:
			return match.group(0).strip()
	return None


def find_abuse(text: str) -> tuple[Finding, ...]:
	"""Every kind the message shows, once each, with the first words that showed it."""
	words = normalise(text)
	return tuple(Finding(kind, found) for kind in KINDS if (found := _first(kind, words)))
