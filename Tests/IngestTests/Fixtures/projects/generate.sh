#!/usr/bin/env bash
# Regenerates the reports of this folder with the real scanners (PyPI, in a throwaway venv): two
# small repositories and a folder of model files, scanned as users scan them, for the projects-and-
# coverage tests (issue 15). Usage: ./generate.sh (needs python3 and network access to PyPI).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# A fixed place, so the absolute paths picklescan prints are the same on every run.
work=/tmp/mlsoc-projects-fixtures
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q bandit==1.9.4 bandit-sarif-formatter==1.1.1 detect-secrets==1.5.0 modelscan==0.8.8 \
    picklescan==1.0.5 fickling==0.1.12 typing_extensions
V="$work/venv/bin"
cd "$work"
mkdir -p repoA/app repoB/svc models
cat > repoA/app/main.py <<'EOF'
import pickle
import subprocess


def load(blob):
    return pickle.loads(blob)


def run(cmd):
    return subprocess.call(cmd, shell=True)


def check(value):
    assert value > 0
    return eval(value)
EOF
cat > repoA/app/settings.py <<'EOF'
API_TOKEN = "hf_aZ9xQ2wE4rT6yU8iO0pL3kJ5hG7fD1sA"
password = "s3cr3t-Passw0rd!"
EOF
cat > repoB/svc/api.py <<'EOF'
import hashlib
import yaml


def digest(data):
    return hashlib.md5(data).hexdigest()


def config(text):
    return yaml.load(text)
EOF
python3 - <<'EOF'
import os, pickle
class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
class Evil2:
    def __reduce__(self):
        return (eval, ("1+1",))
open("models/a.pkl", "wb").write(pickle.dumps(Evil(), protocol=2))
open("models/b.pkl", "wb").write(pickle.dumps(Evil2(), protocol=2))
open("models/c.pkl", "wb").write(pickle.dumps({"weights": [1, 2, 3]}, protocol=2))
# Two byte-identical malicious pickles under two names: fickling's reports are byte-identical too.
open("models/x.pkl", "wb").write(pickle.dumps(Evil(), protocol=2))
open("models/y.pkl", "wb").write(pickle.dumps(Evil(), protocol=2))
EOF
out="$here"
# fickling appends to its --json-output file: start from empty folders.
rm -rf "$out/repoA" "$out/repoB" "$out/models" "$out"/*.bandit.*
mkdir -p "$out/repoA" "$out/repoB" "$out/models"
(cd repoA && "$V/bandit" -q -r app -f sarif -o "$out/repoA/bandit.sarif" || true)
(cd repoA && "$V/bandit" -q -r app -f json -o "$out/repoA/bandit.json" || true)
(cd repoA && "$V/detect-secrets" scan --all-files . > "$out/repoA/secrets.json")
(cd repoB && "$V/bandit" -q -r svc -f sarif -o "$out/repoB/bandit.sarif" || true)
(cd repoB && "$V/detect-secrets" scan --all-files . > "$out/repoB/secrets.json")
# Other flags: both repositories in one run from their parent, and one file named on its own
# (bandit then writes "./repoA/app/main.py" in JSON, "repoA/app/main.py" in SARIF).
"$V/bandit" -q -r repoA repoB -f sarif -o "$out/both-repos.bandit.sarif" || true
"$V/bandit" -q ./repoA/app/main.py -f json -o "$out/main-only.bandit.json" || true
for f in a b c; do "$V/modelscan" -p "models/$f.pkl" -r json -o "$out/models/modelscan-$f.json" >/dev/null 2>&1 || true; done
"$V/modelscan" -p models -r json -o "$out/models/modelscan-dir.json" >/dev/null 2>&1 || true
"$V/picklescan" -p models > "$out/models/picklescan-dir.txt" 2>&1 || true
"$V/picklescan" -p models/a.pkl > "$out/models/picklescan-a.txt" 2>&1 || true
for f in a b x y; do "$V/fickling" --check-safety --json-output "$out/models/$f.pkl.fickling.json" "models/$f.pkl" >/dev/null 2>&1 || true; done
# Later: repo A with its eval fixed, models/b.pkl replaced by a clean pickle.
sed -i 's/    return eval(value)/    return int(value)/' repoA/app/main.py
(cd repoA && "$V/bandit" -q -r app -f sarif -o "$out/repoA/bandit-later.sarif" || true)
python3 -c "import pickle; open('models/b.pkl', 'wb').write(pickle.dumps({'weights': [4, 5]}, protocol=2))"
"$V/modelscan" -p models -r json -o "$out/models/modelscan-dir-later.json" >/dev/null 2>&1 || true
# Pin the times the tools stamp, so a rerun gives the same bytes.
python3 - "$out" <<'EOF'
import json, pathlib, re, sys
for path in pathlib.Path(sys.argv[1]).rglob("*.json"):
    text = path.read_text()
    text = re.sub(r'"(generated_at|timestamp)": "[^"]*"', r'"\1": "2026-12-01T00:00:00Z"', text)
    path.write_text(text)
for path in pathlib.Path(sys.argv[1]).rglob("*.sarif"):
    text = re.sub(r'"endTimeUtc": "[^"]*"', '"endTimeUtc": "2026-12-01T00:00:00Z"', path.read_text())
    path.write_text(text)
EOF
