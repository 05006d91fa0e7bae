"""Static checks of the Frappe app that need no Frappe: the files a bench will load are sound."""

import ast
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "uab_helpdesk"
MODULE_DIR = APP / "uab_helpdesk"
DOCTYPE_FILES = sorted(MODULE_DIR.glob("doctype/*/*.json"))
DOCTYPES = {json.loads(path.read_text())["name"]: json.loads(path.read_text()) for path in DOCTYPE_FILES}
CHANNELS = ["Email", "Letter", "Phone", "SMS", "In person", "Portal", "Third party"]
EXTERNAL_DOCTYPES = {
	"Contact",
	"User",
	"HD Customer",
	"HD Ticket",
	"HD Ticket Type",
	"HD Ticket Priority",
	"Communication",
	"Email Template",
	"Language",
}

# SPEC §4: public names that reports and API clients rely on.
PUBLIC_FIELDS = {
	"UAB Settings": [
		"review_period_months",
		"lookback_months",
		"review_reminder_days",
		"lapse_on_overdue_review",
		"enforcement_mode",
		"always_allowed_ticket_types",
		"held_message_auto_reply",
		"retention_years",
		"policy_url",
	],
	"UAB Incident": [
		"contact",
		"customer",
		"ticket",
		"occurred_on",
		"channel",
		"behaviour_type",
		"description",
		"outcome",
		"physical_violence",
		"police_reported",
		"police_reference",
		"call_ended_by_staff",
		"correspondence_not_answered",
		"staff_affected",
		"support_needs_noted",
	],
	"UAB Warning": ["contact", "level", "issued_on", "issued_by", "method", "complaint_stage", "incidents"],
	"UAB Assessment": [
		"contact",
		"formal_warning",
		"period_from",
		"period_to",
		"incident_count",
		"incidents",
		"contact_count",
		"contacts_per_week",
		"average_message_words",
		"tickets_opened",
		"language_notes",
		"needs_and_circumstances",
		"reasonable_adjustments",
		"other_support_considered",
		"proportionality",
		"outcome",
		"tenancy_type",
		"tenancy_action",
	],
	"UAB Communication Protocol": [
		"contact",
		"customer",
		"assessment",
		"immediate_action",
		"authorising_director",
		"status",
		"end_reason",
		"authorised_by",
		"start_date",
		"review_due_date",
		"allowed_channels",
		"contact_windows",
		"single_point_of_contact",
		"deputy_contact",
		"allowed_ticket_types",
		"health_and_safety_only",
		"health_and_safety_only_until",
		"issue_limit",
		"issue_limit_period",
		"visits_by_appointment_only",
		"third_party_contact",
		"third_party_only",
		"update_frequency",
		"support_considered",
		"reasonable_adjustments",
		"letter_sent_on",
		"letter_method",
		"cases_to_close",
	],
	"UAB Protocol Channel": ["channel"],
	"UAB Protocol Window": ["channel", "weekday", "from_time", "to_time"],
	"UAB Appeal": [
		"protocol",
		"contact",
		"received_on",
		"received_via",
		"grounds",
		"status",
		"director",
		"decision",
		"decision_reasons",
		"decided_on",
		"outcome_letter_sent_on",
		"complaints_route_requested",
	],
	"UAB Protocol Review": [
		"protocol",
		"due_date",
		"reviewer",
		"decision",
		"reasons",
		"next_review_date",
		"customer_notified_on",
		"notification_method",
	],
	"UAB Contact Attempt": [
		"protocol",
		"contact",
		"ticket",
		"direction",
		"channel",
		"attempted_by",
		"attempted_on",
		"rules_breached",
		"action",
		"content",
		"override_reason",
	],
	"UAB Equality Profile": ["contact"],
}
SUBMITTABLE = {
	"UAB Incident",
	"UAB Warning",
	"UAB Assessment",
	"UAB Communication Protocol",
	"UAB Appeal",
	"UAB Protocol Review",
}


def fields_of(doctype: str) -> dict:
	return {field["fieldname"]: field for field in DOCTYPES[doctype]["fields"]}


def test_every_doctype_of_the_spec_exists():
	assert set(PUBLIC_FIELDS) <= set(DOCTYPES)


@pytest.mark.parametrize("doctype", sorted(PUBLIC_FIELDS))
def test_public_field_names_are_kept_spec_4(doctype):
	assert set(PUBLIC_FIELDS[doctype]) <= set(fields_of(doctype))


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=lambda p: p.parent.name)
def test_doctype_json_is_sound(path):
	meta = json.loads(path.read_text())
	assert meta["doctype"] == "DocType"
	assert meta["module"] == "UAB Helpdesk"
	assert (
		path.stem == path.parent.name == meta["name"].lower().replace(" ", "_").replace("-", "_")
	)  # frappe.scrub
	assert meta["field_order"] == [field["fieldname"] for field in meta["fields"]]
	assert len(set(meta["field_order"])) == len(meta["field_order"])
	if not meta.get("istable"):
		assert meta.get("track_changes") == 1
		assert meta["permissions"], "a DocType nobody may read is a mistake"


