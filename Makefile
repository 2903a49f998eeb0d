# mlsoc — the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
DEMO_DB ?= demo/findings.db
MLSOC := .build/debug/mlsoc
# The demo's model registry (owners, stages, criticality, path rules); never the user's own config.
DEMO_ENV := MLSOC_CONFIG=sample-data/config.yaml

.PHONY: deps build test demo demo-store sample-data clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The end-to-end tests drive the built binary, so build it before testing.
test: build
	@scripts/install-test-tools.sh
	$(SWIFT) test

# A fresh demo store from sample-data/reports (never the user's default store), then the console.
demo-store: build
	@mkdir -p $(dir $(DEMO_DB))
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(DEMO_ENV) $(MLSOC) ingest --db $(DEMO_DB) sample-data/reports

demo: demo-store
	$(DEMO_ENV) $(MLSOC) --db $(DEMO_DB)

# Re-runs the real scanners (from PyPI, in sample-data/.venv) to rebuild sample-data/reports.
sample-data:
	sample-data/generate.sh

clean:
	rm -rf .build demo
