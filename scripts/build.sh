#!/usr/bin/env bash
# README command 1: install what is missing, build everything (the optimized WASM into extension/pkg/,
# the native CLI), then run the main job on a bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
cargo build -q --release -p fineprint --bin fineprint
echo "[build] CLI: target/release/fineprint"
example=(crate/data/corpus/ai/llama-3.1-community.txt crate/data/corpus/ai/llama-3.1-aup.txt)
echo
echo "== fineprint analyze ${example[*]} =="
target/release/fineprint analyze --hf-license llama3.1 "${example[@]}"
cat <<EOF2

== Next ==
Load the extension: chrome://extensions -> Developer mode -> "Load unpacked" -> choose $(pwd)
  (Firefox: about:debugging -> This Firefox -> "Load Temporary Add-on" -> choose $(pwd)/manifest.json)
Open the checker:   extension/checker/index.html, served as plain files, e.g.
  python3 -m http.server 8000   then open http://localhost:8000/extension/checker/
JSON report:        target/release/fineprint analyze --json FILE...
EOF2
