#!/usr/bin/env python3
"""An independent count of the findings in a scanner report, for the tests (issue 16).

Usage: count-findings.py FORMAT FILE  ->  prints the number of findings an analyst expects.

It reads the raw file with Python's json module, not with mlsoc's parsers, and applies the rules
README.md (Formats) and docs/DECISIONS.md state, each in a line or two:
- a result written twice at the same place (same rule, file, line and message) is one finding;
- scan errors (hadolint DL1000, checkov parsing errors, pip-audit skips) are not findings;
- SARIF results whose kind is pass, notApplicable or informational are not findings, except
  modelaudit's (mlsoc counts its informational checks as risks, in its JSON as in its SARIF);
- aisbom's LOW rating without a reason is inventory, not a finding;
- checkov's repeated report (several -d) counts once.
"""
import json
import sys


def documents(text):
    """Every JSON document in the text (checkov writes several back to back)."""
    decoder = json.JSONDecoder()
    index, out = 0, []
    text = text.lstrip("\ufeff")
    while True:
        while index < len(text) and (text[index].isspace() or text[index] == "\0"):
            index += 1
        if index >= len(text):
            return out
        value, index = decoder.raw_decode(text, index)
        out.append(value)


def clean(path):
    path = path or ""
    for marker in (" (pos ", " (layer: ", " (offset "):
        if path.endswith(")") and marker in path:
            path = path[: path.rindex(marker)]
    while path.startswith("./"):
        path = path[2:]
    return path