def test_nothing_the_app_writes_to_the_error_log_holds_message_text_8_1():
	"""Every Error Log entry goes through `utils.log_failure` (where and what kind, never the error's
	text, which can quote a customer); attempts.py logs three named fields of the attempt, no text."""
	allowed = {APP / "utils.py", APP / "attempts.py"}
	for path in APP.rglob("*.py"):
		if "tests" in path.parts or path in allowed:
			continue
		assert "frappe.log_error(" not in path.read_text(), path


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=lambda p: p.parent.name)
def test_every_doctype_has_its_controller(path):
	meta = json.loads(path.read_text())
	source = path.with_suffix(".py")
	classes = [node.name for node in ast.parse(source.read_text()).body if isinstance(node, ast.ClassDef)]
	assert meta["name"].replace(" ", "").replace("-", "") in classes  # as Frappe names the class
	assert (path.parent / "__init__.py").exists()


@pytest.mark.parametrize("doctype", sorted(SUBMITTABLE))
def test_case_records_are_submittable_with_amendments_spec_4(doctype):
	assert DOCTYPES[doctype].get("is_submittable") == 1
	assert fields_of(doctype)["amended_from"]["options"] == doctype


def test_links_and_tables_point_at_doctypes_that_exist():
	for doctype, meta in DOCTYPES.items():
		for field in meta["fields"]:
			if field["fieldtype"] in ("Link", "Table", "Table MultiSelect"):
				assert field["options"] in set(DOCTYPES) | EXTERNAL_DOCTYPES, (doctype, field["fieldname"])
			if field["fieldtype"] in ("Table", "Table MultiSelect"):
				assert DOCTYPES[field["options"]].get("istable") == 1


def test_fetch_from_uses_a_link_of_the_same_doctype():
	for doctype, meta in DOCTYPES.items():
		fields = {field["fieldname"]: field for field in meta["fields"]}
		for field in meta["fields"]:
			if source := field.get("fetch_from"):
				link = source.split(".")[0]
				assert fields[link]["fieldtype"] == "Link", (doctype, field["fieldname"])


def test_every_channel_select_uses_the_one_list_spec_4():
	for doctype, meta in DOCTYPES.items():
		for field in meta["fields"]:
			if field["fieldname"] in ("channel", "received_via") and field["fieldtype"] == "Select":
				assert field["options"].split("\n") == CHANNELS, doctype


def test_channel_list_matches_the_policy_core():
	from uab_helpdesk.policy.values import Channel

	assert [channel.value for channel in Channel] == CHANNELS


def test_selects_match_the_policy_enums():
	from uab_helpdesk.policy.values import AssessmentOutcome, BehaviourType, PhysicalViolence

	assert fields_of("UAB Incident")["behaviour_type"]["options"].split("\n") == [
		b.value for b in BehaviourType
	]
	assert fields_of("UAB Incident")["physical_violence"]["options"].split("\n") == [
		v.value for v in PhysicalViolence
	]
	assert fields_of("UAB Assessment")["outcome"]["options"].split("\n")[1:] == [
		o.value for o in AssessmentOutcome
	]


