# mlsoc — the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
DEMO_DB ?= demo/findings.db
MLSOC := .build/debug/mlsoc
# The demo's model registry (owners, stages, criticality, path rules); never the user's own config.
DEMO_ENV := MLSOC_CONFIG=sample-data/config.yaml

.PHONY: deps build test lint format demo demo-store sample-data clean reliability fuzz bench

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The end-to-end tests drive the built binary, so build it before testing. Lint first: it takes
# seconds, the tests minutes. A throwaway PostgreSQL server runs beside them (issue 22).
# The whole suite on SQLite (the PostgreSQL-only suites among it run against the throwaway
# server), then again with every test store on PostgreSQL (TestStore.make, TestStore.location: the
# same tests, parameterised by MLSOC_TEST_BACKEND, not copies). The second pass skips the suites
# that open no store (the domain's and the UI's, pure by design) and the PostgreSQL-only ones the
# first pass ran; a test of what only a SQLite file has (its pragmas, file modes, -wal) says so and
# is skipped there.
PG_PASS_SKIP := ^(FindingsTests|ConsoleUITests|PostgresStoreTests)\.

test: lint build
	@scripts/install-test-tools.sh
	scripts/with-test-postgres.sh sh -c '$(SWIFT) test && MLSOC_TEST_BACKEND=postgres $(SWIFT) test --skip-build --skip "$(PG_PASS_SKIP)"'

# swift-format (it ships with the toolchain) with the repository's .swift-format: the layout, a
# 150-column limit, no force unwraps or force tries outside the tests (Tests/.swift-format).
# `make format` rewrites the files to match.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests

# A fresh demo store from sample-data/reports (never the user's default store), then the console.
demo-store: build
	@mkdir -p $(dir $(DEMO_DB))
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(DEMO_ENV) $(MLSOC) ingest --db $(DEMO_DB) sample-data/reports

demo: demo-store
	$(DEMO_ENV) $(MLSOC) --db $(DEMO_DB)

# The long reliability suite (RELIABILITY.md): 50 kills of ingest, 60 s of everything at once,
# the hostile corpus with a 1 GB file, then libFuzzer on every target. The short version runs in
# `make test`.
reliability: build
	@scripts/install-test-tools.sh
	@mkdir -p .build
	RELIABILITY_LONG=1 $(SWIFT) test --filter ReliabilityTests 2>&1 | tee .build/reliability.log | grep -E "^(crash|hostile|concurrency):|Test run|✘"
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

# libFuzzer (-sanitize=fuzzer,address) on each target for FUZZ_SECONDS seconds, in .build-fuzz.
FUZZ_SECONDS ?= 60
PROMPT_RUNS ?= 1000000
FUZZ := .build-fuzz/debug/mlsoc-fuzz
fuzz:
	$(SWIFT) build --scratch-path .build-fuzz --product mlsoc-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
	@mkdir -p .build-fuzz/corpus/report .build-fuzz/corpus/filter
	@cp Tests/ReliabilityTests/Hostile/* .build-fuzz/corpus/report/
	@find sample-data/reports -type f -size -64k -exec cp {} .build-fuzz/corpus/report/ \;
	@cp Tests/ReliabilityTests/FilterSeeds/* .build-fuzz/corpus/filter/
	@# Leak checks are off: the targets keep their store and rules in statics on purpose; ASan
	@# still stops on any memory error. A crash leaves its input in .build-fuzz/ and fails the run.
	bash -o pipefail -c 'ASAN_OPTIONS=detect_leaks=0 MLSOC_FUZZ_TARGET=report $(FUZZ) .build-fuzz/corpus/report $(FUZZ_FLAGS) -max_len=65536 2>&1 | tail -8'
	bash -o pipefail -c 'ASAN_OPTIONS=detect_leaks=0 MLSOC_FUZZ_TARGET=filter $(FUZZ) .build-fuzz/corpus/filter $(FUZZ_FLAGS) -max_len=512 2>&1 | tail -8'
	@# The line editor: a million inputs of arbitrary Unicode and editing keys (issue 23), not a time;
	@# its target needs only the UI, so it is built optimised (ASan still on) to run them in minutes.
	$(SWIFT) build -c release --scratch-path .build-fuzz --product mlsoc-fuzz-prompt -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
	@mkdir -p .build-fuzz/corpus/prompt
	@cp Tests/ReliabilityTests/PromptSeeds/* .build-fuzz/corpus/prompt/
	@printf 'e\xcc\x81x' > .build-fuzz/corpus/prompt/combining; printf '\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\x01\x02z' > .build-fuzz/corpus/prompt/skin-tone
	bash -o pipefail -c 'ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/mlsoc-fuzz-prompt .build-fuzz/corpus/prompt -runs=$(PROMPT_RUNS) -max_len=128 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=.build-fuzz/ 2>&1 | tail -8'
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=.build-fuzz/

# Re-runs the real scanners (from PyPI, in sample-data/.venv) to rebuild sample-data/reports.
sample-data:
	sample-data/generate.sh

# The performance figures of DESIGN.md §9 beside their baselines (BENCHMARKS.md): a release build
# (the only one in the Makefile), sqlite-utils from PyPI, then `mlsoc-bench run` on 1M findings.
# BENCH_ARGS passes options (e.g. BENCH_ARGS=--json, or --findings 100000 for a quick look).
BENCH_ARGS ?=
bench: deps
	@scripts/install-bench-tools.sh
	$(SWIFT) build -c release --scratch-path .build-release --product mlsoc
	$(SWIFT) build -c release --scratch-path .build-release --product mlsoc-bench
	.build-release/release/mlsoc-bench run --work .bench $(BENCH_ARGS)

clean:
	rm -rf .build demo .bench
