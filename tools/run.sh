#!/usr/bin/env bash
# Builds the release wasm and serves the app with its security headers (tools/serve.mjs).
# Usage: tools/run.sh [PORT]   (default 8000, or $PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8000}}
bash tools/build.sh
echo
echo "  Backprop Lab is running at http://127.0.0.1:$port/   (Ctrl-C stops it)"
echo
exec node tools/serve.mjs . "$port"
