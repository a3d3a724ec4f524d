#!/usr/bin/env bash
# Profiles a second through report and through batch on the built-in graph, in the same run on
# the same input, and their ratio. Run it on a quiet machine (check `uptime`); each figure is
# the best of REPEAT runs (default 3).
#
# usage: bench/report_throughput.sh [PROFILES] [FORMAT]   (default: 200000 jsonl; or csv)
# Needs a release build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${MLROADMAP:-build/mlroadmap}
count=${1:-200000}
format=${2:-jsonl}
repeat=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/cohort.$format
python3 - "$input" "$count" "$format" <<'PY'
import sys
path, count, fmt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
haves = [["python"], ["sql", "statistics"], [], ["python", "git", "docker", "sql"], ["r", "statistics"]]
goals = [[], ["data-scientist"], ["ml-engineer"], ["data-analyst"], ["mlops-engineer"]]
with open(path, "w") as f:
    if fmt == "csv":
        f.write("id,have,goals\n")
    for i in range(count):
        have, goal = haves[i % len(haves)], goals[(i // 5) % len(goals)]
        if fmt == "csv":
            f.write(f'p{i},"{",".join(have)}",{";".join(goal)}\n')
        else:
            hs = ", ".join(f'"{h}"' for h in have)
            gs = ", ".join(f'"{g}"' for g in goal)
            f.write(f'{{"id": "p{i}", "have": [{hs}], "goals": [{gs}]}}\n')
PY
best() {  # command...: the fastest wall time of $repeat runs, in seconds
  local fastest=""
  for ((run = 0; run < repeat; run++)); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    fastest=$(python3 -c "a='$fastest'; b=$end-$start; print(b if not a else min(float(a), b))")
  done
  echo "$fastest"
}
batch_s=$(best "$binary" batch "$input")
report_s=$(best "$binary" report "$input" --format json)
python3 - "$count" "$batch_s" "$report_s" "$format" <<'PY'
import sys
n, b, r, fmt = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print(f"{n} {fmt} profiles on the built-in graph")
print(f"batch   {b:7.3f} s  {n / b:10.0f} profiles/s")
print(f"report  {r:7.3f} s  {n / r:10.0f} profiles/s  ({b / r:.2f}x batch)")
PY
