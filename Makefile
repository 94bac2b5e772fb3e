# OLINPE national base. `make demo` and `make test` work on a fresh checkout.
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
# PostgreSQL tests use OLINPE_TEST_PG_URL; default to the local server when one answers.
OLINPE_TEST_PG_URL ?= $(shell pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && echo postgres://postgres@127.0.0.1:5432/test)
export OLINPE_TEST_PG_URL

.PHONY: install build test demo bench lint format clean

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: $(NODE_MODULES)

build: install
	npx tsc -p tsconfig.json

test: build
	npx tsc -p tsconfig.test.json
	npx vitest run

lint: install
	npx eslint .
	npx prettier --check .

format: install
	npx prettier --write .

demo: build
	node scripts/demo.mjs

bench: build
	node --expose-gc bench/run.mjs

clean:
	rm -rf dist test-output
