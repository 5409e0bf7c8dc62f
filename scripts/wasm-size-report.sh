#!/usr/bin/env bash
# Where the wasm's bytes go: builds a copy that keeps function names, optimises it like
# build.sh, and prints the stripped size plus byte sums by category, then twiggy's top items.
# Needs twiggy (`cargo install twiggy`); not part of the tests.
# Usage: bash scripts/wasm-size-report.sh [N]   (N = how many top items, default 30)
#        COGOV_CARGO_ARGS=--no-default-features bash scripts/wasm-size-report.sh   (extra cargo
#        build args, e.g. the structure-only build)
# KEEP=dir keeps named.wasm and stripped.wasm there (for twiggy paths / wasm-dis).
# Builds the way the shipped wasm is built (scripts/ship-env.sh: pinned nightly, immediate-abort).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v twiggy >/dev/null || { echo "twiggy not found: cargo install twiggy" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
F="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals"
source scripts/ship-env.sh
# shellcheck disable=SC2086 # COGOV_CARGO_ARGS is a list of words
ship_build ${COGOV_CARGO_ARGS:-}
wasm-bindgen --target web --out-dir "$out" --no-typescript --keep-debug "$SHIP_TARGET_DIR/wasm32-unknown-unknown/release/cogov.wasm"
node_modules/.bin/wasm-opt -Oz -g $F "$out/cogov_bg.wasm" -o "$out/named.wasm"
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $F "$out/named.wasm" -o "$out/stripped.wasm"
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$out/named.wasm" "$out/stripped.wasm" "$KEEP/"
echo "stripped: raw $(wc -c < "$out/stripped.wasm"), gzip $(gzip -9c "$out/stripped.wasm" | wc -c)"
twiggy top -n 100000 "$out/named.wasm" --format csv > "$out/all.csv"
python3 - "$out/all.csv" <<'PY'
import csv, collections, re, sys
sums = collections.Counter()
for r in csv.DictReader(open(sys.argv[1])):
    n, b = re.sub(r'\[[0-9a-f]{16}\]', '', r['Name']), int(r['ShallowSize'])  # names carry crate hashes
    if 'function names' in n or 'custom section' in n:
        continue
    if 'core::slice::sort' in n: k = 'std sort'
    elif 'flt2dec' in n or 'f64' in n or 'float' in n: k = 'float formatting'
    elif n.startswith('data segment'): k = 'data'
    elif 'serde' in n: k = 'serde'
    elif 'shim' in n: k = 'export shims (inlined views)'
    elif 'dlmalloc' in n or 'rdl_' in n: k = 'allocator'
    elif 'hashbrown' in n: k = 'hashbrown'
    elif 'chrono' in n: k = 'chrono'
    elif 'fmt' in n: k = 'fmt'
    elif 'cogov::' in n: k = 'cogov::' + n.split('cogov::', 1)[1].split('::')[0].split('>')[0]
    elif 'core' in n: k = 'core'
    elif 'alloc' in n: k = 'alloc'
    else: k = 'other'
    sums[k] += b
for k, v in sums.most_common():
    print(f'{v:8d}  {k}')
PY
twiggy top -n "${1:-30}" "$out/named.wasm"
