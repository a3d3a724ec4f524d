#!/usr/bin/env bash
# Installs the build into a staging prefix and runs the installed binary from another
# directory; checks the other installed files.
# usage: check_install.sh BUILD_DIR
set -u
build=$1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build" --prefix "$stage" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
failed=0
for file in bin/mlroadmap share/mlroadmap/ml-engineer.json \
    share/bash-completion/completions/mlroadmap share/zsh/vendor-completions/_mlroadmap \
    share/fish/vendor_completions.d/mlroadmap.fish; do
  [ -e "$stage/$file" ] || { echo "FAIL: $file is not installed"; failed=1; }
done
if command -v scdoc >/dev/null; then
  [ -e "$stage/share/man/man1/mlroadmap.1.gz" ] || { echo "FAIL: the manual page is not installed"; failed=1; }
  if command -v groff >/dev/null; then
    warnings=$(zcat "$stage/share/man/man1/mlroadmap.1.gz" | groff -man -ww -z 2>&1)
    [ -z "$warnings" ] || { echo "FAIL: groff warns about the manual page: $warnings"; failed=1; }
  fi
fi
cd / || exit 1
out=$("$stage/bin/mlroadmap" plan --have python,sql) || { echo "FAIL: the installed binary failed"; failed=1; }
printf '%s\n' "$out" | grep -q '^Stage 1: start now' || { echo "FAIL: no plan from the installed binary"; failed=1; }
# The installed copy of the graph loads and plans like the built-in one.
diff <("$stage/bin/mlroadmap" plan --have python,sql --graph "$stage/share/mlroadmap/ml-engineer.json") \
     <(printf '%s\n' "$out") >/dev/null || { echo "FAIL: the installed graph differs from the built-in one"; failed=1; }
[ $failed = 0 ] && echo "Install checks passed"
exit $failed
