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
after_install = "uab_helpdesk.setup.install.after_install"
after_migrate = "uab_helpdesk.setup.install.after_migrate"
before_uninstall = "uab_helpdesk.setup.install.before_uninstall"

# Fixtures: only our own roles, never a bare doctype
fixtures = [
	{"dt": "Role", "filters": [["role_name", "like", "UAB %"]]},
]

# Testing
# -------
before_tests = "uab_helpdesk.tests.utils.before_tests"
