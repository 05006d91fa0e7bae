# Sourced by .ci/run: the app's life on one Frappe bench, proven on sites made from nothing by the commit
# under test, then dropped. The bench is described by the environment (see .ci/run):
#   UAB_BENCH, UAB_BENCH_USER, UAB_BENCH_LABEL, UAB_BENCH_CMD, UAB_DB_ROOT_PASSWORD, uab_bench_up.
#
#  1. a fresh site: new-site, install Helpdesk, then the README's `install-app uab_helpdesk`; all is there;
#  2. `migrate` on it, then the integration suite (run-tests --app uab_helpdesk);
#  3. uninstall-app leaves nothing; an install interrupted in our setup, run again, completes it;
#  4. a second fresh site runs the previous release with its demo caseload, then migrates to this commit
#     with nothing lost and every protocol still enforced (uab_helpdesk/tests/test_upgrade.py).
# A long-lived development site may be used for speed while coding; it is never the verdict.

# The last state of this app released before this round's changes (the upgrade path starts from it).
UAB_UPGRADE_FROM=${UAB_UPGRADE_FROM:-c2c1585}

as_bench_user() {
	if [ "$(id -u)" = 0 ] && [ -n "${UAB_BENCH_USER:-}" ]; then
		su - "$UAB_BENCH_USER" -c "cd '$UAB_BENCH' && $*"
	else
		(cd "$UAB_BENCH" && eval "$*")
	fi
}

bench_cmd() { as_bench_user "${UAB_BENCH_CMD:-bench} $*"; }

# Runs a bench command; on failure prints its output's tail and fails.
step() {
	local what=$1 log
	shift
	log=$(mktemp /tmp/uab-ci-step-XXXXXX.log)
	chmod 644 "$log"
	echo "   - $what"
	if ! bench_cmd "$@" > "$log" 2>&1; then
		echo "     FAILED: $what"
		tail -40 "$log"
		return 1
	fi
}

checkout_app() {
	as_bench_user "git -C apps/uab_helpdesk checkout --quiet --force --detach $1 && git -C apps/uab_helpdesk clean --quiet -fdx -e '*.egg-info' && find apps/uab_helpdesk -name __pycache__ -prune -exec rm -rf {} +"
	# The app's Python dependencies may differ between commits (pyproject.toml).
	as_bench_user "./env/bin/python -m pip install --quiet --no-deps -e apps/uab_helpdesk && ./env/bin/python -m pip install --quiet -e apps/uab_helpdesk" > /dev/null 2>&1 ||
		{ echo "     could not install the app's dependencies"; return 1; }
	# Its test dependencies too, as `bench setup requirements --dev` reads them (an older commit may lack the list).
	as_bench_user "test ! -f apps/uab_helpdesk/.ci/dev_requirements.py || ./env/bin/python -m pip install --quiet \$(./env/bin/python apps/uab_helpdesk/.ci/dev_requirements.py)" > /dev/null 2>&1 ||
		{ echo "     could not install the app's test dependencies"; return 1; }
}

new_site() {
	local site=$1
	drop_site "$site" > /dev/null 2>&1 || true
	step "new-site $site" "new-site '$site' --db-root-username root --db-root-password '${UAB_DB_ROOT_PASSWORD:?}' --admin-password admin" &&
		step "install-app helpdesk" "--site '$site' install-app helpdesk" &&
		step "allow tests" "--site '$site' set-config allow_tests true"
}

drop_site() {
	bench_cmd "drop-site '$1' --force --no-backup --db-root-username root --db-root-password '${UAB_DB_ROOT_PASSWORD}'" > /dev/null 2>&1
	as_bench_user "rm -rf 'archived/sites/$1' 'sites/$1'"
}

# The unittest summary is the verdict: bench run-tests can exit 0 after failures.
run_suite() {
	local site=$1 what=$2 log
	shift 2
	log=$(mktemp /tmp/uab-ci-tests-XXXXXX.log)
	bench_cmd "--site '$site' run-tests $*" 2>&1 | tee "$log" | grep -E "^(ERROR|FAIL):|^Ran |^OK|^FAILED" || true
	grep -q "^OK" "$log" || { echo "     $what failed"; tail -60 "$log"; return 1; }
}

site_db() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['db_name'])" "$UAB_BENCH/sites/$1/site_config.json"; }

sql() { mysql -uroot -p"$UAB_DB_ROOT_PASSWORD" -h127.0.0.1 -N -B "$(site_db "$1")" -e "$2"; }

# What an upgraded site must still hold, written before the migrate (read by tests/test_upgrade.py).
write_upgrade_baseline() {
	local site=$1 out=$2 tables
	tables=$(sql "$site" "select concat('tab', name) from tabDocType where module = 'UAB Helpdesk' and istable = 0 and issingle = 0")
	{
		echo '{"records": {'
		local first=1 table
		while IFS= read -r table; do
			[ $first = 1 ] || echo ','
			first=0
			printf '"%s": {' "${table#tab}"
			sql "$site" "select concat('\"', name, '\":', docstatus) from \`$table\`" | paste -sd,
			printf '}'
		done <<< "$tables"
		echo '}, "held_tickets": {'
		sql "$site" "select concat('\"', name, '\": \"', uab_protocol, '\"') from \`tabHD Ticket\` where uab_held = 1" | paste -sd,
		echo '}, "active_protocols": {'
		sql "$site" "select concat('\"', name, '\": \"', contact, '\"') from \`tabUAB Communication Protocol\` where status = 'Active' and docstatus = 1" | paste -sd,
		echo '}, "contact_attempts":'
		sql "$site" "select count(*) from \`tabUAB Contact Attempt\`"
		echo ', "agent": "demo.agent@uab-demo.test"}'
	} > "$out"
	python3 -m json.tool "$out" > /dev/null || { echo "     the upgrade baseline is not JSON"; cat "$out"; return 1; }
	chmod 644 "$out"
}

