#!/usr/bin/env bash
# README command 2: install what is missing, build the shipped WASM, and run every test:
# the Rust tests (native), the Node tests of the shipped .wasm, the browser tests in headless Chromium,
# and the extension in headless Firefox (skipped only when FINEPRINT_SKIP_FIREFOX=1 says so).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || exit 1
firefox_setup=ok
if [ "${FINEPRINT_SKIP_FIREFOX:-0}" != 1 ]; then
  # A failed Firefox install fails the Firefox section below (its tests say what is missing), not the rest.
  bash scripts/setup.sh --firefox || firefox_setup=failed
fi
bash scripts/build-wasm.sh || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=()
echo "== cargo test =="
cargo test --workspace --tests --no-fail-fast 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" = 0 ] || failed+=("cargo test")
echo "== node tests (the shipped wasm, the manifest, the extension's data) =="
node --test tests/node/ 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" = 0 ] || failed+=("node tests")
echo "== browser tests (headless Chromium) =="
node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" = 0 ] || failed+=("browser tests")
echo "== Firefox tests (headless firefox-esr through geckodriver, the extension installed from the repository root) =="
skipped_sections=""
if [ "${FINEPRINT_SKIP_FIREFOX:-0}" = 1 ]; then
  # The tests of the section, counted where they are declared (top-level test() calls), so the closing
  # line can say how many were not run.
  n=$(cat tests/firefox/*.test.mjs | grep -c '^test(')
  echo "SKIPPED on purpose: FINEPRINT_SKIP_FIREFOX=1 ($n tests not run)"
  skipped_sections="Firefox tests|FINEPRINT_SKIP_FIREFOX=1|$n"
else
  [ "$firefox_setup" = ok ] || echo "!! setup.sh --firefox FAILED: Firefox or geckodriver could not be installed; the Firefox tests will fail (set FINEPRINT_SKIP_FIREFOX=1 to skip them)"
  node --test --test-concurrency=1 tests/firefox/ 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" = 0 ] || failed+=("Firefox tests")
fi
# The closing lines over all runners (scripts/test-tally.sh): cancelled Node tests count as failed;
# skipped, todo and ignored tests, and sections not run, are shown and counted as skipped.
[ ${#failed[@]} -eq 0 ] || echo "FAILED suites: ${failed[*]}"
FAILED_SUITES="$(printf '%s\n' "${failed[@]}")" SKIPPED_SECTIONS="$skipped_sections" bash scripts/test-tally.sh "$log"
