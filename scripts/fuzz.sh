#!/usr/bin/env bash
# Fuzzes one target for SECONDS (default 60) with libFuzzer and the target's dictionary, starting
# from its seed corpus and the inputs that once made it fail. FUZZ_TARGET names the target:
#   fuzz_graph     (default) graphs, overlays and profiles: the loader, planner and renderers
#   fuzz_csv       CSV profiles as batch and report read them, and name lists for match
#   fuzz_progress  progress files and Markdown roadmaps read back by done --from
# New interesting inputs stay in build-fuzz/corpus[-csv|-progress]; a crash is saved as
# build-fuzz/crash-* and fails the run: copy it into the target's regressions directory.
# Extra arguments go to libFuzzer (-jobs=2 -workers=2 uses both cores).
# Needs the fuzz preset built: cmake --preset fuzz && cmake --build --preset fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
name=${FUZZ_TARGET:-fuzz_graph}
case $name in
  fuzz_graph) suffix= dict=graph ;;
  fuzz_csv) suffix=-csv dict=csv ;;
  fuzz_progress) suffix=-progress dict=progress ;;
  *) echo "fuzz.sh: unknown FUZZ_TARGET '$name' (fuzz_graph, fuzz_csv or fuzz_progress)" >&2; exit 2 ;;
esac
target=build-fuzz/$name
[ -x "$target" ] || { echo "fuzz.sh: build the fuzz preset first" >&2; exit 2; }
corpus=build-fuzz/corpus$suffix
seeds=(tests/fuzz/corpus$suffix)
[ -d tests/fuzz/regressions$suffix ] && seeds+=(tests/fuzz/regressions$suffix)
mkdir -p "$corpus"
"$target" "$corpus" "${seeds[@]}" -dict=tests/fuzz/dict/$dict.dict \
  -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/ -print_final_stats=1 "$@" 2>&1 | tail -n 12
status=${PIPESTATUS[0]}
if [ "$status" != 0 ]; then
  echo "fuzz.sh: libFuzzer found a problem in $name (exit $status); see build-fuzz/crash-*" >&2
  exit 1
fi
echo "fuzz.sh: $name, no crash in ${seconds}s"
