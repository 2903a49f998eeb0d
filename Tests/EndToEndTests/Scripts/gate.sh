#!/usr/bin/env bash
# mlsoc gate as a CI job runs it (issue 21): exit codes, --dry-run, --new-only against a store with
# prior triage, JUnit read by junitparser, SARIF. Usage: gate.sh MLSOC PYTHON REPO WORKDIR
set -uo pipefail
mlsoc=$1 python=$2 repo=$3 work=$4
db=$work/findings.db
report=$repo/sample-data/reports/checkov/fraud-detector.json
fail() { echo "FAILED: $*" >&2; exit 1; }
gate() { "$mlsoc" gate --db "$db" "$@"; }
count() { "$mlsoc" findings --db "$db" --json --limit 100000 "$@" | grep -c '"id":' || true; }
junit() { "$python" "$repo/scripts/check-junit.py" "$1" || fail "$1 is not valid JUnit XML"; }

# A dry run judges and writes nothing.
gate "$report" --fail-on 'sev>=high' --dry-run > "$work/dry.txt"; rc=$?
[ $rc -eq 1 ] || fail "dry run: exit $rc, expected 1"
[ "$(count)" -eq 0 ] || fail "dry run wrote findings"
grep -q '^dry run: nothing was written' "$work/dry.txt" || fail "dry run does not say so"
high=$(grep -c '^  FAIL ' "$work/dry.txt")
[ "$high" -gt 0 ] || fail "the report has no high findings to gate on"

# The real run: the same verdict, written, with JUnit and SARIF.
gate "$report" --fail-on 'sev>=high' --junit "$work/run1.xml" --sarif "$work/run1.sarif" > "$work/run1.txt"; rc=$?
[ $rc -eq 1 ] || fail "first gate: exit $rc, expected 1"
[ "$(count 'sev>=high state:open')" -eq "$high" ] || fail "first gate: $(count 'sev>=high state:open') open high findings stored, expected $high"
[ "$(junit "$work/run1.xml")" = "$high $high 0 0" ] || fail "run1.xml: $(junit "$work/run1.xml"), expected $high $high 0 0"
"$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0"; print(sum(len(r["results"]) for r in d["runs"]))' "$work/run1.sarif" > "$work/sarif-count.txt" \
    || fail "run1.sarif is not SARIF 2.1.0"
[ "$(cat "$work/sarif-count.txt")" -eq "$high" ] || fail "run1.sarif has $(cat "$work/sarif-count.txt") results"

# The next pipeline run: the same findings in a new report (other bytes). Nothing is new.
cp "$report" "$work/next.json" && echo >> "$work/next.json"
gate "$work/next.json" --fail-on 'sev>=high' --new-only > "$work/new-only.txt"; rc=$?
[ $rc -eq 0 ] || fail "--new-only with nothing new: exit $rc, expected 0"
grep -q '^gate: PASS' "$work/new-only.txt" || fail "--new-only does not say PASS"
gate "$work/next.json" --fail-on 'sev>=high' > /dev/null; rc=$?
[ $rc -eq 1 ] || fail "without --new-only the open ones still fail: exit $rc"

# The team triages: one false positive, the rest accepted. The gate passes and says why.
ids=$("$mlsoc" findings --db "$db" --json --limit 100000 'sev>=high state:open' | "$python" -c 'import json,sys; print(" ".join(str(f["id"]) for f in json.load(sys.stdin)))')
first=${ids%% *} rest=${ids#* }
"$mlsoc" triage --db "$db" "$first" --state false_positive --reason "fixture, never deployed" > /dev/null || fail "triage fp"
"$mlsoc" triage --db "$db" $rest --state accepted --reason "compensating admission policy" --accept-until +30d > /dev/null || fail "triage accept"
gate "$work/next.json" --fail-on 'sev>=high' --junit "$work/run2.xml" > "$work/run2.txt"; rc=$?
[ $rc -eq 0 ] || fail "after triage: exit $rc, expected 0"
grep -q 'false positive: fixture, never deployed' "$work/run2.txt" || fail "the false positive's reason is not shown"
grep -q 'risk accepted by .* until .*: compensating admission policy' "$work/run2.txt" || fail "the acceptance is not shown"
[ "$(junit "$work/run2.xml")" = "$high 0 $high 0" ] || fail "run2.xml: $(junit "$work/run2.xml"), expected $high 0 $high 0"

# Usage and input errors: exit 2, nothing written.
before=$(count)
gate "$report" --fail-on 'sev>=hgih' 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "a bad policy: exit $rc, expected 2"
gate --fail-on 'sev>=high' 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "no report: exit $rc, expected 2"
printf '{"runs": [' > "$work/broken.sarif"
gate "$work/next.json" "$work/broken.sarif" --fail-on 'sev>=high' 2> "$work/broken.txt"; rc=$?
[ $rc -eq 2 ] || fail "a broken report: exit $rc, expected 2"
grep -q 'broken.sarif' "$work/broken.txt" || fail "the error does not name the broken report"
[ "$(count)" -eq "$before" ] || fail "a failed gate wrote findings"
echo "gate.sh: all checks passed ($high high findings)"
