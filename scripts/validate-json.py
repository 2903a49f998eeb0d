#!/usr/bin/env python3
"""Validates JSON documents against a published JSON schema, offline.

usage: validate-json.py SCHEMA FILE...

SCHEMA names a schema file of the published CycloneDX schemas that the PyPI package
cyclonedx-python-lib ships (installed into .venv-test by scripts/install-test-tools.sh), e.g.
bom-1.6.SNAPSHOT.schema.json; the schemas it references are resolved from the same directory,
never fetched. Prints each violation with its JSON path; exit status 1 if any.
"""
import json
import pathlib
import sys

from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

import cyclonedx.schema

SCHEMAS = pathlib.Path(cyclonedx.schema.__file__).resolve().parent / "_res"


def registry():
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(schema, default_specification=DRAFT7)
        resources.append((path.name, resource))
        if "$id" in schema:
            resources.append((schema["$id"], resource))
    return Registry().with_resources(resources)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path = SCHEMAS / argv[1]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = Draft202012Validator if "2020-12" in schema.get("$schema", "") else Draft7Validator
    validator = cls(schema, registry=registry(), format_checker=cls.FORMAT_CHECKER)
    failed = False
    for name in argv[2:]:
        try:
            document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{name}: cannot read: {error}")
            failed = True
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:50]:
            path = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{name}: {path}: {error.message[:300]}")
        if errors:
            failed = True
        else:
            print(f"{name}: valid against {argv[1]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
