#!/usr/bin/env python3
"""Writes a CodeQL-style SARIF 2.1.0 report of ../tree (a python security-and-quality run and an
actions run), as `codeql database analyze --format=sarif-latest` lays it out: rules in
`tool.extensions[]` query packs with CodeQL's own metadata (ids, names, `properties.tags` such as
`external/cwe/cwe-079`, `security-severity`, `precision`, `problem.severity`), results naming them by
`rule.toolComponent.index` and `rule.index`. The query metadata is CodeQL's published query help;
the places are where the queries would flag ../tree. CodeQL is not on PyPI or Debian."""
import hashlib
import json

PY = [  # id, name, short description, tags, security-severity, precision, level
    ("py/sql-injection", "SqlInjection", "SQL query built from user-controlled sources", ["security", "external/cwe/cwe-089"], "8.8", "high", "error"),
    ("py/command-line-injection", "CommandLineInjection", "Uncontrolled command line", ["correctness", "security", "external/cwe/cwe-078", "external/cwe/cwe-088"], "9.8", "high", "error"),
    ("py/code-injection", "CodeInjection", "Code injection", ["security", "external/cwe/cwe-094", "external/cwe/cwe-095", "external/cwe/cwe-116"], "9.3", "high", "error"),
    ("py/path-injection", "PathInjection", "Uncontrolled data used in path expression", ["correctness", "security", "external/cwe/cwe-022", "external/cwe/cwe-023", "external/cwe/cwe-036", "external/cwe/cwe-073", "external/cwe/cwe-099"], "7.5", "high", "error"),
    ("py/reflective-xss", "ReflectedXss", "Reflected server-side cross-site scripting", ["security", "external/cwe/cwe-079", "external/cwe/cwe-116"], "6.1", "high", "error"),
    ("py/url-redirection", "UrlRedirect", "URL redirection from remote source", ["security", "external/cwe/cwe-601"], "6.1", "high", "error"),
    ("py/full-ssrf", "FullServerSideRequestForgery", "Full server-side request forgery", ["security", "external/cwe/cwe-918"], "9.1", "high", "error"),
    ("py/unsafe-deserialization", "UnsafeDeserialization", "Deserialization of user-controlled data", ["security", "external/cwe/cwe-502"], "9.8", "high", "error"),
    ("py/request-without-cert-validation", "RequestWithoutValidation", "Request without certificate validation", ["security", "external/cwe/cwe-295"], "7.5", "medium", "error"),
    ("py/flask-debug", "FlaskDebug", "Flask app is run in debug mode", ["security", "external/cwe/cwe-215", "external/cwe/cwe-489"], "7.5", "high", "error"),
    ("py/weak-sensitive-data-hashing", "WeakSensitiveDataHashing", "Use of a broken or weak cryptographic hashing algorithm on sensitive data", ["security", "external/cwe/cwe-327", "external/cwe/cwe-328", "external/cwe/cwe-916"], "7.5", "high", "warning"),
    ("py/clear-text-logging-sensitive-data", "CleartextLogging", "Clear-text logging of sensitive information", ["security", "external/cwe/cwe-312", "external/cwe/cwe-359", "external/cwe/cwe-532"], "7.5", "high", "error"),
    ("py/hardcoded-credentials", "HardcodedCredentials", "Hard-coded credentials", ["security", "external/cwe/cwe-259", "external/cwe/cwe-321", "external/cwe/cwe-798"], "9.8", "medium", "warning"),
    ("py/insecure-temporary-file", "InsecureTemporaryFile", "Insecure temporary file", ["external/cwe/cwe-377", "security"], "7.0", "high", "error"),
    ("py/overly-permissive-file", "OverlyPermissiveFile", "Overly permissive file permissions", ["external/cwe/cwe-732", "security"], "7.8", "medium", "warning"),
    ("py/bind-socket-all-network-interfaces", "BindToAllInterfaces", "Binding a socket to all network interfaces", ["security", "external/cwe/cwe-200"], "6.5", "high", "error"),
    ("py/tarslip", "TarSlip", "Arbitrary file write during tarfile extraction", ["security", "external/cwe/cwe-022"], "7.5", "medium", "error"),
    ("py/jinja2/autoescape-false", "Jinja2WithoutEscaping", "Jinja2 templating with autoescape=False", ["security", "external/cwe/cwe-079"], "6.1", "medium", "error"),
    ("py/xxe", "Xxe", "XML external entity expansion", ["security", "external/cwe/cwe-611", "external/cwe/cwe-827"], "9.1", "high", "error"),
    ("py/jwt-missing-verification", "JWTMissingSecretOrPublicKeyVerification", "JWT missing secret or public key verification", ["security", "external/cwe/cwe-347"], "7.0", "high", "warning"),
    ("py/stack-trace-exposure", "StackTraceExposure", "Information exposure through an exception", ["security", "external/cwe/cwe-209", "external/cwe/cwe-497"], "5.4", "high", "error"),
    ("py/polynomial-redos", "PolynomialReDoS", "Polynomial regular expression used on uncontrolled data", ["security", "external/cwe/cwe-1333", "external/cwe/cwe-730", "external/cwe/cwe-400"], "7.5", "high", "warning"),
    ("py/empty-except", "EmptyExcept", "Empty except", ["reliability", "maintainability", "external/cwe/cwe-390"], None, "high", "note"),
    ("py/unused-import", "UnusedImport", "Unused import", ["maintainability", "useless-code"], None, "very-high", "note"),
    ("py/catch-base-exception", "CatchBaseException", "Except block handles 'BaseException'", ["reliability", "error-handling", "external/cwe/cwe-396"], None, "very-high", "note"),
]
PY_RESULTS = [  # rule id, file, line, message
    ("py/sql-injection", "svc/api.py", 29, "This SQL query depends on a [user-provided value](1)."),
    ("py/reflective-xss", "svc/api.py", 30, "Cross-site scripting vulnerability due to a [user-provided value](1)."),
    ("py/command-line-injection", "svc/api.py", 35, "This command line depends on a [user-provided value](1)."),
    ("py/code-injection", "svc/api.py", 40, "This code execution depends on a [user-provided value](1)."),
    ("py/url-redirection", "svc/api.py", 45, "Untrusted URL redirection depends on a [user-provided value](1)."),
    ("py/full-ssrf", "svc/api.py", 50, "The full URL of this request depends on a [user-provided value](1)."),
    ("py/request-without-cert-validation", "svc/api.py", 50, "This request may run without certificate validation because [it is disabled](1)."),
    ("py/unsafe-deserialization", "svc/api.py", 56, "Unsafe deserialization depends on a [user-provided value](1)."),
    ("py/path-injection", "svc/api.py", 63, "This path depends on a [user-provided value](1)."),
    ("py/jwt-missing-verification", "svc/api.py", 68, "This JWT is parsed without verification and received from [this location](1)."),
    ("py/weak-sensitive-data-hashing", "svc/api.py", 72, "[Sensitive data (prompt)](1) is used in a hashing algorithm (MD5) that is insecure."),
    ("py/insecure-temporary-file", "svc/api.py", 76, "Call to deprecated function tempfile.mktemp may be insecure."),
    ("py/hardcoded-credentials", "svc/api.py", 22, "This hardcoded value is [used as credentials](1)."),
    ("py/flask-debug", "svc/api.py", 88, "A Flask app appears to be run in debug mode. This may allow an attacker to run arbitrary code through the debugger."),
    ("py/bind-socket-all-network-interfaces", "svc/api.py", 88, "'0.0.0.0' binds a socket to all interfaces."),
    ("py/clear-text-logging-sensitive-data", "svc/train.py", 18, "This expression logs [sensitive data (password)](1) as clear text."),
    ("py/tarslip", "svc/train.py", 21, "This file extraction depends on a [potentially untrusted source](1)."),
    ("py/xxe", "svc/train.py", 22, "XML parsing depends on a [user-provided value](1) without guarding against external entity expansion."),
    ("py/overly-permissive-file", "svc/train.py", 26, "Overly permissive mask in chmod sets file to world writable."),
    ("py/jinja2/autoescape-false", "svc/train.py", 36, "Using jinja2 templates with autoescape=False can potentially allow XSS attacks."),
    ("py/stack-trace-exposure", "svc/api.py", 36, "[Stack trace information](1) flows to this location and may be exposed to an external user."),
    ("py/polynomial-redos", "svc/api.py", 28, "This [regular expression](1) that depends on a [user-provided value](2) may run slow on strings with many repetitions of ' '."),
    ("py/empty-except", "svc/train.py", 33, "'except' clause does nothing but pass and there is no explanatory comment."),
    ("py/unused-import", "svc/api.py", 4, "Import of 'random' is not used."),
    ("py/catch-base-exception", "svc/train.py", 33, "Except block directly handles BaseException."),
]
ACTIONS = [
    ("actions/untrusted-checkout/critical", "UntrustedCheckoutCritical", "Checkout of untrusted code in a privileged context", ["actions", "security", "external/cwe/cwe-829"], "9.3", "high", "error"),
    ("actions/code-injection/critical", "CodeInjectionCritical", "Code injection", ["actions", "security", "external/cwe/cwe-094"], "9.3", "high", "error"),
    ("actions/unpinned-tag", "UnpinnedActionsTag", "Unpinned tag for a non-immutable Action in workflow", ["security", "actions", "external/cwe/cwe-829"], "5.0", "high", "warning"),
    ("actions/missing-workflow-permissions", "MissingActionsPermissions", "Workflow does not contain permissions", ["actions", "maintainability", "external/cwe/cwe-275"], "5.0", "high", "warning"),
]
ACTIONS_RESULTS = [
    ("actions/untrusted-checkout/critical", ".github/workflows/ci.yml", 13, "Potential execution of untrusted code on a privileged workflow ([pull_request_target](1))"),
    ("actions/code-injection/critical", ".github/workflows/ci.yml", 16, "Potential code injection in [${{ github.event.issue.title }}](1), which may be controlled by an external user ([issues](2))."),
    ("actions/unpinned-tag", ".github/workflows/ci.yml", 15, "Unpinned 3rd party Action 'ci.yml' step [Uses Step](1) uses 'some-org/model-eval-action' with ref 'main', not a pinned commit hash"),
]

