#!/usr/bin/env bash
# README command 2: install what is missing, build the shipped WASM, and run every test:
# the Rust tests (native), the Node tests of the shipped .wasm, and the browser tests in headless Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || exit 1
bash scripts/build-wasm.sh || exit 1
failed=()
echo "== cargo test =="
cargo test --workspace --tests 2>&1 || failed+=("cargo test")
echo "== node tests (shipped wasm) =="
node --test tests/node/ || failed+=("node tests")
echo "== browser tests (headless Chromium) =="
node --test --test-concurrency=1 tests/e2e/ || failed+=("browser tests")
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all test suites passed"
