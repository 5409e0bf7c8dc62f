#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer) on the pinned nightly of scripts/ship-env.sh.
#   bash scripts/fuzz.sh [load|rrule|gen|all] [seconds per target]     (default: all, 60 s each)
# Targets (fuzz/fuzz_targets/, shared code in fuzz/src/): `load` the feed loader on arbitrary bytes
# and every view of what loads; `rrule` the RRULE parser, validation and bounded expansion; `gen`
# random VALID feeds (lattices, deep chains, wide fans, many series...) and every view.
# Limits per input, so that blow-ups fail as crashes do: libFuzzer's -timeout (seconds) and
# -rss_limit_mb, a heap budget counted by the targets' allocator (256 MiB + 40x the feed text),
# a 1 MiB stack (the wasm's) and asserts on the views' caps (fuzz/src/lib.rs).
# New inputs go to fuzz/target/corpus/<target> (the committed seeds in fuzz/corpus/<target> are
# read, never written); a failing input lands in fuzz/artifacts/<target>/ and the run fails.
# Environment: COGOV_FUZZ_TIMEOUT (default 20: an input asks ~15 views, each may legitimately
# build a capped list of 10,000 sessions), COGOV_FUZZ_RSS_MB (default 2048), COGOV_FUZZ_JOBS
# (parallel fuzzing jobs per target, default 1), COGOV_FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ship-env.sh
which=${1:-all}
seconds=${2:-60}
timeout=${COGOV_FUZZ_TIMEOUT:-20}
rss=${COGOV_FUZZ_RSS_MB:-2048}
jobs=${COGOV_FUZZ_JOBS:-1}
case "$which" in
  all) targets=(load rrule gen) ;;
  load | rrule | gen) targets=("$which") ;;
  *) echo "usage: scripts/fuzz.sh [load|rrule|gen|all] [seconds]" >&2; exit 2 ;;
esac
fuzz=(cargo "+$SHIP_TOOLCHAIN" fuzz)
if ! "${fuzz[@]}" --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: run scripts/setup.sh" >&2
  exit 2
fi
root=$PWD
failed=()
# --sanitizer none: the core has no unsafe code, and without ASan builds are ~2x faster to run
build=()
[ "$which" = all ] || build=("$which")
"${fuzz[@]}" build --sanitizer none --fuzz-dir fuzz "${build[@]}"
for t in "${targets[@]}"; do
  case "$t" in
    load) max_len=262144 ;; # the default feed (144 KB) as it is
    rrule) max_len=1024 ;;
    gen) max_len=4096 ;;
  esac
  mkdir -p "fuzz/target/corpus/$t" "fuzz/artifacts/$t"
  printf '\n=== fuzz %s for %s s (timeout %s s per input, rss %s MB)\n' "$t" "$seconds" "$timeout" "$rss"
  start=$(date +%s)
  status=0
  parallel=()
  [ "$jobs" = 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")
  # shellcheck disable=SC2086 # COGOV_FUZZ_ARGS is a list of flags
  "${fuzz[@]}" run --sanitizer none --fuzz-dir fuzz "$t" "$root/fuzz/target/corpus/$t" "$root/fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len" \
    "${parallel[@]}" -artifact_prefix="$root/fuzz/artifacts/$t/" -print_final_stats=1 \
    ${COGOV_FUZZ_ARGS:-} 2> "fuzz/target/$t.log" || status=$?
  # the summary: executions, and what failed (a panic's message is the line after its location)
  awk '/panicked at/ { print; getline; print; next }
       /^#[0-9]+ +(INITED|DONE)|^stat::number_of_executed_units|^stat::average_exec_per_sec|==[0-9]+== ERROR|Test unit written|ALARM|heap budget|out-of-memory|SUMMARY/' \
    "fuzz/target/$t.log" | tail -20
  echo "fuzz $t: $(( $(date +%s) - start )) s, exit $status (full log: fuzz/target/$t.log)"
  if [ "$status" != 0 ]; then
    echo "fuzz $t FAILED. Reproduce: ${fuzz[*]} run --sanitizer none --fuzz-dir fuzz $t fuzz/artifacts/$t/<file>" >&2
    echo "minimize: ${fuzz[*]} tmin --sanitizer none --fuzz-dir fuzz $t fuzz/artifacts/$t/<file>" >&2
    failed+=("$t")
  fi
done
if [ "${#failed[@]}" != 0 ]; then
  echo "fuzzing failed: ${failed[*]}" >&2
  exit 1
fi
