# OLINPE national base. `make demo` and `make test` work on a fresh checkout.
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json

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
