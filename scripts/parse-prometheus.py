#!/usr/bin/env python3
"""Parses Prometheus text exposition (a file, or stdin) with prometheus_client's parser; prints one JSON
object per sample ({"name", "labels", "value"}) and exits 1 with the parser's error if it fails."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main() -> int:
    text = open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read()
    try:
        for family in text_string_to_metric_families(text):
            if family.type != "gauge":
                print(f"{family.name}: type {family.type}, expected gauge", file=sys.stderr)
                return 1
            for sample in family.samples:
                print(json.dumps({"name": sample.name, "labels": sample.labels, "value": sample.value}))
    except Exception as error:  # the parser raises ValueError and friends
        print(f"not valid exposition: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
