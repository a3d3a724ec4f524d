#!/usr/bin/env bash
# Builds the Debian package with CPack and runs lintian over it: any error fails the test
# (an extended description, changelog.Debian.gz, a machine-readable copyright file, a
# compressed manual page and a stripped binary are what Debian asks for).
# usage: check_package.sh BUILD_DIR
set -u
build=$1
if ! command -v lintian >/dev/null; then
  echo "SKIPPED: lintian is not installed (apt-get install lintian; scripts/setup-debian.sh does)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || {
  echo "FAIL: cpack could not build the package"; cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/mlroadmap_*.deb)
# lintian's own profile, without a user's configuration; --fail-on error is its default.
report=$(lintian --no-cfg --fail-on error --display-level '>=warning' "$deb" 2>&1)
status=$?
[ -n "$report" ] && printf '%s\n' "$report"
if [ $status -ne 0 ] || printf '%s\n' "$report" | grep -q '^E: '; then
  echo "FAIL: lintian reports errors in $(basename "$deb")"
  exit 1
fi
echo "lintian: no errors in $(basename "$deb")"
