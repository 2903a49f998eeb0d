#!/usr/bin/env python3
"""Writes the hostile-input corpus of Tests/ReliabilityTests/Hostile (committed; rerun to rebuild).

Every file is something a scanner, a broken pipe or an attacker could hand the inbox. The cases are
our own, in the spirit of JSONTestSuite (n_ = must be rejected, r_ = must be recovered from).
"""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "ReliabilityTests" / "Hostile"
OUT.mkdir(parents=True, exist_ok=True)

SARIF_HEAD = '{"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{"tool": {"driver": {"name": "hostile"}}, "results": ['
SARIF_TAIL = ']}]}'


def result(message, extra=""):
    return '{"ruleId": "H1", "level": "error", "message": {"text": "%s"}%s}' % (message, extra)


def write(name, data):
    (OUT / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


# Must be rejected (quarantined with a reason).
write("n_nesting_1e6.sarif", SARIF_HEAD + "[" * 1_000_000 + "]" * 1_000_000 + SARIF_TAIL)
write("n_object_nesting.sarif", SARIF_HEAD + result("x", ', "properties": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000) + SARIF_TAIL)
write("n_number_100k_digits.sarif", SARIF_HEAD + result("x", ', "rank": 1' + "7" * 100_000) + SARIF_TAIL)
write("n_truncated.sarif", (SARIF_HEAD + ",".join(result("finding %d" % i) for i in range(200)) + SARIF_TAIL)[:9000])
write("n_trailing_comma.sarif", SARIF_HEAD + result("x") + "," + SARIF_TAIL)
write("n_leading_zero.sarif", SARIF_HEAD + result("x", ', "rank": 012') + SARIF_TAIL)
write("n_single_quotes.sarif", SARIF_HEAD + "{'ruleId': 'H1'}" + SARIF_TAIL)
write("n_control_char_in_string.sarif", SARIF_HEAD + result("a\x01b") + SARIF_TAIL)
write("n_bad_escape.sarif", SARIF_HEAD + result("bad \\x41 escape") + SARIF_TAIL)
write("n_nan.sarif", SARIF_HEAD + result("x", ', "rank": NaN') + SARIF_TAIL)
write("n_missing_colon.sarif", SARIF_HEAD + '{"ruleId" "H1"}' + SARIF_TAIL)
write("n_missing_comma.sarif", SARIF_HEAD + result("x") + result("y") + SARIF_TAIL)
write("n_unclosed_string.sarif", SARIF_HEAD + '{"ruleId": "H1, "level": "error"}' + SARIF_TAIL)
write("n_empty.sarif", "")
write("n_only_whitespace.json", " \n\t ")
write("n_not_json.sarif", "<?xml version='1.0'?><sarif/>")
write("n_duplicate_keys.sarif", SARIF_HEAD + '{"ruleId": "H1", "ruleId": "H2", "level": "error", "message": {"text": "x"}}' + SARIF_TAIL)
write("n_jsonl_bad_line.jsonl",
      '{"schema": "mlsoc.report/1", "tool": "hostile"}\n{"schema": "mlsoc.finding/1", "rule": "a", "severity": "high"}\n{"schema": "mlsoc.finding/1", "rule": \n')
write("n_binary_garbage.sarif", bytes(range(256)) * 64)
write("n_utf16_bom.sarif", (SARIF_HEAD + result("x") + SARIF_TAIL).encode("utf-16"))

# Must be recovered from: the report lands, the bad text shows as U+FFFD.
write("r_invalid_utf8_in_string.sarif", SARIF_HEAD.encode() + result("ok before ").encode()[:-3] + b"\xff\xfe\xc3(" + b'"}}' + b"," + result("after").encode() + SARIF_TAIL.encode())
write("r_lone_surrogate.sarif", SARIF_HEAD + result("lone \\ud800 surrogate") + "," + result("after") + SARIF_TAIL)
# Issue 23: a UTF-8 byte-order mark is accepted; NUL inside strings is kept (shown as \x00); a run
# that failed, or has no results array, lands but resolves nothing; a native report cut before its
# closing line lands and resolves nothing; a closing line that miscounts is refused.
write("r_utf8_bom.sarif", b"\xef\xbb\xbf" + (SARIF_HEAD + result("after a BOM") + SARIF_TAIL).encode())
write("r_nul_in_strings.jsonl",
      '{"schema": "mlsoc.report/1", "tool": "hostile"}\n'
      '{"schema": "mlsoc.finding/1", "rule": "nul\\u0000A", "message": "before\\u0000after", "severity": "high"}\n'
      '{"schema": "mlsoc.finding/1", "rule": "nul\\u0000B", "severity": "high"}\n{"schema": "mlsoc.end/1", "findings": 2}\n')
write("r_failed_run.sarif", '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "hostile"}}, '
      '"invocations": [{"executionSuccessful": false, "exitCode": 2}], "results": []}]}')
write("r_no_results.sarif", '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "hostile", "rules": [{"id": "H1"}]}}}]}')
write("r_native_cut.jsonl", '{"schema": "mlsoc.report/1", "tool": "hostile-cut"}\n{"schema": "mlsoc.finding/1", "rule": "a", "severity": "high"}\n')
write("n_native_miscount.jsonl",
      '{"schema": "mlsoc.report/1", "tool": "hostile"}\n{"schema": "mlsoc.finding/1", "rule": "a", "severity": "high"}\n'
      '{"schema": "mlsoc.end/1", "findings": 7}\n')
print("wrote", len(list(OUT.glob("*"))), "files to", OUT)
