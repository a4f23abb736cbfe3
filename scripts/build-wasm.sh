#!/usr/bin/env bash
# Builds the shipped WebAssembly into extension/pkg/: size-optimized cargo profile `wasm`,
# wasm-bindgen --target web (loadable by the service worker, the checker page and Node),
# then wasm-opt -Oz from the npm package binaryen (Debian's binaryen 108 breaks this module).
# -ocimfs 100: binaryen by default inlines every function that has one caller, whatever its size,
# which merged the engine into a few 20-65 KB functions (identify, analyze, find_all, the regex
# builder). V8 optimizes a hot WebAssembly function whole, in the background: on a first analysis
# those giants cost 600+ ms of TurboFan CPU that competed with the analysis itself (2 cores), for
# code the analysis had already finished running. Same size; BENCHMARKS.md, "Giant functions".
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p fineprint --lib --target wasm32-unknown-unknown --profile wasm --no-default-features --features wasm
raw=target/wasm32-unknown-unknown/wasm/fineprint.wasm
out=extension/pkg
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
wasm-bindgen "$raw" --target web --out-dir "$out.tmp" --out-name fineprint --no-typescript
node_modules/.bin/wasm-opt -Oz -ocimfs 100 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-mutable-globals \
  "$out.tmp/fineprint_bg.wasm" -o "$out.tmp/fineprint_bg.opt.wasm"
mv "$out.tmp/fineprint_bg.opt.wasm" "$out.tmp/fineprint_bg.wasm"
rm -rf "$out" && mv "$out.tmp" "$out"
size=$(stat -c %s "$out/fineprint_bg.wasm"); gz=$(gzip -9 -c "$out/fineprint_bg.wasm" | wc -c)
echo "[build-wasm] $out/fineprint_bg.wasm: $size bytes, $gz gzipped"
