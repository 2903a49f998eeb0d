#!/usr/bin/env python3
"""Reads a JUnit XML file with junitparser (PyPI) and prints "tests failures skipped errors" summed
over its suites; exits 1 if the parser cannot read it."""
import sys

from junitparser import JUnitXml


def main() -> int:
    try:
        xml = JUnitXml.fromfile(sys.argv[1])
        tests = failures = skipped = errors = 0
        for suite in xml:
            tests += suite.tests
            failures += suite.failures
            skipped += suite.skipped
            errors += suite.errors
            for case in suite:
                if not case.name:
                    raise ValueError("a test case without a name")
    except Exception as error:
        print(f"not valid JUnit XML: {error}", file=sys.stderr)
        return 1
    print(tests, failures, skipped, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
