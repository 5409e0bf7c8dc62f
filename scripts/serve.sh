#!/usr/bin/env bash
# Builds the wasm, publishes the default dataset's calendar subscriptions (`cogov publish` into
# www/subscribe/, which the demo's Korean calendar links with ics-base) and serves the demo page
# (www/) on 127.0.0.1.
# Usage: bash scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8080}
COGOV_SETUP_BROWSER=0 bash scripts/setup.sh
bash scripts/build.sh
cargo run --release --quiet -- publish www/data/feed.json --out www/subscribe --base-url "http://127.0.0.1:$port/subscribe/"
echo
echo "demo: http://127.0.0.1:$port/   subscriptions: http://127.0.0.1:$port/subscribe/index.json   (Ctrl-C stops)"
exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
