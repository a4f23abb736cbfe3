#!/usr/bin/env bash
# Store-ready packages, one command:
#   dist/fineprint-chrome-VERSION.zip    for the Chrome Web Store (Chrome's manifest: no Firefox keys)
#   dist/fineprint-firefox-VERSION.xpi   for addons.mozilla.org, built by Mozilla's web-ext (npm)
#   dist/checker/                        the no-install checker as a static site (open dist/checker/)
# Each package holds only what the extension runs: manifest.json, _locales/ (when there is one) and the
# browser-loadable files of extension/ (scripts, pages, styles, data, the optimized WASM); never tests,
# fixtures, Rust sources, source maps or TypeScript declarations. The version has one source, the crate's
# (crate/Cargo.toml); manifest.json must carry the same, or nothing is built.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[package]\033[0m %s\n' "$*"; }

version=$(awk '/^\[package\]/{p=1; next} /^\[/{p=0} p && /^version[[:space:]]*=/{gsub(/.*=[[:space:]]*"|".*/, ""); print; exit}' crate/Cargo.toml)
[ -n "$version" ] || { echo "package: cannot read [package] version from crate/Cargo.toml" >&2; exit 1; }
manifest_version=$(node -p "require('./manifest.json').version")
if [ "$version" != "$manifest_version" ]; then
  echo "package: crate/Cargo.toml says version $version but manifest.json says $manifest_version; the crate's version is the one source: set manifest.json's to $version" >&2
  exit 1
fi

bash scripts/setup.sh >/dev/null
bash scripts/build-wasm.sh

rm -rf dist
stage=dist/.stage
mkdir -p "$stage/common"

# What a browser loads from the extension folder, by type; nothing from test or fixture folders.
find extension -type f \
  \( -name '*.js' -o -name '*.mjs' -o -name '*.json' -o -name '*.html' -o -name '*.css' -o -name '*.wasm' \
     -o -name '*.png' -o -name '*.svg' -o -name '*.woff2' -o -name '*.ico' \) \
  ! -name '*.map' ! -name '*.d.ts' ! -name '*.test.*' ! -name 'package.json' ! -name '.*' \
  ! -path '*/test/*' ! -path '*/tests/*' ! -path '*/fixtures/*' ! -path '*/node_modules/*' -print0 |
  while IFS= read -r -d '' f; do
    mkdir -p "$stage/common/$(dirname "$f")"
    cp "$f" "$stage/common/$f"
  done
[ -d _locales ] && cp -r _locales "$stage/common/_locales"

# One manifest per store. Chrome: without Firefox's keys (browser_specific_settings, background.scripts),
# which Chrome only warns about. Firefox: the repository's manifest as it is (web-ext lints it in the tests).
for browser in chrome firefox; do
  mkdir -p "$stage/$browser"
  cp -r "$stage/common/." "$stage/$browser/"
  node -e '
    const fs = require("fs");
    const [browser, out] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync("manifest.json", "utf8"));
    if (browser === "chrome") {
      delete m.browser_specific_settings;
      if (m.background) delete m.background.scripts;
    }
    // Every file the manifest names must be in the package.
    const named = [m.background?.service_worker, ...(m.background?.scripts ?? []), m.action?.default_popup, m.options_ui?.page,
      ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...(m.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []),
      ...Object.values(m.icons ?? {}), ...Object.values(m.action?.default_icon ?? {})].filter(Boolean);
    const missing = named.filter((f) => !fs.existsSync(`${out}/${f}`));
    if (missing.length) { console.error(`package: manifest.json names files that are not built: ${missing.join(", ")}`); process.exit(1); }
    fs.writeFileSync(`${out}/manifest.json`, JSON.stringify(m, null, 2) + "\n");
  ' "$browser" "$stage/$browser"
done

webext=node_modules/.bin/web-ext
"$webext" build --source-dir "$stage/chrome" --artifacts-dir dist --filename "fineprint-chrome-$version.zip" --overwrite-dest >/dev/null
"$webext" build --source-dir "$stage/firefox" --artifacts-dir dist --filename "fineprint-firefox-$version.xpi" --overwrite-dest >/dev/null

# The checker as a static site: its folder and the folders it loads, in the same layout, and an index
# at the top that leads to it.
site=dist/checker
mkdir -p "$site"
for d in checker ui shared pkg; do cp -r "$stage/common/extension/$d" "$site/$d"; done
[ -d "$stage/common/_locales" ] && cp -r "$stage/common/_locales" "$site/_locales"
cat > "$site/index.html" <<'HTML'
<!doctype html>
<meta charset="utf-8">
<title>Fine Print checker</title>
<meta http-equiv="refresh" content="0; url=checker/">
<p><a href="checker/">Fine Print: check a model license</a></p>
HTML
rm -rf "$stage"

for f in "dist/fineprint-chrome-$version.zip" "dist/fineprint-firefox-$version.xpi"; do
  say "$f: $(stat -c %s "$f") bytes"
done
say "dist/checker/: $(find "$site" -type f | wc -l) files, $(du -sb "$site" | cut -f1) bytes (open dist/checker/ on any static host)"
