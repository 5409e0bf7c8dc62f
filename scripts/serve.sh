#!/usr/bin/env bash
# Builds the wasm and serves the demo page (www/) with the default dataset on 127.0.0.1.
# Usage: bash scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8080}
COGOV_SETUP_BROWSER=0 bash scripts/setup.sh
bash scripts/build.sh
echo
echo "demo: http://127.0.0.1:$port/   (Ctrl-C stops)"
exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
