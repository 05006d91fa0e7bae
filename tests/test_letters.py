"""Every letter renders from its policy context with plain jinja2 and says what it must (SPEC §7;
policy 6.5.1–6.5.6; Housing Ombudsman guidance on written notice of restrictions)."""

from datetime import date
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from uab_helpdesk.policy import letters
from uab_helpdesk.policy.values import Channel

REPO = Path(__file__).resolve().parents[1]
FORMATS = REPO / "uab_helpdesk" / "uab_helpdesk" / "print_format"
HOSTILE = "<img src=x onerror=alert(1)>"


def render(print_format: str, letter: letters.Letter) -> str:
	env = Environment(loader=FileSystemLoader(str(REPO)), undefined=StrictUndefined, autoescape=False)
	env.globals.update(_=lambda text: text, uab_letter=lambda doc: letter)
	template = env.get_template(f"uab_helpdesk/uab_helpdesk/print_format/{print_format}/{print_format}.html")
	return template.render(doc={"name": letter.reference})


def recipient(**overrides) -> letters.Recipient:
	return letters.Recipient(
		**{"name": "J. Doe", "address_lines": ("1 High Street", "Leeds LS1 1AA"), **overrides}
	)


INCIDENTS = [letters.Incident(date(2026, 9, 2), "Abusive – verbal")]
STAFF_NOTE = "Called the officer useless and swore at her."  # staff's incident note: internal


def protocol(**overrides) -> letters.Letter:
	values = dict(
		reference="UAB-CP-2026-0004",
		start=date(2026, 11, 3),
		review_due=date(2027, 5, 3),
		recipient=recipient(),
		reasons="Abuse of two officers over three months, after a formal warning.",
		allowed_channels=[Channel.LETTER, Channel.EMAIL],
		restrictions=["Telephone calls only on Tuesdays 10:00–12:00."],
		single_point_of_contact="A. Officer",
		authorised_by="H. Head",
		policy_url="https://housing.example/ucb",
	)
	values.update(overrides)
	return letters.protocol_letter(**values)


def test_every_print_format_has_a_test():
	assert {path.name for path in FORMATS.iterdir()} == {
		"uab_warning_letter",
		"uab_protocol_letter",
		"uab_appeal_outcome_letter",
		"uab_review_outcome_letter",
		"uab_correspondence_letter",
		"uab_reply_letter",
	}


def test_a_reply_sent_as_a_letter_is_the_officers_words_on_the_letterhead_6_4_2():
	letter = letters.reply_letter(
		"812", date(2026, 12, 1), recipient(), "A. Officer", "<p>The lift is fixed.</p>"
	)
	html = render("uab_reply_letter", letter)
	assert "<p>The lift is fixed.</p>" in html
	assert "Dear J. Doe," in html and "1 High Street" in html
	assert "Our reference: 812" in html and "A. Officer" in html
	assert "letter-head" not in html, "no Letter Head set: none printed"
	env = Environment(loader=FileSystemLoader(str(REPO)), undefined=StrictUndefined, autoescape=False)
	env.globals.update(_=lambda text: text, uab_letter=lambda doc: letter)
	template = env.get_template(
		"uab_helpdesk/uab_helpdesk/print_format/uab_reply_letter/uab_reply_letter.html"
	)
	headed = template.render(doc={}, letter_head="<b>Northfield Homes</b>", no_letterhead=0)
	assert '<div class="letter-head"><b>Northfield Homes</b></div>' in headed


def test_the_correspondence_letter_says_what_6_3_3_says_and_quotes_nothing():
	letter = letters.correspondence_letter(
		"UAB-INC-2026-00042", date(2026, 12, 1), date(2026, 11, 28), recipient(), "A. Officer"
	)
	html = render("uab_correspondence_letter", letter)
	assert "your message of 28 November 2026" in html
	assert "offensive, unnecessary and unhelpful" in html
	assert "we ask you to stop" in html
	assert "we will not respond to correspondence written in this way" in html
	assert "Health and safety matters will always be dealt with" in html
	assert "A. Officer" in html


def test_initial_warning_names_the_behaviour_6_5_1():
	html = render(
		"uab_warning_letter",
		letters.warning_letter(
			"UAB-WRN-1",
			"Initial",
			date(2026, 9, 3),
			recipient(),
			INCIDENTS,
			"A. Officer",
			reason="You swore at our officer on the telephone on 2 September.",
		),
	)
	assert "was not acceptable under our Unacceptable Customer Behaviour policy" in html
	assert "2 September 2026 — Abusive – verbal" in html
	assert "You swore at our officer on the telephone on 2 September." in html
	assert "formal written warning" not in html


