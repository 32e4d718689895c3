#!/usr/bin/env bash
# Lints (rustfmt, clippy for the native and the wasm32 build, tsc on the front end's JSDoc types),
# then runs every test: native cargo test, the wasm boundary in headless Chromium, the scripting API
# in Node, and the browser end-to-end tests (Playwright). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --test
# www/pkg: tsc checks the JS against its backprop_lab.d.ts; the Node and browser tests load it.
bash tools/build.sh

echo "== 1/5 lint: cargo fmt --check, cargo clippy (native, wasm32), npx tsc -p tsconfig.json"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
npx tsc -p tsconfig.json

echo "== 2/5 native core: cargo test"
cargo test --workspace --quiet

echo "== 3/5 wasm boundary in headless Chromium: cargo test --target wasm32-unknown-unknown"
CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web

echo "== 4/5 scripting API in Node: node --test tests/node"
node --test tests/node/

echo "== 5/5 the page in headless Chromium: node --test tests/e2e"
node --test --test-concurrency=1 tests/e2e/
