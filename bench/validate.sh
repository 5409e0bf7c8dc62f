#!/usr/bin/env bash
# Times `cogov validate` on a synthetic 10 MB feed (budget: under 1 s natively).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
node bench/gen_feed.mjs "${1:-10}" /tmp/cogov-bench.json
for i in 1 2 3; do
  /usr/bin/time -f "cogov validate: %e s wall, %M KB max RSS" target/release/cogov validate /tmp/cogov-bench.json >/dev/null
done