lifecycle() { echo "__import__('uab_helpdesk.tests.lifecycle', fromlist=['_']).$1"; }

fresh_site_checks() {
	local site=$1
	echo " * a site made from nothing: $site"
	new_site "$site" || return 1
	step "install-app uab_helpdesk (the README's command)" "--site '$site' install-app uab_helpdesk" || return 1
	step "everything the install makes is there" "--site '$site' execute uab_helpdesk.tests.lifecycle.assert_installed" || return 1
	step "migrate" "--site '$site' migrate" || return 1
	echo "   - integration suite"
	run_suite "$site" "the integration suite" --app uab_helpdesk || return 1
	step "uninstall-app" "--site '$site' uninstall-app uab_helpdesk --yes --no-backup" || return 1
	# `bench execute` refuses a dotted path into an app the site does not have; an expression it evaluates.
	step "uninstall left nothing" "--site '$site' execute \"$(lifecycle assert_nothing_left)\"" || return 1
	step "an interrupted install, run again, completes" "--site '$site' execute \"$(lifecycle check_interrupted_install)\"" || return 1
	step "migrate after reinstall" "--site '$site' migrate" || return 1
	step "and it is all there" "--site '$site' execute uab_helpdesk.tests.lifecycle.assert_installed" || return 1
}

upgrade_checks() {
	local site=$1 commit=$2 baseline
	echo " * upgrade from $UAB_UPGRADE_FROM with a live caseload: $site"
	new_site "$site" || return 1
	checkout_app "$UAB_UPGRADE_FROM" || return 1
	# The previous release installed only where Helpdesk's site already held this type (issue 19).
	step "the ticket type the previous release needed" "--site '$site' execute frappe.client.insert --kwargs \"{'doc': {'doctype': 'HD Ticket Type', 'name': 'Health and safety'}}\"" || return 1
	step "install-app uab_helpdesk ($UAB_UPGRADE_FROM)" "--site '$site' install-app uab_helpdesk" || return 1
	step "the demo caseload ($UAB_UPGRADE_FROM)" "--site '$site' execute uab_helpdesk.demo.create" || return 1
	baseline="/tmp/uab-ci-baseline-$site.json"
	write_upgrade_baseline "$site" "$baseline" || return 1
	checkout_app "$commit" || return 1
	step "migrate to the commit under test" "--site '$site' migrate" || return 1
	step "a second migrate" "--site '$site' migrate" || return 1
	step "point the tests at the baseline" "--site '$site' set-config uab_upgrade_baseline '$baseline'" || return 1
	echo "   - the upgraded site's tests"
	run_suite "$site" "the upgrade tests" --module uab_helpdesk.tests.test_upgrade || return 1
	run_suite "$site" "the enforcement suite on the upgraded site" --module uab_helpdesk.tests.test_outgoing_enforcement || return 1
}

# Runs every check on the bench the environment describes; non-zero when one fails.
# The inbound test runs its own Dovecot on loopback (uab_helpdesk/tests/imap_server.py): Debian's package
# provides the binary; the system's own IMAP service, if any, is not used.
ensure_dovecot() {
	command -v dovecot > /dev/null || [ -x /usr/sbin/dovecot ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
		echo "   - installing dovecot-imapd (Debian) for the inbound test"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dovecot-imapd > /dev/null 2>&1 && return 0
	fi
	echo "     Dovecot is missing and could not be installed: the inbound test will fail (apt-get install dovecot-imapd)"
}

bench_checks() {
	if declare -F uab_bench_up > /dev/null && ! uab_bench_up; then
		echo "== ${UAB_BENCH_LABEL:-$UAB_BENCH}: MariaDB or Redis would not start: integration tests not run"
		return 0
	fi
	ensure_dovecot
	echo "== ${UAB_BENCH_LABEL:-$UAB_BENCH} ($UAB_BENCH): sites made from nothing"
	# Hand the commit over as a bundle: the bench's owner may not be able to read this clone.
	local bundle commit stamp failed=0
	bundle=$(mktemp /tmp/uab-ci-XXXXXX.bundle)
	git bundle create --quiet "$bundle" HEAD
	chmod 644 "$bundle"
	commit=$(git rev-parse HEAD)
	as_bench_user "git -C apps/uab_helpdesk fetch --quiet '$bundle' HEAD" || return 1
	rm -f "$bundle"
	checkout_app "$commit" || return 1
	stamp=$(date +%s)
	fresh_site_checks "uabci-$stamp.test" || failed=1
	drop_site "uabci-$stamp.test"
	upgrade_checks "uabup-$stamp.test" "$commit" || failed=1
	checkout_app "$commit" > /dev/null 2>&1 || true
	drop_site "uabup-$stamp.test"
	rm -f "/tmp/uab-ci-baseline-uabup-$stamp.test.json"
	[ $failed = 0 ] && echo "== ${UAB_BENCH_LABEL:-$UAB_BENCH}: every check passed"
	return $failed
}
