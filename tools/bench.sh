#!/usr/bin/env bash
# The benchmark: builds the release wasm, then prints native and in-browser figures (tools/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --test
bash tools/build.sh
node tools/bench.mjs
