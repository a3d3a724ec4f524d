#!/usr/bin/env bash
# Times loading an overlay on a large generated graph against loading the graph alone: an
# overlay should cost no more than reading both files. The overlay patches 100 skills' hours,
# adds 100 skills and a category, edits a role and removes 10 skills (which drops every
# reference to them). Prints the best wall time of REPEAT runs (default 5) of
# `mlroadmap skills -q` (load, then one id a line) on each, and their ratio.
#
# usage: bench/overlay.sh [SKILLS]     (default 1000000)
# Needs a release build in build/. Run it on a quiet machine; graphs are cached in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${MLROADMAP:-build/mlroadmap}
size=${1:-1000000}
repeat=${REPEAT:-5}
out=bench/out
mkdir -p "$out"
base=$out/overlay-base-$size.json
overlay=$out/overlay-$size.json
[ -s "$base" ] || python3 bench/generate_graph.py "$size" "$base" --roles --seed 11 >/dev/null
python3 - "$base" "$overlay" <<'PY'
import json, os, sys
base_path, overlay_path = sys.argv[1:]
graph = json.load(open(base_path))
ids = [s["id"] for s in graph["skills"]]
step = max(1, len(ids) // 100)
skills = [{"id": ids[i], "hours": 7} for i in range(0, len(ids), step)][:100]
skills += [{"id": f"extra-{i}", "name": f"Extra {i}", "category": "extra", "hours": 3,
            "prerequisites": [ids[i]]} for i in range(100)]
patched = {s["id"] for s in skills}
removed = [i for i in ids[len(ids) // 2:] if i not in patched][:10]
skills += [{"id": i, "remove": True} for i in removed]
role = graph["roles"][0]["id"]
overlay = {"extends": os.path.relpath(base_path, os.path.dirname(overlay_path)),
           "schema_version": 2, "categories": [{"id": "extra", "name": "Extra"}],
           "skills": skills, "roles": [{"id": role, "add_skills": ["extra-0"]}]}
json.dump(overlay, open(overlay_path, "w"), indent=1)
PY
best() {  # the fastest of $repeat runs of a command, in seconds
  local fastest=""
  for ((run = 0; run < repeat; run++)); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null || exit 1
    end=$(date +%s.%N)
    fastest=$(echo "$start $end ${fastest:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
  done
  echo "$fastest"
}
alone=$(best env -i PATH="$PATH" "$binary" skills -q --graph "$base")
merged=$(best env -i PATH="$PATH" "$binary" skills -q --graph "$overlay")
printf 'skills %s: base alone %.3f s, base with overlay %.3f s, ratio %.2f\n' \
  "$size" "$alone" "$merged" "$(echo "$merged $alone" | awk '{print $1 / $2}')"
