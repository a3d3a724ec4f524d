#!/usr/bin/env bash
# A progress file kept against another graph: 400,000 marks of 200,000 ids the small graph
# lacks (written here, not kept). progress reports every one of them once.
# usage: check_unknown_ids.sh BINARY GRAPH
set -eu
binary=$1 graph=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/progress.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"mlroadmap_progress": 1}\n')
    for i in range(400000):
        f.write('{"skill":"gone-%d","state":"done","date":"2027-01-01"}\n' % (i % 200000))
PY
env -i PATH="$PATH" MLROADMAP_TODAY=2027-04-01 "$binary" progress --graph "$graph" \
  --progress "$work/progress.jsonl" --no-profile --format json >"$work/report.json"
count=$(grep -c '"gone-' "$work/report.json")
[ "$count" = 200000 ] || { echo "expected 200000 unknown ids, found $count"; exit 1; }
echo "progress reported 200000 unknown ids once each"