def sarif(doc):
    places = set()
    for run in doc.get("runs", []):
        tool = run["tool"]["driver"].get("name", "").lower()
        for result in run.get("results") or []:
            kind = result.get("kind", "fail")
            if kind in ("pass", "notApplicable", "informational") and tool != "modelaudit":
                continue
            rule = result.get("ruleId", "")
            if tool == "hadolint" and rule == "DL1000":
                continue
            if result.get("baselineState") == "absent":
                continue
            loc = (result.get("locations") or [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "")
            line = loc.get("region", {}).get("startLine")
            places.add((rule, uri, line, result.get("message", {}).get("text", "")))
    return len(places)


def count(fmt, path):
    text = open(path, encoding="utf-8").read()
    if fmt == "modelscan-console":
        # The console's log lines, then the JSON wrapped at the console's width: line breaks dropped.
        start = text.index('{"summary":')
        return len(json.loads(text[start:].replace("\r", "").replace("\n", ""))["issues"])
    if fmt == "picklescan":
        return len({line for line in text.splitlines() if "import '" in line and line.endswith(("FOUND", "(promoted by --strict)"))})
    if fmt in ("trufflehog-jsonl", "garak", "garak-hitlog", "mlsoc-jsonl", "avid-jsonl"):
        docs = []
    else:
        docs = documents(text)
    doc = docs[0] if docs else None
    if fmt == "sarif":
        return sarif(doc)
    if fmt == "bandit-json":
        return len({(clean(r["filename"]), r["line_number"], r["test_id"], r["issue_text"]) for r in doc["results"]})
    if fmt == "semgrep-json":
        return len({(r["check_id"], r["path"], r["start"]["line"], r["extra"]["message"]) for r in doc["results"]})
    if fmt == "checkov-json":
        checks = set()
        for d in docs:
            for report in d if isinstance(d, list) else [d]:
                for c in (report.get("results") or {}).get("failed_checks", []):
                    checks.add((c["check_id"], c.get("repo_file_path") or c["file_path"], tuple(c["file_line_range"]), c["check_name"]))
        return len(checks)
    if fmt == "hadolint-json":
        return len({(i["code"], i["file"], i["line"], i["message"]) for i in doc if i["code"] != "DL1000"})
    if fmt == "modelaudit":
        return len({(i.get("location"), i["message"], (i.get("details") or {}).get("rule_code") or i.get("rule_code") or i.get("type"))
                    for i in doc["issues"] if i.get("severity") != "debug"})
    if fmt == "modelscan":
        return len(doc["issues"])
    if fmt == "pip-audit":
        deps = doc if isinstance(doc, list) else doc["dependencies"]
        return sum(len(d.get("vulns", [])) for d in deps if "skip_reason" not in d)
    if fmt == "trufflehog3":
        hits = set()
        for h in doc:
            if "rule" in h:
                hits.add((h["path"], h.get("line"), h["id"]))
            else:
                found = tuple(s[1:].strip() if s[:1] in "+-" else s.strip() for s in h.get("stringsFound", []))
                hits.add((h["path"], h["reason"], found))
        return len(hits)
    if fmt == "cyclonedx":
        risky = 0
        for c in doc.get("components", []):
            risk = {p["name"]: p.get("value", "") for p in c.get("properties", [])}.get("aisbom:risk")
            if risk and "(" in risk or risk and not risk.startswith(("LOW", "UNKNOWN")):
                risky += 1
        return risky + len(doc.get("vulnerabilities", []))
    if fmt == "detect-secrets":
        return len({(f, s["type"], s["hashed_secret"]) for f, secrets in doc["results"].items() for s in secrets})
    if fmt == "fickling":
        # One JSON object per pickle stream; LIKELY_SAFE (and the safe verdicts) are not findings.
        return sum(1 for d in docs if d.get("severity") not in ("LIKELY_SAFE", "SAFE", None))
    if fmt == "garak":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return len({(r["probe"], r["detector"]) for r in rows if r.get("entry_type") == "eval" and r.get("fails", r.get("total", 0) - r.get("passed", 0)) > 0})
    if fmt == "garak-hitlog":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return len({(r["probe"], r["detector"]) for r in rows})
    if fmt == "mlsoc-jsonl":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return len([r for r in rows if r.get("schema", "").startswith("mlsoc.finding/")])
    if fmt == "nbdefense":
        return sum(len(n.get("issues", [])) for n in doc.get("notebook_issues", [])) + len(doc.get("root_issues") or [])
    if fmt == "promptfoo":
        results = doc["results"]["results"] if isinstance(doc["results"], dict) else doc["results"]
        def plugin(r):
            return (r.get("metadata") or {}).get("pluginId") or ((r.get("testCase") or {}).get("metadata") or {}).get("pluginId")
        def provider(r):
            p = r.get("provider") or {}
            return p.get("label") or p.get("id") if isinstance(p, dict) else p
        return len({(plugin(r), provider(r)) for r in results if r.get("success") is False})
    if fmt == "gitlab-security":
        def key(v):
            loc = v.get("location", {})
            dep = loc.get("dependency")
            if dep:
                return ("dep", dep.get("package", {}).get("name"), dep.get("version"), tuple(i.get("value") for i in v.get("identifiers", [])))
            return (loc.get("file"), loc.get("start_line"), v.get("message") or v.get("description") or v.get("name"), tuple(i.get("value") for i in v.get("identifiers", [])[:1]))
        return len({key(v) for v in doc["vulnerabilities"]})
    if fmt == "codeclimate":
        issues = [i for d in docs for i in (d if isinstance(d, list) else [d])]
        return len({(i["check_name"], i["location"]["path"], i["location"].get("lines", {}).get("begin"), i.get("description")) for i in issues if i.get("type", "issue").lower() == "issue"})
    if fmt == "trivy-json":
        results = doc if isinstance(doc, list) else doc.get("Results") or []
        n = 0
        for r in results:
            n += len({(v["VulnerabilityID"], v["PkgName"], v["InstalledVersion"]) for v in r.get("Vulnerabilities") or []})
            n += len([m for m in r.get("Misconfigurations") or [] if m.get("Status", "FAIL") == "FAIL"])
            n += len(r.get("Secrets") or []) + len(r.get("Licenses") or [])
        return n
    if fmt == "grype-json":
        return len({(m["vulnerability"]["id"], m["artifact"]["name"], m["artifact"]["version"]) for m in doc["matches"]})
    if fmt == "gitleaks-json":
        return len({(l.get("File") or l.get("file"), l.get("Secret") or l.get("offender"), l.get("RuleID") or l.get("rule"), l.get("StartLine") or l.get("lineNumber")) for l in doc})
    if fmt == "trufflehog-jsonl":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        keys = set()
        for r in rows:
            if "DetectorName" not in r and "DetectorType" not in r:
                continue
            data = next(iter(r["SourceMetadata"]["Data"].values()))
            keys.add((data.get("file"), data.get("line"), r.get("DetectorName"), r.get("RawV2") or r.get("Raw")))
        return len(keys)
    if fmt == "osv-scanner":
        n = 0
        for result in doc["results"]:
            for p in result.get("packages", []):
                n += len(p.get("groups") or []) or len(p.get("vulnerabilities", []))
        return n
    if fmt == "sonarqube-generic":
        return len({(i["ruleId"], i["primaryLocation"].get("filePath"), i["primaryLocation"].get("textRange", {}).get("startLine"), i["primaryLocation"].get("message")) for i in doc["issues"]})
    if fmt == "avid-jsonl":
        n = 0
        for line in text.splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            garak = any("garak" in (ref.get("label") or "").lower() for ref in r.get("references") or [])
            if not garak:
                n += 1
                continue
            for m in r.get("metrics") or []:
                res = m.get("results") or {}
                for k in (res.get("detector") or {}):
                    total = (res.get("total_evaluated") or res.get("total") or {}).get(k, 0)
                    if total and res["passed"][k] < total:
                        n += 1
        return n
    if fmt == "hf-hub-scan":
        def per_file(status):
            status = status or {}
            n = len([i for i in ((status.get("pickleImportScan") or {}).get("pickleImports") or []) if i.get("safety") in ("dangerous", "suspicious")])
            av = status.get("avScan") or {}
            if av.get("status") in ("unsafe", "infected"):
                n += max(1, len(av.get("virusNames") or []))
            n += len([p for p in ("protectAiScan", "jFrogScan") if (status.get(p) or {}).get("status") in ("unsafe", "caution")])
            return n
        if isinstance(doc, list):
            return sum(per_file(e.get("securityFileStatus")) for e in doc if e.get("type", "file") == "file")
        files = (doc.get("securityRepoStatus") or {}).get("filesWithIssues") or []
        return sum(per_file(f) or (1 if f.get("level", "safe") != "safe" else 0) for f in files)
    if fmt == "azure-red-team":
        summary = (doc["scorecard"].get("risk_category_summary") or [{}])[0]
        return len([k for k, v in summary.items() if k.endswith("_successful_attacks") and not k.startswith("overall") and v > 0])
    if fmt == "mcp-scan":
        if "scan_path_responses" in doc:
            return sum(1 for p in doc["scan_path_responses"] for kind in ("server_risks", "skill_risks") for item in p.get(kind, [])
                       for risk in (item.get("risk_indexes") or {}).values() if risk and risk.get("score", 0) > 0)
        return sum(1 for result in doc.values() for issue in result.get("issues", []) if not issue["code"].startswith("X00"))
    if fmt == "giskard-scan":
        return sum(len(descriptions) for levels in doc.values() for descriptions in levels.values())
    if fmt == "hiddenlayer":
        return len({(f["file_location"], d.get("description")) for f in doc.get("file_results") or [] for d in f.get("detections") or []})
    if fmt == "empty-list":
        return 0
    raise SystemExit(f"count-findings.py: no independent count for {fmt}")


if __name__ == "__main__":
    print(count(sys.argv[1], sys.argv[2]))
