#!/usr/bin/env bash
# Builds the shipped WebAssembly into extension/pkg/: size-optimized cargo profile `wasm`,
# wasm-bindgen --target web (loadable by the service worker, the checker page and Node),
# then wasm-opt -Oz from the npm package binaryen (Debian's binaryen 108 breaks this module).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p fineprint --lib --target wasm32-unknown-unknown --profile wasm --no-default-features --features wasm
raw=target/wasm32-unknown-unknown/wasm/fineprint.wasm
out=extension/pkg
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
wasm-bindgen "$raw" --target web --out-dir "$out.tmp" --out-name fineprint --no-typescript
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-mutable-globals \
  "$out.tmp/fineprint_bg.wasm" -o "$out.tmp/fineprint_bg.opt.wasm"
mv "$out.tmp/fineprint_bg.opt.wasm" "$out.tmp/fineprint_bg.wasm"
rm -rf "$out" && mv "$out.tmp" "$out"
size=$(stat -c %s "$out/fineprint_bg.wasm"); gz=$(gzip -9 -c "$out/fineprint_bg.wasm" | wc -c)
echo "[build-wasm] $out/fineprint_bg.wasm: $size bytes, $gz gzipped"
