#!/usr/bin/env bash
# Fuzzes the graph loader, planner and renderers for SECONDS (default 60) with libFuzzer,
# starting from tests/fuzz/corpus. New interesting inputs stay in build-fuzz/corpus; a crash
# is saved as build-fuzz/crash-* and fails the run: copy it into tests/fuzz/regressions/.
# Needs the fuzz preset built: cmake --preset fuzz && cmake --build --preset fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# FUZZ_TARGET=fuzz_csv fuzzes the CSV profile reader and match instead, from tests/fuzz/corpus-csv.
name=${FUZZ_TARGET:-fuzz_graph}
target=build-fuzz/$name
[ -x "$target" ] || { echo "fuzz.sh: build the fuzz preset first" >&2; exit 2; }
corpus=build-fuzz/corpus
seeds=(tests/fuzz/corpus)
if [ "$name" = fuzz_csv ]; then
  corpus=build-fuzz/corpus-csv
  seeds=(tests/fuzz/corpus-csv)
fi
mkdir -p "$corpus"
[ -d tests/fuzz/regressions ] && seeds+=(tests/fuzz/regressions)
"$target" "$corpus" "${seeds[@]}" \
  -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/ -print_final_stats=1 2>&1 | tail -n 12
status=${PIPESTATUS[0]}
if [ "$status" != 0 ]; then
  echo "fuzz.sh: libFuzzer found a problem (exit $status); see build-fuzz/crash-*" >&2
  exit 1
fi
echo "fuzz.sh: no crash in ${seconds}s"
