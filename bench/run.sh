#!/usr/bin/env bash
# Runs every benchmark: builds what is missing or stale (release wasm into www/pkg, the native CLI
# and the calendar example), then bench/calendar.mjs, the native calendar breakdown and
# bench/proposals.mjs, then the structure widget's first render (bench/first_render.mjs). Extra arguments go to both node scripts (e.g. `--runs 9`).
# Usage: bash bench/run.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
[ -d node_modules/rrule ] || npm install --no-audit --no-fund
newest_src=$(find src Cargo.toml Cargo.lock -newer www/pkg/cogov_bg.wasm 2>/dev/null | head -1 || true)
if [ ! -f www/pkg/cogov_bg.wasm ] || [ -n "$newest_src" ]; then
  echo "== building the release wasm (scripts/build.sh)"
  bash scripts/build.sh
fi
echo "== building the native CLI and the calendar example (release profile, as shipped: opt-level z)"
cargo build --release --quiet --bin cogov --example calendar_speed
echo
echo "== bench/calendar.mjs"
node bench/calendar.mjs --write-feed /tmp/cogov-bench-calendar.json "$@"
echo
echo "== native breakdown of the 1,000-rule expansion (examples/calendar_speed.rs)"
"$CARGO_TARGET_DIR/release/examples/calendar_speed" /tmp/cogov-bench-calendar.json
echo
echo "== bench/proposals.mjs"
node bench/proposals.mjs "$@"
echo
echo "== bench/first_render.mjs (the structure widget's first render in Chromium)"
node bench/first_render.mjs
