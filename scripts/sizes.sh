#!/usr/bin/env bash
# Prints the shipped files with raw and gzip sizes (gzip -9), and the total: what a partner page
# downloads (a bundle www/dist/cogov*.js + its www/dist/cogov*.css + its wasm), for the full bundle and
# for each one-widget bundle. Then the unbundled
# sources for comparison (loadable as modules, e.g. for debugging).
set -euo pipefail
cd "$(dirname "$0")/../www"
table() {
  local total_raw=0 total_gz=0 raw gz f
  printf '%-28s %9s %9s\n' file raw gzip
  for f in "$@"; do
    [ -f "$f" ] || continue
    raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-28s %9d %9d\n' "$f" "$raw" "$gz"
  done
  printf '%-28s %9d %9d  (%.1f KB gzip)\n' TOTAL "$total_raw" "$total_gz" "$(echo "$total_gz/1024" | bc -l)"
}
echo "shipped, every widget (dist/cogov.js: what a page with several kinds of widget loads):"
table pkg/cogov_bg.wasm dist/cogov.js dist/cogov.css
for w in structure calendar proposals; do
  echo
  echo "shipped, <cogov-$w> alone (dist/cogov-$w.js):"
  table "pkg/cogov-${w}_bg.wasm" "dist/cogov-$w.js" "dist/cogov-$w.css"
done
echo
echo "unbundled sources (same code, for reference):"
table pkg/cogov_bg.wasm pkg/cogov.js cogov.js css/*.css lib/*.js elements/*.js