def test_a_warning_letter_quotes_only_what_was_written_for_the_customer_6_5_1():
	"""Staff's incident descriptions are internal notes: the letter has no way to carry them."""
	assert "description" not in {f.name for f in letters.Incident.__dataclass_fields__.values()}
	html = render(
		"uab_warning_letter",
		letters.warning_letter("UAB-WRN-1", "Initial", date(2026, 9, 3), recipient(), INCIDENTS, "A. O."),
	)
	assert STAFF_NOTE not in html


def test_formal_warning_is_written_and_says_what_happens_next_6_5_2():
	html = render(
		"uab_warning_letter",
		letters.warning_letter(
			"UAB-WRN-2", "Formal", date(2026, 10, 3), recipient(), INCIDENTS, "M. Manager"
		),
	)
	assert "This is a formal written warning" in html
	assert "we will reassess the way we communicate with you" in html


def test_protocol_letter_says_why_what_how_long_review_appeal_and_ombudsman_6_5_4():
	html = render("uab_protocol_letter", protocol())
	for required in (
		"Abuse of two officers over three months",  # why
		"From 3 November 2026, you can contact us by: Letter, Email.",  # what
		"A. Officer will deal with your contact with us.",
		"Telephone calls only on Tuesdays 10:00–12:00.",
		"We will review this protocol by 3 May 2027",  # how long / review (6.5.6)
		"one further assessment by a Director who was not involved",  # appeal (6.5.5)
		"by 1 December 2026, quoting reference UAB-CP-2026-0004",
		"Housing Ombudsman",
		"health and safety matters and emergencies",  # one form of contact always remains (6.4.4)
		"https://housing.example/ucb",
	):
		assert required in html, required


def test_appeal_outcome_gives_the_decision_and_reasons_6_5_5():
	html = render(
		"uab_appeal_outcome_letter",
		letters.appeal_outcome_letter(
			"UAB-APL-1",
			date(2026, 12, 1),
			recipient(),
			"Overturned",
			"Disproportionate.",
			"D. Director",
			"UAB-CP-2026-0004",
		),
	)
	assert "The communication protocol has ended." in html and "Disproportionate." in html
	assert "not involved in the original decision" in html and "Housing Ombudsman" in html


@pytest.mark.parametrize(
	"decision, said", [("Continue", "continues"), ("Vary", "changing"), ("End", "has ended")]
)
def test_review_outcome_gives_the_decision_6_5_6(decision, said):
	letter = letters.review_outcome_letter(
		"UAB-REV-1",
		date(2027, 5, 3),
		recipient(),
		decision,
		"Six quiet months.",
		"M. Manager",
		"UAB-CP-2026-0004",
		date(2027, 11, 3),
	)
	html = render("uab_review_outcome_letter", letter)
	assert said in html and "Six quiet months." in html
	assert ("by 3 November 2027" in html) == (decision == "Continue")


def test_a_review_letter_names_the_period_the_review_looked_at_6_5_6():
	"""Not 'the last six months' whatever the period was: the review's own dates."""
	letter = letters.review_outcome_letter(
		"UAB-REV-2",
		date(2027, 5, 3),
		recipient(),
		"End",
		"No abusive contact since the protocol began.",
		"M. Manager",
		"UAB-CP-2026-0004",
		None,
		period=(date(2026, 11, 3), date(2027, 4, 26)),
	)
	html = render("uab_review_outcome_letter", letter)
	assert "your behaviour from 3 November 2026 to 26 April 2027" in html
	assert "six months" not in html


def test_every_stored_value_is_escaped():
	html = render(
		"uab_protocol_letter",
		protocol(
			recipient=recipient(name=HOSTILE, advocate=HOSTILE),
			reasons=HOSTILE,
			single_point_of_contact=HOSTILE,
		),
	)
	assert "<img" not in html
	assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_large_print_and_easy_read_needs_are_honoured():
	large = render("uab_protocol_letter", protocol(recipient=recipient(communication_needs="Large print")))
	assert 'class="uab-letter uab-large-print"' in large
	easy = render("uab_protocol_letter", protocol(recipient=recipient(communication_needs="Easy read")))
	assert "We are changing how you can contact us." in easy
	assert "In short" not in render("uab_protocol_letter", protocol())


def test_formats_staff_must_arrange_are_flagged_and_advocates_get_a_copy():
	html = render(
		"uab_protocol_letter",
		protocol(
			recipient=recipient(communication_needs="Braille", advocate="M. Advocate (Citizens Advice)")
		),
	)
	assert "Arrange it before sending" in html and "Braille" in html
	assert "Copy to: M. Advocate (Citizens Advice)" in html


