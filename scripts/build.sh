#!/usr/bin/env bash
# Builds the shipped files: www/pkg/cogov_bg.wasm (release, wasm-opt -Oz), its JS glue and the
# minified bundle www/dist/cogov.js + www/dist/cogov.css, then prints the size of everything a partner site downloads (raw and gzip).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --no-typescript target/wasm32-unknown-unknown/release/cogov.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --strip-debug --strip-producers \
  www/pkg/cogov_bg.wasm -o www/pkg/cogov_bg.wasm
# One minified module (every element, the shared lib and the wasm-bindgen glue) and a minified
# stylesheet in www/dist/: what partner pages load. The sources in www/ stay loadable as they are.
rm -rf www/dist
node_modules/.bin/esbuild www/cogov.js --bundle --format=esm --minify --target=es2022 --log-level=warning \
  --define:COGOV_CSS='"./cogov.css"' --outfile=www/dist/cogov.js
node_modules/.bin/esbuild www/cogov.css --minify --log-level=warning --outfile=www/dist/cogov.css
bash scripts/sizes.sh
