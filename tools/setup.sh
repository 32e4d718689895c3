#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs, skipping whatever is already there:
# the wasm32 target, wasm-bindgen-cli at exactly the crate's version in Cargo.lock, the npm dev
# packages (npm ci: binaryen's wasm-opt, playwright-core, axe-core, typescript) and, for tests, the
# rustfmt and clippy components (the lint stage), Debian's chromium and chromium-driver. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}); this takes about 3 minutes once"
  # --locked fails against this registry (a locked dependency version is missing), so no --locked.
  cargo install wasm-bindgen-cli --version "$want"
fi

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm dev packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component-"; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
fi

if [ "${1:-}" = "--test" ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exit 0
