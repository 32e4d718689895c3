#!/usr/bin/env bash
# Builds the wasm core into www/pkg/ (backprop_lab.js + backprop_lab_bg.wasm).
# Usage: tools/build.sh [--dev]   (default: release, optimised with npm binaryen's wasm-opt)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

profile=release
[ "${1:-}" = "--dev" ] && profile=dev
dir=$([ "$profile" = dev ] && echo debug || echo release)

cargo build --target wasm32-unknown-unknown --profile "$profile" --lib
wasm-bindgen --target web --out-dir www/pkg --out-name backprop_lab \
  "target/wasm32-unknown-unknown/$dir/backprop_lab.wasm"

if [ "$profile" = release ]; then
  # Debian's wasm-opt (binaryen 108) emits wasm that fails to load; npm's binaryen works.
  wasm_opt=node_modules/.bin/wasm-opt
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
    www/pkg/backprop_lab_bg.wasm -o www/pkg/backprop_lab_bg.wasm
fi
node tools/strip-docs.mjs www/pkg/backprop_lab.js
printf '[build] www/pkg/backprop_lab_bg.wasm: %s bytes (%s)\n' \
  "$(wc -c < www/pkg/backprop_lab_bg.wasm)" "$profile"
