#!/usr/bin/env bash
# Instruction counts under callgrind of the cases docs/performance.md tracks, for one or more
# binaries side by side: counts do not move with the machine's load, so they show a change of a
# few percent that wall times on a shared machine cannot.
#
# usage: bench/callgrind.sh BINARY [BINARY...]
# Cases: a plan of the whole 100k-skill graph as ids and as JSON, a batch of 3,000 profiles
# against the built-in graph, and start-up (plan --have python,sql). Every case runs with
# MLROADMAP_THREADS=1, so the counts are of one thread's work; a binary older than that setting
# is also told by a preloaded library that the machine has one core, so it too stays on one
# thread. Needs valgrind, cc and python3; inputs are made in bench/out/ and kept.
set -euo pipefail
# The caller's profile, progress file, graph and directories must not change what is measured.
for variable in $(compgen -e | grep -E '^(MLROADMAP_|XDG_)'); do unset "$variable"; done
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: bench/callgrind.sh BINARY [BINARY...]" >&2; exit 2; }
out=bench/out
mkdir -p "$out"
graph=$out/callgrind-graph-100000.json
[ -f "$graph" ] || python3 bench/generate_graph.py 100000 "$graph" --seed 1 >/dev/null
one_core=$out/one-core.so
if [ ! -f "$one_core" ]; then
  cat >"$out/one-core.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
int get_nprocs(void) { return 1; }
long sysconf(int name) {
  static long (*real)(int);
  if (name == _SC_NPROCESSORS_ONLN || name == _SC_NPROCESSORS_CONF) return 1;
  if (!real) real = (long (*)(int))dlsym(RTLD_NEXT, "sysconf");
  return real(name);
}
C
  cc -shared -fPIC -O2 -o "$one_core" "$out/one-core.c" -ldl
fi
profiles=$out/callgrind-profiles-3000.jsonl
if [ ! -f "$profiles" ]; then
  python3 - "$profiles" <<'PY'
import json, random, sys
rng = random.Random(7)
starts = [["python", "sql"], ["sql", "statistics", "excel"], ["python", "git", "docker", "sql"],
          ["r", "statistics"], [], ["python"], ["numpy", "pandas"], ["pytorch"]]
goals = [[], ["data-scientist"], ["nlp-engineer"], ["mlops-engineer"], ["ai-engineer"]]
with open(sys.argv[1], "w") as out:
    for i in range(3000):
        out.write(json.dumps({"id": f"p{i}", "have": rng.choice(starts), "goals": rng.choice(goals)}) + "\n")
PY
fi

count() {  # binary, arguments...: total instructions of all threads
  local log
  log=$(mktemp)
  MLROADMAP_THREADS=1 LD_PRELOAD=$PWD/$one_core valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
    >/dev/null 2>"$log" </dev/null || true
  grep -o 'Collected : [0-9]*' "$log" | awk '{ s += $3 } END { print s }'
  rm -f "$log"
}

cases=("ids:plan --graph $graph --format ids" "json:plan --graph $graph --format json"
       "batch:batch $profiles" "start-up:plan --have python,sql")
printf '%-10s' case
for binary in "$@"; do printf ' %16s' "$(basename "$(dirname "$binary")")/$(basename "$binary")"; done
printf '\n'
for entry in "${cases[@]}"; do
  name=${entry%%:*}
  read -r -a arguments <<<"${entry#*:}"
  printf '%-10s' "$name"
  first=""
  for binary in "$@"; do
    n=$(count "$binary" "${arguments[@]}")
    if [ -z "$first" ]; then
      first=$n
      printf ' %16s' "$n"
    else
      printf ' %16s' "$n ($(awk -v a="$n" -v b="$first" 'BEGIN { printf "%+.2f%%", (a - b) * 100 / b }'))"
    fi
  done
  printf '\n'
done
