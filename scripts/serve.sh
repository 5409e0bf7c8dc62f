#!/usr/bin/env bash
# Builds the wasm, publishes the default dataset's calendar subscriptions (`cogov publish` into
# www/subscribe/, which the demo's Korean calendar links with ics-base) and serves the demo page
# (www/) with the default dataset on 127.0.0.1, with CORS (Access-Control-Allow-Origin: *), the
# right MIME types, gzip and ETag/304: scripts/serve.mjs, a few lines of node with no dependency
# (docs/EMBEDDING.md tries it from a page on another origin).
# Usage: bash scripts/serve.sh [PORT] [--no-cors]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
cors=()
for a in "$@"; do
  case $a in
    --no-cors) cors=(--no-cors) ;;
    *) port=$a ;;
  esac
done
COGOV_SETUP_BROWSER=0 bash scripts/setup.sh
bash scripts/build.sh
cargo run --quiet -- publish www/data/feed.json --out www/subscribe --base-url "http://127.0.0.1:$port/subscribe/"
echo
echo "demo: http://127.0.0.1:$port/   subscriptions: http://127.0.0.1:$port/subscribe/index.json   (Ctrl-C stops)"
exec node scripts/serve.mjs --port "$port" "${cors[@]}" www
