#!/usr/bin/env python3
"""Medians across several `mlsoc-bench run --json` outputs, as a Markdown table (BENCHMARKS.md).

    for i in 1 2 3; do .build-release/release/mlsoc-bench run --json > run$i.json; done
    scripts/bench-medians.py run1.json run2.json run3.json
"""
import json
import statistics
import sys


def fmt(value):
    if value != value:  # NaN
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def main(paths):
    runs = [json.load(open(path)) for path in paths]
    first = runs[0]
    print(f"Medians of {len(runs)} runs ({', '.join(fmt(r['seconds']) + ' s' for r in runs)} each); "
          f"machine: {first['machine'].get('cpu', '?')}, {first['machine'].get('cores')} cores, SQLite {first['machine'].get('sqlite')}.")
    print()
    group = None
    for index, figure in enumerate(first["figures"]):
        values = [r["figures"][index]["value"] for r in runs if index < len(r["figures"]) and r["figures"][index]["name"] == figure["name"]]
        clean = [v for v in values if v == v]
        median = statistics.median(clean) if clean else float("nan")
        if figure["group"] != group:
            group = figure["group"]
            print(f"\n**{group}**\n")
            print("| figure | median | runs | target | |")
            print("| --- | ---: | --- | --- | --- |")
        target = figure.get("target") or ""
        verdict = ""
        if target:
            limit = float(target.split(" ", 1)[1].replace(",", ""))
            meets = median >= limit if target.startswith("≥") else median <= limit
            verdict = "met" if meets else "**missed**"
        runs_text = ", ".join(fmt(v) for v in values)
        print(f"| {figure['name'].strip()} | {fmt(median)} {figure['unit']} | {runs_text} | {target} | {verdict} |")


if __name__ == "__main__":
    main(sys.argv[1:])
