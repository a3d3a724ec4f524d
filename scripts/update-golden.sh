#!/usr/bin/env bash
# Rewrites tests/golden/ from the current binary. Read `git diff tests/golden` before committing:
# every change there is a change users will see.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build"
MLROADMAP_UPDATE_GOLDEN=1 ctest --test-dir "$build" -R '^e2e\.' --output-on-failure
