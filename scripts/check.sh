#!/usr/bin/env bash
# The whole test suite: the release build's tests, the same tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, then under ThreadSanitizer (large graphs are loaded and planned
# on two threads, batch plans on every core), and a bounded libFuzzer run over the loader,
# planner and renderers (MLROADMAP_FUZZ_SECONDS, default 60). Run scripts/setup-debian.sh
# first.
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
./scripts/fuzz.sh "${MLROADMAP_FUZZ_SECONDS:-60}"
