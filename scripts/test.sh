#!/usr/bin/env bash
# Runs every test. Installs what it needs first (scripts/setup.sh skips what is present).
#   formatting, clippy (warnings denied), native unit + integration + doc tests (including the
#   python-dateutil cross-check and the .ics client parsers), wasm-bindgen tests in node and in
#   headless Chromium, the JSON Schema check of the default data and the schema's agreement with the
#   decoder over the decode corpus, the TypeScript declarations
#   (tsc --strict) and the custom-elements.json check, the size budget of each shipped bundle
#   (scripts/size-check.sh against scripts/size-budgets.txt), a bounded run of each fuzz target
#   (scripts/fuzz.sh; COGOV_FUZZ_SECONDS each, default 20) and page tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32, warnings denied)"
# The wasm bans: clippy.toml's disallowed methods and types are denied by every run, the native
# one included (test code, the CLI and the integration tests allow them where they start: see
# src/lib.rs); `{:?}` and `str` slicing (src/lib.rs) by the wasm32 runs, which lint what the
# shipped wasm compiles.
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --quiet -- -D warnings
for features in "" calendar proposals api; do # the one-widget wasm builds (see scripts/build.sh), and api alone
  cargo clippy --lib --target wasm32-unknown-unknown --quiet --no-default-features --features "$features" -- -D warnings
done

step "native tests (unit, integration, doc)"
cargo test --quiet

step "wasm-bindgen tests in node"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
  cargo test --target wasm32-unknown-unknown --test wasm

step "JSON Schema and cross-references of the default data; schema and decoder agree over the decode corpus"
node tests/schema/check.mjs
node tests/schema/agreement.mjs # the decoder's verdicts: target/decode_verdicts.jsonl, written by tests/decode_golden.rs above
node --no-warnings tests/js/i18n.mjs
node --no-warnings tests/js/codes.mjs # the elements' codes against src/codes.rs' lists (as docs/FORMAT.md and docs/ELEMENTS.md hold them)

step "TypeScript declarations (tsc --strict over a consumer) and the Custom Elements Manifest"
node_modules/.bin/tsc -p tests/types
node tests/types/manifest.mjs

step "build the shipped files"
bash scripts/build.sh

step "size budgets of the shipped bundles (scripts/size-budgets.txt)"
bash scripts/size-check.sh

step "fuzzing: each target for ${COGOV_FUZZ_SECONDS:-20} s (scripts/fuzz.sh, fuzz/README.md)"
(cd fuzz && cargo fmt --check)
bash scripts/fuzz.sh all "${COGOV_FUZZ_SECONDS:-20}"

step "page tests in headless Chromium"
node tests/page/run.mjs

printf '\nall tests passed\n'
