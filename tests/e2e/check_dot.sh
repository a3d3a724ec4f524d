#!/usr/bin/env bash
# Draws graphs and plans with Graphviz: `dot` must accept them with no error and no warning.
# usage: check_dot.sh BINARY FIXTURES_DIR
set -u
binary=$1 fixtures=$2
if ! command -v dot >/dev/null; then
  echo "SKIPPED: Graphviz is not installed (apt-get install graphviz; scripts/setup-debian.sh does)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
check() {  # name, then mlroadmap arguments
  local name=$1
  shift
  local errors status
  "$binary" "$@" >"$work/input.dot" || { echo "FAIL: $name: mlroadmap failed"; failed=1; return; }
  errors=$(dot -Tsvg "$work/input.dot" 2>&1 >/dev/null)
  status=$?
  if [ "$status" != 0 ] || [ -n "$errors" ]; then
    echo "FAIL: $name: dot exited $status"
    printf '%s\n' "$errors" | head -5
    failed=1
  fi
}
check builtin-graph graph --format dot
check builtin-plan plan --have python,sql --format dot
check builtin-plan-graph graph --goal nlp-engineer --format dot
check small-graph graph --graph "$fixtures/small.json" --format dot
check hostile-graph graph --graph "$fixtures/hostile.json" --format dot
check hostile-plan plan --graph "$fixtures/hostile.json" --format dot
check real-world-ids-graph graph --graph "$fixtures/real-world-ids.json" --format dot
check real-world-ids-plan plan --graph "$fixtures/real-world-ids.json" --format dot
# Each id is one node, whatever ':', '/', '@' or '.' it holds: none is read as a port.
nodes=$("$binary" graph --graph "$fixtures/real-world-ids.json" --format dot | dot -Tplain |
  awk '$1 == "node" { print $2 }' | tr -d '"' | sort)
expected=$("$binary" skills --graph "$fixtures/real-world-ids.json" -q | sort)
[ "$nodes" = "$expected" ] || { echo "FAIL: real-world-ids: the nodes are not the skills"; failed=1; }
# Names are drawn as written: quotes, backslashes, '&' (Graphviz decodes entities), '<', '>',
# unicode.
for f in hostile-names small; do
  "$binary" graph --graph "$fixtures/$f.json" --format dot | dot -Tsvg |
    python3 "$(dirname "$0")/check_dot_labels.py" "$fixtures/$f.json" ||
    { echo "FAIL: $f: Graphviz draws names other than the graph's"; failed=1; }
done
[ $failed = 0 ] && echo "Graphviz checks passed"
exit $failed
