#!/usr/bin/env bash
# The whole test suite: the release build's tests, the same tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, then under ThreadSanitizer (large graphs are loaded and planned
# on two threads, batch plans on every core), and a bounded libFuzzer run of each fuzz target
# (MLROADMAP_FUZZ_SECONDS between them, default 60). Run scripts/setup-debian.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."

# The compiler cache (when installed) is shared by every checkout: paths below this one are
# hashed relative to it, and the build directory is left out of the hash of debug builds.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

echo "== release build and tests"
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default

echo "== sanitized build and tests"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan

echo "== thread-sanitized build and tests"
cmake --preset tsan >/dev/null
cmake --build --preset tsan
ctest --preset tsan

echo "== fuzzing"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
# The fuzzing time is shared: half for graphs and overlays, a quarter each for progress files
# and CSV profiles.
fuzz_seconds=${MLROADMAP_FUZZ_SECONDS:-60}
graph_seconds=$((fuzz_seconds / 2))
progress_seconds=$((fuzz_seconds / 4))
FUZZ_TARGET=fuzz_graph ./scripts/fuzz.sh "$graph_seconds"
FUZZ_TARGET=fuzz_progress ./scripts/fuzz.sh "$progress_seconds"
FUZZ_TARGET=fuzz_csv ./scripts/fuzz.sh $((fuzz_seconds - graph_seconds - progress_seconds))
