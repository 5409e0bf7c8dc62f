#!/usr/bin/env bash
# Checks each shipped bundle (after scripts/build.sh) against its budget in scripts/size-budgets.txt:
# prints size, budget and headroom (gzip -9 bytes of wasm + js + css) for every bundle, and fails
# when one is over its budget, when a bundle has no budget, or when one of its files is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
budgets=scripts/size-budgets.txt
files() { # bundle -> its files, as scripts/sizes.sh lists them
  case $1 in
    full) echo www/pkg/cogov_bg.wasm www/dist/cogov.js www/dist/cogov.css ;;
    *) echo "www/pkg/cogov-$1_bg.wasm" "www/dist/cogov-$1.js" "www/dist/cogov-$1.css" ;;
  esac
}
fail=0
for b in $(awk '!/^#/ && NF { print $1 }' "$budgets"); do
  case $b in full|structure|calendar|proposals) ;; *) echo "size-check: unknown bundle '$b' in $budgets" >&2; fail=1 ;; esac
done
printf '%-10s %9s %9s %9s\n' bundle gzip budget headroom
for bundle in full structure calendar proposals; do
  budget=$(awk -v b="$bundle" '$1 == b { print $2 }' "$budgets")
  size=0
  for f in $(files "$bundle"); do
    if [ ! -f "$f" ]; then echo "size-check: $f is missing (run scripts/build.sh)" >&2; exit 1; fi
    size=$((size + $(gzip -9 -c "$f" | wc -c)))
  done
  if [ -z "$budget" ]; then
    printf '%-10s %9d %9s %9s  NO BUDGET in %s\n' "$bundle" "$size" - - "$budgets"; fail=1; continue
  fi
  headroom=$((budget - size))
  status=ok
  if [ "$headroom" -lt 0 ]; then status="OVER BUDGET"; fail=1; fi
  printf '%-10s %9d %9d %9d  (%5.1f %%)  %s\n' "$bundle" "$size" "$budget" "$headroom" \
    "$(echo "100 * $headroom / $budget" | bc -l)" "$status"
done
if [ "$fail" -ne 0 ]; then
  echo "size-check: a bundle is over its budget (or has none): shrink it, or raise its line in $budgets deliberately, saying why in the commit" >&2
  exit 1
fi
