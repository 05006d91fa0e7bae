from uab_helpdesk.setup.install import make_default_safety_terms


def execute():
	"""Sites installed before health and safety was read from the message get the shipped terms."""
	make_default_safety_terms()
