#!/usr/bin/env bash
# Parses every kind of Mermaid the program writes with the mermaid npm package under Node
# (tests/package-lock.json; scripts/setup-debian.sh runs npm ci): Markdown maps included.
# usage: check_mermaid.sh BINARY FIXTURES_DIR
set -u
binary=$1 fixtures=$2
here=$(dirname "$0")
if ! command -v node >/dev/null || [ ! -d "$here/../node_modules/mermaid" ]; then
  echo "SKIPPED: node or tests/node_modules missing (scripts/setup-debian.sh runs npm ci)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
out() { n=$((n + 1)); "$binary" "$@" >"$work/$n.out" || { echo "FAIL: mlroadmap $*"; exit 1; }; }
out graph --format mermaid
out plan --have python,sql --format mermaid
for f in hostile hostile-names small real-world-ids model-v2; do
  out graph --graph "$fixtures/$f.json" --format mermaid
done
out plan --graph "$fixtures/hostile.json" --format mermaid
out plan --graph "$fixtures/real-world-ids.json" --format mermaid
out plan --have python,sql --format markdown
out plan --graph "$fixtures/hostile.json" --format markdown
out plan --graph "$fixtures/hostile-names.json" --format markdown
# The Mermaid blocks of each Markdown document, one file each.
for md in "$work"/*.out; do
  grep -q '^```mermaid$' "$md" || { mv "$md" "$md.mmd"; continue; }
  awk -v base="$md" '/^```mermaid$/ { k++; on = 1; next } /^```$/ { on = 0 }
       on { print > (base "." k ".mmd") }' "$md"
done
node "$here/parse_mermaid.mjs" "$work"/*.mmd && echo "Mermaid checks passed"