def load_hooks() -> dict:
	spec = importlib.util.spec_from_file_location("uab_hooks", APP / "hooks.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return vars(module)


def dotted_paths(value):
	if isinstance(value, str) and value.startswith("uab_helpdesk."):
		yield value
	elif isinstance(value, dict):
		for item in value.values():
			yield from dotted_paths(item)
	elif isinstance(value, list | tuple):
		for item in value:
			yield from dotted_paths(item)


def test_every_dotted_path_in_hooks_resolves_to_a_function():
	hooks = load_hooks()
	paths = list(dotted_paths({key: value for key, value in hooks.items() if not key.startswith("__")}))
	assert paths
	for path in paths:
		module, _, name = path.rpartition(".")
		source = REPO.joinpath(*module.split(".")).with_suffix(".py")
		assert source.exists(), path
		defined = {
			node.name
			for node in ast.parse(source.read_text()).body
			if isinstance(node, ast.FunctionDef | ast.ClassDef)
		}
		assert name in defined, path


def test_required_apps_is_one_line_in_org_repo_form():
	text = (APP / "hooks.py").read_text()
	match = re.search(r"^required_apps\s+=\s+(.*)$", text, re.MULTILINE)
	assert match and ast.literal_eval(match.group(1)) == ["frappe/helpdesk"]


def test_fixtures_are_valid_json_with_the_roles_of_spec_3():
	roles = json.loads((APP / "fixtures" / "role.json").read_text())
	assert {role["name"] for role in roles} == {
		"UAB Manager",
		"UAB Head of Service",
		"UAB Director",
		"UAB Auditor",
	}
	for path in (APP / "fixtures").glob("*.json"):
		json.loads(path.read_text())


def test_every_patch_in_patches_txt_exists():
	for line in (APP / "patches.txt").read_text().splitlines():
		line = line.split("#")[0].strip()
		if line and not line.startswith("[") and not line.startswith("execute:"):
			assert REPO.joinpath(*line.split()[0].split(".")).with_suffix(".py").exists(), line


def test_modules_txt_names_the_module_folder():
	assert (APP / "modules.txt").read_text().split() == ["UAB", "Helpdesk"]
	assert MODULE_DIR.is_dir()


def test_pyproject_declares_frappe_and_helpdesk_for_bench():
	import tomllib

	project = tomllib.loads((REPO / "pyproject.toml").read_text())
	assert project["project"]["name"] == "uab_helpdesk"
	assert {"frappe", "helpdesk"} <= set(project["tool"]["bench"]["frappe-dependencies"])
	assert not (REPO / "setup.py").exists()


def test_policy_core_imports_no_frappe():
	for path in (APP / "policy").rglob("*.py"):
		for node in ast.walk(ast.parse(path.read_text())):
			names = (
				[alias.name for alias in node.names]
				if isinstance(node, ast.Import)
				else [node.module or ""]
				if isinstance(node, ast.ImportFrom)
				else []
			)
			assert not any(name == "frappe" or name.startswith("frappe.") for name in names), path


def test_policy_core_loads_where_frappe_cannot():
	code = "import sys; sys.modules['frappe'] = None; import uab_helpdesk.policy.decision, uab_helpdesk.policy.ladder, uab_helpdesk.policy.evidence, uab_helpdesk.policy.incident"
	subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def test_translated_strings_are_never_built_before_translation():
	"""`_(f"...")`, `_("..." + x)` and `_(variable)` cannot be translated (STYLE §3). The one exception
	is `utils.translated_option`, which translates stored Select values (extracted from DocType JSON)."""
	for path in APP.rglob("*.py"):
		tree = ast.parse(path.read_text())
		allowed = {
			id(node)
			for function in ast.walk(tree)
			if isinstance(function, ast.FunctionDef) and function.name == "translated_option"
			for node in ast.walk(function)
		}
		for node in ast.walk(tree):
			if id(node) in allowed:
				continue
			if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args:
				assert isinstance(node.args[0], ast.Constant) or (
					isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].left, ast.Constant)
				), f"{path}:{node.lineno}"


def test_every_doctype_js_file_exists():
	for paths in load_hooks()["doctype_js"].values():
		for path in paths if isinstance(paths, list) else [paths]:
			assert (APP / path).exists(), path


@pytest.mark.parametrize(
	"name, defines",
	[("hd_form_script_banner.js", "setupForm"), ("hd_form_script_reply.js", "uabReplyActions")],
)
def test_agent_ui_script_parts_define_their_function(name, defines):
	assert f"function {defines}(" in (APP / "public" / "js" / name).read_text()


def test_agent_ui_script_escapes():
	"""The script as installed (setup/ui.py joins its parts): one escaper, handed to the reply part."""
	install = ast.parse((APP / "setup" / "ui.py").read_text())
	files = next(
		ast.literal_eval(node.value)
		for node in install.body
		if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "FORM_SCRIPT_FILES"
	)
	script = "\n".join((APP / "public" / "js" / name).read_text() for name in files)
	assert "&lt;" in script, "every stored value shown in the agent UI is escaped"
	assert script.count("const escape =") == 1


def test_the_agent_ui_script_is_one_setup_form_calling_its_reply_part():
	banner = (APP / "public" / "js" / "hd_form_script_banner.js").read_text()
	reply = (APP / "public" / "js" / "hd_form_script_reply.js").read_text()
	assert "uabReplyActions(" in banner and "function setupForm(" not in reply


def pot_msgids() -> set[str]:
	pot = (APP / "locale" / "main.pot").read_text()
	return set(re.findall(r'^msgid "(.*)"$', pot, re.MULTILINE))


def test_every_translatable_python_string_is_in_the_pot_file():
	"""`bench generate-pot-file --app uab_helpdesk` must be re-run when strings change (issue: translations)."""
	msgids = pot_msgids()
	missing = []
	for path in APP.rglob("*.py"):
		if "tests" in path.parts:
			continue
		for node in ast.walk(ast.parse(path.read_text())):
			if (
				isinstance(node, ast.Call)
				and getattr(node.func, "id", None) == "_"
				and node.args
				and isinstance(node.args[0], ast.Constant)
			):
				text = node.args[0].value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
				if text not in msgids:
					missing.append(f"{path.relative_to(REPO)}: {text}")
	assert not missing, "\n".join(missing[:20])


def test_every_translatable_javascript_string_is_in_the_pot_file():
	"""The Desk scripts and the agent-UI form script translate with __(); the POT must carry them too."""
	msgids = pot_msgids()
	missing = [
		f"{path.relative_to(REPO)}: {text}"
		for path in (APP / "public" / "js").glob("*.js")
		for text in re.findall(r'__\(\s*"((?:[^"\\]|\\.)*)"', path.read_text())
		if text not in msgids
	]
	assert not missing, "\n".join(missing[:20])
