#!/usr/bin/env bash
# Runs every test: native cargo test, the wasm boundary in headless Chromium, the scripting API in
# Node, and the browser end-to-end tests (Playwright). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --test

echo "== 1/4 native core: cargo test"
cargo test --workspace --quiet

echo "== 2/4 wasm boundary in headless Chromium: cargo test --target wasm32-unknown-unknown"
CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web

echo "== 3/4 scripting API in Node: node --test tests/node"
bash tools/build.sh
node --test tests/node/

echo "== 4/4 the page in headless Chromium: node --test tests/e2e"
node --test --test-concurrency=1 tests/e2e/
