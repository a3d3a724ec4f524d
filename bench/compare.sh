#!/usr/bin/env bash
# Times mlroadmap against GNU tsort and networkx on the same synthetic graphs, in one run on one
# machine, and prints wall time, peak memory and ratios. Also the start-up cost against a
# hello-world program, and batch throughput.
#
# usage: bench/compare.sh [SIZES...]     (default: 10000 100000 1000000)
# Each size's plan is also made on one thread (MLROADMAP_THREADS=1) and must be the same.
# Each time is the best of REPEAT runs (default 3): on a shared machine the slowest runs measure
# the neighbours. Start-up is a ratio, so it is the median of REPEAT rounds of both programs.
# Needs a release build in build/ (cmake --preset default && cmake --build --preset default),
# python3 with networkx, and GNU time (/usr/bin/time). Graphs are cached in bench/out/.
set -euo pipefail
# The caller's profile, progress file, graph and directories must not change what is measured.
for variable in $(compgen -e | grep -E '^(MLROADMAP_|XDG_)'); do unset "$variable"; done
cd "$(dirname "$0")/.."
binary=${MLROADMAP:-build/mlroadmap}
out=bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
python=python3
$python -c 'import networkx' 2>/dev/null || python=/usr/bin/python3

repeat=${REPEAT:-3}
measure() {  # label, command...: prints "label seconds peak_MiB", the fastest of $repeat runs
  local label=$1
  shift
  local report best_seconds="" best_kib=0
  for ((run = 0; run < repeat; run++)); do
    # Wall time to the millisecond from the clock (GNU time prints hundredths), peak memory
    # from GNU time.
    local start end
    start=$(date +%s%N)
    report=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -n 1)
    end=$(date +%s%N)
    local seconds kib=$report
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    if [ -z "$best_seconds" ] || awk -v a="$seconds" -v b="$best_seconds" 'BEGIN { exit !(a < b) }'; then
      best_seconds=$seconds
    fi
    [ "$kib" -gt "$best_kib" ] && best_kib=$kib
  done
  printf '%s %s %s\n' "$label" "$best_seconds" "$((best_kib / 1024))"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
printf '%-9s %-22s %9s %9s %9s\n' skills tool seconds "peak MiB" "vs ids"
for n in "${sizes[@]}"; do
  graph=$out/graph-$n.json
  if [ ! -f "$graph" ]; then
    python3 bench/generate_graph.py "$n" "$graph" --tsort "$out/graph-$n.tsort" \
      --edges "$out/graph-$n.edges" >/dev/null
  fi
  rows=()
  rows+=("$(measure "mlroadmap-ids" "$binary" plan --graph "$graph" --format ids)")
  rows+=("$(measure "mlroadmap-json" "$binary" plan --graph "$graph" --format json)")
  rows+=("$(measure "tsort" tsort "$out/graph-$n.tsort")")
  if [ "$n" -le 1000000 ] && $python -c 'import networkx' 2>/dev/null; then
    rows+=("$(measure "networkx" $python bench/networkx_sort.py "$out/graph-$n.edges")")
  fi
  base=$(echo "${rows[0]}" | cut -d' ' -f2)
  for row in "${rows[@]}"; do
    read -r label seconds mib <<<"$row"
    ratio=$(awk -v a="$seconds" -v b="$base" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
    printf '%-9s %-22s %9s %9s %9s\n' "$n" "$label" "$seconds" "$mib" "$ratio"
  done
  # The plan must not depend on how many threads made it.
  one=$(MLROADMAP_THREADS=1 "$binary" plan --graph "$graph" --format ids | md5sum)
  many=$("$binary" plan --graph "$graph" --format ids | md5sum)
  [ "$one" = "$many" ] || { echo "$n: the plan on one thread differs from the plan on all" >&2; exit 1; }
done

# Start-up: the built-in graph against a program that only prints, each run 300 times.
echo
hello=$out/hello
[ -x "$hello" ] || g++ -O2 -std=c++20 bench/hello.cpp -o "$hello" -lfmt
runs=300
time_runs() {  # command...: milliseconds per run
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -v r=$runs 'BEGIN { printf "%.2f", ns / r / 1e6 }'
}
# Rounds of hello world then mlroadmap, back to back so both meet the same load; the round
# with the median ratio is reported.
rounds=()
for ((round = 0; round < repeat; round++)); do
  hello_ms=$(time_runs "$hello")
  plan_ms=$(time_runs "$binary" plan --have python,sql)
  rounds+=("$(awk -v a="$plan_ms" -v b="$hello_ms" 'BEGIN { printf "%.2f", a / b }') $hello_ms $plan_ms")
done
read -r ratio hello_ms plan_ms <<<"$(printf '%s\n' "${rounds[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")"
echo "start-up: hello world ${hello_ms} ms, mlroadmap plan --have python,sql ${plan_ms} ms" \
     "(${ratio}x, the median of $repeat rounds)"

# Batch: 100,000 profiles against the built-in graph.
profiles=$out/profiles-100000.jsonl
if [ ! -f "$profiles" ]; then
  python3 - "$profiles" <<'PY'
import json, random, sys
rng = random.Random(7)
starts = [["python", "sql"], ["sql", "statistics", "excel"], ["python", "git", "docker", "sql"],
          ["r", "statistics"], [], ["python"], ["numpy", "pandas"], ["pytorch"]]
goals = [[], ["data-scientist"], ["nlp-engineer"], ["mlops-engineer"], ["ai-engineer"]]
with open(sys.argv[1], "w") as out:
    for i in range(100000):
        out.write(json.dumps({"id": f"p{i}", "have": rng.choice(starts), "goals": rng.choice(goals)}) + "\n")
PY
fi
read -r seconds mib <<<"$(measure batch "$binary" batch "$profiles" | cut -d' ' -f2-)"
echo "batch: 100000 profiles in ${seconds} s ($(awk -v s="$seconds" 'BEGIN { printf "%.0f", 100000 / s }') plans/s), peak ${mib} MiB"
