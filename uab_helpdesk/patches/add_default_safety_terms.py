from uab_helpdesk.setup.defaults import make_default_settings


def execute():
	"""Sites installed before health and safety was read from the message get the shipped terms."""
	make_default_settings()
