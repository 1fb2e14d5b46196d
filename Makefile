# Trellis: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
GARDEN ?= garden

.PHONY: run test build release deps test-deps bench bench-garden garden clean

run: deps release
	./.build/release/trellis --garden $(GARDEN)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@./scripts/install-deps

test-deps:
	@./scripts/install-deps --test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product trellis

# Benchmarks (release mode; they print their figures, nothing is asserted).
bench: bench-garden

bench-garden: deps
	$(SWIFT) build -c release --product trellis-bench
	./.build/release/trellis-bench garden --notes 10000 --searches 100

# Rebuilds the shipped garden/ from the owner's seed pages (see scripts/build-garden).
garden: release
	./scripts/build-garden

clean:
	rm -rf .build
