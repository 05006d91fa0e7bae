"""The language signal's rules (policy 6.3.3, 6.5.3): what a score means, never a decision."""

from uab_helpdesk.policy.language import message_score, own_words, sentences, signal


def test_only_the_customers_own_words_are_read_6_3_3():
	content = "<p>Please fix the boiler.</p><blockquote>Our letter to you: we will not respond.</blockquote>"
	assert own_words("Re: Boiler", content) == "Boiler Please fix the boiler."


def test_one_abusive_line_in_a_long_letter_is_still_seen_6_3_3():
	text = "I have waited six weeks. The boiler is broken. You are all useless pricks."
	assert sentences(text) == [
		"I have waited six weeks.",
		"The boiler is broken.",
		"You are all useless pricks.",
	]
	assert message_score([0.1, 0.05, 0.97], text) == 0.97


def test_a_starred_out_swear_word_counts_6_3_3():
	assert message_score([0.2], "You f***ing clowns") == 0.95
	assert message_score([0.2], "Rated 5* service, thank you") == 0.2


def test_the_landlords_threshold_decides_what_is_flagged_and_nothing_else_6_3_3():
	assert signal(0.81, 0.8).flagged and not signal(0.8, 0.8).flagged
	assert signal(1.7).score == 1.0 and signal(-1).score == 0.0
	assert not signal(0.88).flagged, "the shipped threshold: 'This is a disgrace.' scores 0.88 (3.1)"


def test_a_snippet_is_the_first_words_as_a_browser_shows_them_6_3_3():
	from uab_helpdesk.policy.language import snippet

	assert snippet("<p>You are&nbsp;a <b>useless</b></p><p>idiot and I hope you rot away now</p>") == (
		"You are a useless idiot and I hope"
	)
	assert snippet(None) == ""
