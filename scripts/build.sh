#!/usr/bin/env bash
# Builds the shipped files: www/pkg/cogov_bg.wasm (release, wasm-opt -Oz) and its JS glue,
# then prints the size of everything a partner site downloads (raw and gzip).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown --quiet
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --no-typescript target/wasm32-unknown-unknown/release/cogov.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --strip-debug --strip-producers \
  www/pkg/cogov_bg.wasm -o www/pkg/cogov_bg.wasm
bash scripts/sizes.sh