@pytest.mark.parametrize(
	("decision", "reasons", "refused"),
	[
		(None, None, "Record the decision"),
		("Continue", "  ", "Record the reasons"),
		("Upheld", "The threats continued after the protocol began.", None),
	],
)
def test_an_outcome_letter_waits_for_the_decision_and_its_reasons_6_5_5_6_5_6(decision, reasons, refused):
	why_not = letters.outcome_letter_not_ready(decision, reasons)
	if refused:
		assert refused in why_not.render()
	else:
		assert why_not is None


# The order of events (6.5.4–6.5.6): decide and authorise, then tell the customer in writing, once.
State = letters.LetterState


@pytest.mark.parametrize(
	"state",
	[
		State("warning", submitted=False),
		State("protocol", submitted=False, status="Draft"),
		State("appeal", submitted=False, decision="Upheld", reasons="Proportionate."),
		State("review", submitted=False, decision="Continue", reasons="One incident."),
	],
)
def test_no_letter_tells_the_customer_of_a_decision_not_yet_made_6_5_4_to_6_5_6(state):
	assert letters.letter_not_ready(state) is not None


def test_the_protocol_letter_goes_once_after_a_head_of_service_authorised_it_6_5_4():
	assert letters.letter_not_ready(State("protocol", submitted=True, status="Authorised")) is None
	already = letters.letter_not_ready(
		State("protocol", submitted=True, status="Active", sent_on=date(2026, 11, 3))
	)
	assert "already recorded sent on 3 November 2026" in already.render()
	ended = letters.letter_not_ready(State("protocol", submitted=True, status="Ended"))
	assert "goes once, after it is authorised" in ended.render()


def test_outcome_letters_go_after_the_decision_is_submitted_and_only_once_6_5_5_6_5_6():
	decided = State("appeal", submitted=True, decision="Upheld", reasons="Three incidents.")
	assert letters.letter_not_ready(decided) is None
	assert letters.letter_not_ready(
		State("review", submitted=True, decision="End", reasons="x", sent_on=date(2026, 12, 1))
	)
	assert letters.letter_not_ready(State("review", submitted=True, decision="End", reasons=" "))
	assert letters.letter_not_ready(State("warning", submitted=True)) is None


@pytest.mark.parametrize(
	"needs, requested, authorised, copied",
	[
		("Through an advocate", False, True, True),
		(None, True, True, True),
		(None, False, True, False),
		("Through an advocate", True, False, False),
	],
)
def test_letters_copy_the_third_party_where_the_needs_say_so_and_only_within_authority_6_3_2(
	needs, requested, authorised, copied
):
	assert letters.copies_third_party(needs, requested, authorised) is copied


def test_the_protocol_letter_names_the_third_party_route_and_when_the_authority_ends_6_4_1():
	from uab_helpdesk.policy.protocol import ProtocolRules

	rules = ProtocolRules(
		reference="UAB-CP-1",
		customer_name="J. Doe",
		allowed_channels=frozenset({Channel.LETTER, Channel.THIRD_PARTY}),
		third_party_contact="CONT-0009",
		third_party_name="M. Advocate",
		third_party_authority_from=date(2026, 6, 1),
		third_party_authority_until=date(2027, 5, 31),
	)
	said = [sentence.render() for sentence in letters.restrictions_of(rules)]
	assert said == [
		"You may also contact us through M. Advocate, who may act for you.",
		"M. Advocate may act for you until 31 May 2027; tell us if that should change.",
	]


def render_hazard_summary(summary) -> str:
	env = Environment(loader=FileSystemLoader(str(REPO)), undefined=StrictUndefined, autoescape=False)
	env.globals.update(_=lambda text: text)
	return env.get_template("uab_helpdesk/templates/includes/hazard_summary.html").render(summary=summary)


def test_the_awaabs_law_written_summary_says_what_was_reported_found_and_will_be_done_and_by_when():
	summary = letters.hazard_summary(
		"Damp and mould",
		date(2026, 12, 23),
		date(2027, 1, 6),
		f"Condensation mould from a failed extractor fan. {HOSTILE}",
		"Replace the fan and treat the walls.",
		date(2027, 1, 13),
	)
	html = render_hazard_summary(summary)
	for says in (
		"23 December 2026",
		"6 January 2027",
		"Damp and mould",
		"failed extractor fan",
		"Replace the fan and treat the walls.",
		"The work will begin by 13 January 2027.",
		"contact us straight away",
		"complaints policy",
		"Housing Ombudsman",
	):
		assert says in html
	assert HOSTILE not in html


def test_a_written_summary_without_findings_or_work_is_refused():
	for findings, work in (("", "Replace the fan."), ("Mould.", "  ")):
		with pytest.raises(ValueError):
			letters.hazard_summary(
				"Damp and mould", date(2026, 12, 23), date(2027, 1, 6), findings, work, None
			)
