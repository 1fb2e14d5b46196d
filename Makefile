# Trellis: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
GARDEN ?= garden

.PHONY: run test build release deps test-deps crash-test bench bench-garden bench-tui bench-meanfield bench-kernels bench-plot bench-panes bench-edits garden clean

run: deps release
	./.build/release/trellis --garden $(GARDEN)

# The suite runs on an optimised build (with -enable-testing, so @testable imports work): the
# calculators' tests do thousands of quadratures, which a debug build runs 10-30x slower. It
# has its own build folder so that it does not undo `make run`'s release build.
TEST_BUILD = --scratch-path .build-test -c release
test: test-deps
	$(SWIFT) build $(TEST_BUILD) --build-tests -Xswiftc -enable-testing
	$(SWIFT) test $(TEST_BUILD) --skip-build

deps:
	@./scripts/install-deps

test-deps:
	@./scripts/install-deps --test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product trellis

# SIGKILLs `trellis set` at random moments during 1,000 saves; fails if any note is not its old
# or its new version byte for byte, or does not parse (see README.md, "Crash safety").
crash-test: release
	./scripts/crash-test --runs 1000 ./.build/release/trellis

# Benchmarks (release mode; they print their figures, nothing is asserted).
bench: bench-garden bench-tui bench-meanfield bench-kernels bench-plot bench-panes bench-edits

bench-garden: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench garden --notes 10000 --searches 100

bench-tui: deps
	$(SWIFT) build -c release --product trellis
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench tui --notes 10000

bench-meanfield: deps
	$(SWIFT) build -c release --product trellis
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench meanfield

# Against neural-tangents in .venv-nt (scripts/crosscheck-neural-tangents makes it; skipped if
# missing). The tanh peer alone takes minutes.
bench-kernels: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench kernels

# The figures computed and drawn at 120×40 (the phase diagram's target: 30 ms).
bench-plot: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench plot

# A status change and an outside change on the 10,000-note garden (targets 10 ms and 50 ms).
bench-edits: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench edits --notes 10000

bench-panes: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench panes --garden $(GARDEN)

# Rebuilds the shipped garden/ from the owner's seed pages (see scripts/build-garden).
garden: release
	./scripts/build-garden

clean:
	rm -rf .build .build-test