def run(language, pack, version, rules, results):
    index = {r[0]: i for i, r in enumerate(rules)}
    return {
        "tool": {
            "driver": {"name": "CodeQL", "organization": "GitHub", "semanticVersion": "2.23.3",
                       "notifications": [{"id": f"{language}/diagnostics/successfully-extracted-files", "name": f"{language}/diagnostics/successfully-extracted-files",
                                          "shortDescription": {"text": "Extracted files"}, "properties": {"tags": ["successfully-extracted-files"]}}],
                       "rules": []},
            "extensions": [{
                "name": pack, "semanticVersion": version, "locations": [{"uri": f"file:///opt/codeql/qlpacks/{pack}/{version}/", "description": {"text": "The QL pack root directory."}}],
                "rules": [{
                    "id": rid, "name": rid, "shortDescription": {"text": short}, "fullDescription": {"text": short + "."},
                    "defaultConfiguration": {"enabled": True, "level": level},
                    "help": {"text": f"# {short}\n", "markdown": f"# {short}\n"},
                    "properties": dict({"tags": tags, "description": short + ".", "id": rid, "kind": "path-problem" if "security" in tags else "problem",
                                        "name": short, "precision": precision, "problem.severity": {"error": "error", "warning": "warning", "note": "recommendation"}[level]},
                                       **({"security-severity": sev} if sev else {})),
                } for (rid, name, short, tags, sev, precision, level) in rules],
            }],
        },
        "invocations": [{"toolExecutionNotifications": [], "executionSuccessful": True}],
        "artifacts": [{"location": {"uri": f, "uriBaseId": "%SRCROOT%", "index": i}} for i, f in enumerate(sorted({r[1] for r in results}))],
        "results": [{
            "ruleId": rid, "rule": {"id": rid, "index": index[rid], "toolComponent": {"index": 0}},
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                                                "region": {"startLine": line, "startColumn": 5, "endColumn": 40}}}],
            "partialFingerprints": {"primaryLocationLineHash": hashlib.sha1(f"{rid}{path}{line}".encode()).hexdigest()[:16] + ":1", "primaryLocationStartColumnFingerprint": "4"},
        } for (rid, path, line, message) in results],
        "automationDetails": {"id": f"/language:{language}/"},
        "columnKind": "unicodeCodePoints",
        "properties": {"semmle.formatSpecifier": "sarif-latest"},
    }

import os
os.environ.setdefault("PYTHONHASHSEED", "0")
doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
       "runs": [run("python", "codeql/python-queries", "1.6.7", PY, PY_RESULTS), run("actions", "codeql/actions-queries", "0.6.9", ACTIONS, ACTIONS_RESULTS)]}
print(json.dumps(doc, indent=1))
