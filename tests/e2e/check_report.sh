#!/usr/bin/env bash
# A 10,000-row CSV cohort (written here, not kept in the repository): batch plans every row,
# and report's counts must be what batch's plans add up to, profile by profile and skill by skill.
# usage: check_report.sh BINARY
set -eu
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/cohort.csv" <<'PY'
import sys
haves = ["python", "sql", "python;sql", "", "statistics, numpy", "pyton"]
goals = ["", "data-scientist", "ml-engineer;data-analyst", "mlops-engineer"]
with open(sys.argv[1], "w", newline="") as f:
    f.write("\ufeffid;have;goals;exact\r\n")
    for i in range(10000):
        f.write(f'p{i};"{haves[i % len(haves)]}";{goals[i % len(goals)]};{"yes" if i % 7 == 0 else ""}\r\n')
PY
run() { env -i PATH="$PATH" MLROADMAP_THREADS=2 "$binary" "$@"; }
set +e
run batch "$work/cohort.csv" >"$work/batch.jsonl"; [ $? = 3 ] || { echo "batch: expected exit 3"; exit 1; }
run report "$work/cohort.csv" --format json >"$work/report.json"; [ $? = 3 ] || { echo "report: expected exit 3"; exit 1; }
set -e
python3 - "$work/batch.jsonl" "$work/report.json" <<'PY'
import collections, json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
report = json.load(open(sys.argv[2]))
assert len(records) == 10000 == report["profiles"], (len(records), report["profiles"])
planned = [r for r in records if r["ok"]]
assert report["failed"] == len(records) - len(planned)
assert [l["id"] for l in report["learners"]] == [r["id"] for r in planned]
for learner, r in zip(report["learners"], planned):
    assert learner["steps"] == r["plan"]["totals"]["steps"], learner
    assert abs(learner["hours"] - r["plan"]["totals"]["hours"]) < 1e-6, learner
counts = collections.Counter(s["id"] for r in planned for s in r["plan"]["steps"])
assert {s["id"]: s["learners"] for s in report["skills"]} == dict(counts)
order = [(-s["learners"], s["id"]) for s in report["skills"]]
assert order == sorted(order)
for s in report["skills"]:
    assert abs(s["share"] - s["learners"] / len(planned)) < 1e-12
print(f"report agrees with batch on {len(records)} profiles, {len(counts)} skills")
PY
