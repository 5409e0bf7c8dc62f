#!/usr/bin/env bash
# Builds the shipped files: the wasm builds in www/pkg/ (release with the pinned toolchain of
# scripts/ship-env.sh, then wasm-opt -Oz) with their JS glue,
# the minified bundles www/dist/cogov*.js with their stylesheets www/dist/cogov*.css, the npm package
# in dist/package/, then prints the size of everything a partner site downloads (raw and gzip).
set -euo pipefail
cd "$(dirname "$0")/.."

# One wasm per widget plus the full one (Cargo features pick which boundary methods exist):
#   pkg/cogov_bg.wasm (every widget), pkg/cogov-structure_bg.wasm, pkg/cogov-calendar_bg.wasm,
#   pkg/cogov-proposals_bg.wasm, each with its wasm-bindgen glue pkg/<name>.js.
rm -rf www/pkg
source scripts/ship-env.sh
wasm() { # name, cargo feature flags...
  local name=$1; shift
  ship_build "$@"
  wasm-bindgen --target web --out-dir www/pkg --out-name "$name" --no-typescript "$SHIP_TARGET_DIR/wasm32-unknown-unknown/release/cogov.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-debug --strip-producers \
    "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  node scripts/short-names.mjs "www/pkg/$name" # short import/export names in the wasm and its glue
}
wasm cogov
wasm cogov-structure --no-default-features
wasm cogov-calendar --no-default-features --features calendar
wasm cogov-proposals --no-default-features --features proposals
# One minified module per entry (the shared lib and the right glue inside) and a minified
# stylesheet in www/dist/: what partner pages load. The sources in www/ stay loadable as they are.
rm -rf www/dist
node scripts/bundle.mjs
# The npm package cogov in dist/package/ (scripts/package.mjs): the bundles, their css and wasm,
# types, manifest, docs and licenses, and a package.json with Cargo.toml's version.
node scripts/package.mjs
bash scripts/sizes.sh
