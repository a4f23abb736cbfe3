#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there:
#   the wasm32 target, wasm-bindgen-cli at exactly the crate's wasm-bindgen version (from Cargo.lock),
#   Debian's chromium (for the browser tests; only with --browser), and the npm packages from package-lock.json.
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=0
for a in "$@"; do [ "$a" = "--browser" ] && want_browser=1; done
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
[ -n "$wb_version" ] || { echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (a few minutes; --locked fails on this registry, see shared toolchain notes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || ! cmp -s package-lock.json node_modules/.package-lock.json.fineprint 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json.fineprint
fi

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian chromium (about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
say "ready"
