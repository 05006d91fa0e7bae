app_name = "uab_helpdesk"
app_title = "UAB Helpdesk"
app_publisher = "UAB Helpdesk Developers"
app_description = "Unacceptable Customer Behaviour policy for Frappe Helpdesk"
app_email = "dev@uab-helpdesk.invalid"
app_license = "mit"

# Apps
# ------------------
# One line, org/repo form: bench's resolver reads it with a regex, and frappe's installer
# does not ask GitHub for an org/repo name (a bare "helpdesk" would be looked up).
required_apps = ["frappe/helpdesk"]

export_python_type_annotations = True
require_type_annotated_api_methods = True

# Installation
# ------------
before_install = "uab_helpdesk.setup.install.before_install"
after_install = "uab_helpdesk.setup.install.after_install"
after_migrate = "uab_helpdesk.setup.install.after_migrate"
before_uninstall = "uab_helpdesk.setup.install.before_uninstall"

# Fixtures: only our own roles, never a bare doctype
fixtures = [
	{"dt": "Role", "filters": [["role_name", "like", "UAB %"]]},
]

# The banner agents see in Desk (the agent UI gets an HD Form Script, see setup/ui.py)
doctype_js = {
	"HD Ticket": ["public/js/uab_banner.js", "public/js/hd_ticket.js", "public/js/correspondence.js"],
	"Contact": ["public/js/uab_banner.js", "public/js/contact.js"],
	"HD Customer": ["public/js/uab_banner.js", "public/js/hd_customer.js"],
	# The records that have a letter: print it, or send it, from the form.
	"UAB Warning": ["public/js/send_letter.js", "public/js/customer_statement.js"],
	"UAB Incident": ["public/js/send_letter.js", "public/js/customer_statement.js"],
	"Communication": "public/js/correspondence.js",
	"UAB Communication Protocol": "public/js/send_letter.js",
	"UAB Appeal": "public/js/send_letter.js",
	"UAB Protocol Review": "public/js/send_letter.js",
	"UAB Welfare Follow-up": "public/js/staff_support.js",
	"UAB Staff Safety Marker": "public/js/staff_support.js",
	"UAB Reply Draft": "public/js/reply_draft.js",
}

# Need to know: an agent reads their own incidents and warnings, and those of tickets assigned to them
# (and, issue 20, the replies waiting for approval and the contact attempts of their tickets, their own)
permission_query_conditions = {
	"UAB Incident": "uab_helpdesk.permissions.incident_query",
	"UAB Warning": "uab_helpdesk.permissions.warning_query",
	"UAB Reply Draft": "uab_helpdesk.permissions.reply_draft_query",
	"UAB Contact Attempt": "uab_helpdesk.permissions.contact_attempt_query",
}
has_permission = {
	"UAB Incident": "uab_helpdesk.permissions.incident_permission",
	"UAB Warning": "uab_helpdesk.permissions.warning_permission",
	"UAB Reply Draft": "uab_helpdesk.permissions.reply_draft_permission",
	"UAB Contact Attempt": "uab_helpdesk.permissions.contact_attempt_permission",
}

# Enforcement on every path a message can take (SPEC §5; INTEGRATION §2)
# ------------------------------------------------------------------------
doc_events = {
	"Communication": {
		"validate": "uab_helpdesk.events.communication.validate",
		# A letter is queued to post; the language signal is read in a job once the message is committed.
		"after_insert": [
			"uab_helpdesk.events.communication.after_insert",
			"uab_helpdesk.language.queue_reading",
		],
	},
	"Email Queue": {
		"before_insert": "uab_helpdesk.events.email_queue.before_insert",
	},
	"HD Ticket": {
		"validate": "uab_helpdesk.events.hd_ticket.validate",
		"after_insert": "uab_helpdesk.events.hd_ticket.after_insert",
		"on_trash": "uab_helpdesk.events.hd_ticket.on_trash",
	},
	"TP Call Log": {
		"validate": "uab_helpdesk.events.tp_call_log.validate",
	},
	"UAB Communication Protocol": {
		"on_submit": "uab_helpdesk.protection.clear_protected_index",
		"on_cancel": "uab_helpdesk.protection.clear_protected_index",
		"on_update_after_submit": "uab_helpdesk.protection.clear_protected_index",
	},
	"Contact": {
		"on_update": "uab_helpdesk.events.contact.on_update",
	},
	# Helpdesk v1.28: who manages a customer decides who reads its members' tickets.
	"HD Customer": {
		"on_update": "uab_helpdesk.protection.clear_protected_index",
	},
}

override_whitelisted_methods = {
	"telephony.exotel.handler.make_a_call": "uab_helpdesk.overrides.telephony.make_a_call",
	"telephony.twilio.api.voice": "uab_helpdesk.overrides.telephony.voice",
	"helpdesk.helpdesk.doctype.hd_ticket.api.merge_ticket": "uab_helpdesk.overrides.helpdesk.merge_ticket",
	"helpdesk.helpdesk.doctype.hd_ticket.api.split_ticket": "uab_helpdesk.overrides.helpdesk.split_ticket",
	"helpdesk.api.ticket.bulk_reply": "uab_helpdesk.overrides.helpdesk.bulk_reply",
	"frappe.core.doctype.sms_settings.sms_settings.send_sms": "uab_helpdesk.overrides.sms.send_sms",
}

# Notifications on the SMS channel are automatic contact: restricted numbers are withheld (overrides/sms.py).
# The one class override: Frappe has no hook before a Notification sends a text.
override_doctype_class = {
	"Notification": "uab_helpdesk.overrides.sms.UABNotification",
	# Wraps Helpdesk's own class: a raw 8-bit message must not stop the inbox (overrides/raw_mail.py).
	"Email Account": "uab_helpdesk.overrides.email_account.UABEmailAccount",
}

scheduler_events = {
	# A message whose reader job died is still read (language.read_waiting).
	"all": ["uab_helpdesk.language.read_waiting"],
	# A held message unread past its deadline goes to the officers' managers (screening.py).
	"hourly": ["uab_helpdesk.screening.escalate_overdue_screening", "uab_helpdesk.hazards.watch_clocks"],
	"daily": [
		"uab_helpdesk.tasks.activate_protocols_due",
		"uab_helpdesk.tasks.close_quiet_cases",
		"uab_helpdesk.tasks.review_protocols",
		"uab_helpdesk.retention.anonymise_closed_cases",
	],
}

# A refusal's audit record is kept even by a request that neither commits nor rolls back (attempts.py)
after_request = ["uab_helpdesk.attempts.flush_pending"]

# Letters: print formats call uab_letter(doc) for their context (built in policy.letters)
jinja = {"methods": ["uab_helpdesk.letters.uab_letter"]}

# Testing
# -------
before_tests = "uab_helpdesk.tests.utils.before_tests"
