#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there:
#   the wasm32 target, wasm-bindgen-cli at exactly the crate's wasm-bindgen version (from Cargo.lock),
#   Debian's chromium (for the browser tests; only with --browser), the npm packages from package-lock.json,
#   and, only with --firefox (the Firefox end-to-end tests): Debian's firefox-esr, openssl (the tests make
#   a certificate) and geckodriver (no Debian package: built from crates.io, pinned, about 3 minutes).
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=0
want_firefox=0
for a in "$@"; do
  case "$a" in
    --browser) want_browser=1 ;;
    --firefox) want_firefox=1 ;;
    *) echo "setup: unknown option $a (known: --browser, --firefox)" >&2; exit 2 ;;
  esac
done
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

if [ "$want_firefox" = 1 ]; then
  # The manifest's browser_specific_settings.gecko.strict_min_version: an older Firefox refuses the add-on.
  ff_min=$(node -p "(require('./manifest.json').browser_specific_settings?.gecko?.strict_min_version ?? '0').split('.')[0]")
  ff_major() { firefox-esr --version 2>/dev/null | sed -n 's/^Mozilla Firefox \([0-9]*\).*/\1/p'; }
  missing=()
  [ -x /usr/bin/firefox-esr ] && [ "$(ff_major)" -ge "$ff_min" ] 2>/dev/null || missing+=(firefox-esr)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian ${missing[*]} for the Firefox tests (about a minute)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
    v=$(ff_major)
    if [ -z "$v" ] || [ "$v" -lt "$ff_min" ]; then
      echo "setup: firefox-esr ${v:-missing} is older than the manifest's strict_min_version $ff_min (is the debian-security source enabled?)" >&2
      exit 1
    fi
  fi
  # geckodriver: not packaged by Debian; pinned, built with its own lock file.
  gd_version=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$gd_version" ]; then
    say "installing geckodriver $gd_version from crates.io (about 3 minutes)"
    cargo install geckodriver --version "$gd_version" --locked --force
  fi
fi
say "ready"
