#!/usr/bin/env bash
# Writes a self-contained static site to dist/ (or $1): index.html, the ES modules, the stylesheet,
# the exercise sheet's page (www/sheet/) and the optimised wasm, plus _headers (the security headers
# of tools/csp.mjs, in the format of Netlify and Cloudflare Pages). Any static host can serve it;
# .wasm must be served as application/wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
bash tools/build.sh
rm -rf "$out"
mkdir -p "$out/www/pkg"
cp index.html "$out/"
cp www/*.js www/style.css "$out/www/" # every module, also those loaded on demand: the Experiments tab's and its workers' script (experiments-worker.js, which imports pkg/backprop_lab.js)
mkdir -p "$out/www/sheet"
cp www/sheet/*.html www/sheet/*.js www/sheet/*.css "$out/www/sheet/" # the exercise sheet's page (opened in its own tab)
cp www/pkg/backprop_lab.js www/pkg/backprop_lab_bg.wasm "$out/www/pkg/"
node tools/csp.mjs index.html > "$out/_headers"
echo "[dist] wrote $(find "$out" -type f | wc -l) files to $out/ ($(du -sh "$out" | cut -f1)); try: node tools/serve.mjs $out"
