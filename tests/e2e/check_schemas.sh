#!/usr/bin/env bash
# Checks every JSON document mlroadmap prints against the JSON Schemas in SCHEMA_DIR, with a real
# validator (python3 jsonschema, Draft 2020-12), and checks the graph schema itself: it accepts the
# built-in graph and the fixture graphs, and rejects graphs that are clearly malformed.
#
# Usage: check_schemas.sh BINARY FIXTURES_DIR SCHEMA_DIR DATA_FILE
# Exit: 0 all passed, 1 a check failed, 77 skipped (no python3 with jsonschema), 2 bad usage.
set -u

if [[ $# -ne 4 ]]; then
  echo "usage: $0 BINARY FIXTURES_DIR SCHEMA_DIR DATA_FILE" >&2
  exit 2
fi
BIN=$1
FIX=$2
SCHEMAS=$3
DATA=$4

PY=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
    "$candidate" -c 'from jsonschema import Draft202012Validator' >/dev/null 2>&1; then
    PY=$candidate
    break
  fi
done
if [[ -z $PY ]]; then
  echo "SKIPPED: python3 jsonschema is not installed (apt-get install python3-jsonschema; scripts/setup-debian.sh does)"
  exit 77
fi

for path in "$BIN" "$FIX/small.json" "$FIX/hostile.json" "$SCHEMAS/plan.schema.json" "$DATA"; do
  if [[ ! -e $path ]]; then
    echo "FAIL: missing $path"
    exit 1
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/check_schemas.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/out" "$TMP/in" "$TMP/bad" "$TMP/dir-json" "$TMP/dir-md" "$TMP/dir-txt"
MANIFEST=$TMP/manifest
: >"$MANIFEST"
count=0

# run SCHEMA KIND EXPECTED_STATUS LABEL -- COMMAND...
# Runs COMMAND with stdout to a file and records what to check: KIND is "doc" (one JSON document)
# or "jsonl" (JSON Lines); EXPECTED_STATUS is the exit status it must end with (or a comma list of
# the ones it may end with). SCHEMA "-": the
# command writes its document elsewhere (-o FILE) and must print nothing.
run() {
  local schema=$1 kind=$2 expected=$3 label=$4
  shift 5
  count=$((count + 1))
  local out="$TMP/out/$count.json"
  "$@" >"$out" 2>"$TMP/out/$count.err" </dev/null
  local status=$?
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$schema" "$kind" "$expected" "$status" "$out" "$label" >>"$MANIFEST"
}

# run_stdin INPUT_FILE SCHEMA KIND EXPECTED_STATUS LABEL -- COMMAND...: the same, reading INPUT_FILE.
run_stdin() {
  local input=$1 schema=$2 kind=$3 expected=$4 label=$5
  shift 6
  count=$((count + 1))
  local out="$TMP/out/$count.json"
  "$@" >"$out" 2>"$TMP/out/$count.err" <"$input"
  local status=$?
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$schema" "$kind" "$expected" "$status" "$out" "$label" >>"$MANIFEST"
}

# check_file SCHEMA KIND FILE LABEL: a file the program wrote, checked like an output.
check_file() {
  printf '%s\t%s\t-\t-\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$MANIFEST"
}

# --- extra input graphs, to reach the optional parts of every output ------------------------

# No roles (goals are then every skill), a skill without hours, a category without skills, an
# any_of group, fractional hours, control and non-ASCII characters, resources without a type.
cat >"$TMP/in/no-roles.json" <<'EOF'
{
  "schema_version": 1,
  "categories": [
    {"id": "base", "name": "Base \u0007 tab\there", "summary": "The basics"},
    {"id": "empty", "name": "Nothing here"},
    {"id": "top", "name": "Top — ünïcödé"}
  ],
  "skills": [
    {"id": "a", "name": "A \u0001 ctl", "category": "base"},
    {"id": "b.1", "name": "B one", "category": "base", "hours": 0.25,
     "resources": [{"title": "Free", "url": "http://example.com/"},
                   {"title": "Paid", "url": "https://example.com/p", "free": false, "type": "course"}]},
    {"id": "c++", "name": "C plus plus", "category": "base", "hours": 10000},
    {"id": "d", "name": "D", "category": "top", "hours": 3.3,
     "prerequisites": [{"any_of": ["b.1", "c++"], "why": "either will do"}, "a", {"id": "b.1"}]}
  ]
}
EOF

# Roles with partial salaries, open bands, grows_into, no default role.
cat >"$TMP/in/roles.json" <<'EOF'
{
  "title": "Roles graph",
  "description": "Roles with every salary shape.",
  "categories": [{"id": "x", "name": "X"}],
  "skills": [
    {"id": "s1", "name": "S1", "category": "x", "hours": 5},
    {"id": "s2", "name": "S2", "category": "x", "hours": 7, "prerequisites": ["s1"]}
  ],
  "roles": [
    {"id": "junior", "name": "Junior", "skills": ["s1"], "grows_into": ["senior"],
     "salary": {"bands": [{"level": "Start", "min": 100}, {"level": "Cap", "max": 200}, {"level": "Any"}]}},
    {"id": "senior", "name": "Senior", "summary": "More.", "skills": ["s2", "s1"], "default": false,
     "salary": {"currency": "EUR", "region": "EU", "source": "made up", "note": "n", "bands": []}},
    {"id": "none", "name": "No skills"}
  ]
}
EOF

# More than 100 errors: the last diagnostic has no position.
{
  echo '{"categories": [{"id": "c", "name": "C"}], "skills": ['
  for i in $(seq 1 120); do
    printf '{"id": "Bad %d", "name": "n%d", "category": "c"},\n' "$i" "$i"
  done
  echo '{"id": "ok", "name": "ok", "category": "c"}]}'
} >"$TMP/in/many-errors.json"

printf '[1, 2' >"$TMP/in/truncated.json"

# --- plan ----------------------------------------------------------------------------------

B=$BIN
S=(--graph "$FIX/small.json")
H=(--graph "$FIX/hostile.json")
X=(--graph "$TMP/in/no-roles.json")
R=(--graph "$TMP/in/roles.json")

run plan doc 0 "plan builtin" -- "$B" plan --format json
run plan doc 0 "plan builtin paced" -- "$B" plan --format json --hours-per-week 10
run plan doc 0 "plan builtin paced dated have" -- "$B" plan --format json --hours-per-week 10 --start 2027-01-04 --have python,sql
run plan doc 0 "plan builtin goals role+skill" -- "$B" plan --format json --goal data-scientist --goal transformers --hours-per-week 7.5 --start 2028-02-29
run plan doc 0 "plan builtin exact" -- "$B" plan --format json --exact --have pandas --have sql
run plan doc 0 "plan builtin skill goal" -- "$B" plan --format json --goal numpy --have python
run plan doc 0 "plan builtin profile" -- "$B" plan --format json --profile "$FIX/profile.json"
run plan doc 0 "plan builtin have-file" -- "$B" plan --format json --have-file "$FIX/have.txt" --hours-per-week 168
run plan doc 0 "plan builtin slow pace" -- "$B" plan --format json --hours-per-week 0.1 --start 2027-01-04
run - doc 0 "plan builtin -o" -- "$B" plan -o "$TMP/out/plan-o.json" --hours-per-week 12 --start 2027-06-01
check_file plan doc "$TMP/out/plan-o.json" "plan -o FILE.json"
run plan doc 0 "plan small" -- "$B" plan --format json "${S[@]}"
run plan doc 0 "plan small paced dated" -- "$B" plan --format json "${S[@]}" --hours-per-week 10 --start 2027-01-04
run plan doc 0 "plan small paced" -- "$B" plan --format json "${S[@]}" --hours-per-week 3
run plan doc 0 "plan small goals" -- "$B" plan --format json "${S[@]}" --goal analyst --goal deep-learning --have py
run plan doc 0 "plan small nothing left" -- "$B" plan --format json "${S[@]}" --have deep-learning --hours-per-week 5 --start 2027-01-04
run plan doc 0 "plan small exact" -- "$B" plan --format json "${S[@]}" --have pandas --exact
run plan doc 0 "plan hostile" -- "$B" plan --format json "${H[@]}" --hours-per-week 1 --start 2030-12-30
run plan doc 0 "plan no-roles" -- "$B" plan --format json "${X[@]}"
run plan doc 0 "plan no-roles paced dated" -- "$B" plan --format json "${X[@]}" --hours-per-week 2 --start 2027-01-04
run plan doc 0 "plan no-roles zero hours" -- "$B" plan --format json "${X[@]}" --goal a --hours-per-week 2 --start 2027-01-04
run plan doc 0 "plan roles graph no default" -- "$B" plan --format json "${R[@]}" --goal none --goal senior
V=(--graph "$FIX/model-v2.json")
run plan doc 0 "plan model v2 recommended, kinds, choices" -- "$B" plan --format json "${V[@]}" --goal researcher
run plan doc 0 "plan model v2 prefer" -- "$B" plan --format json "${V[@]}" --goal ml-engineer --prefer julia,bachelors
run why doc 0 "why model v2 chosen" -- "$B" why python --format json "${V[@]}" --goal ml-engineer
run why doc 0 "why model v2 recommended" -- "$B" why calculus --format json "${V[@]}" --goal researcher
run skill doc 0 "show model v2 default and recommended" -- "$B" show statistics --format json "${V[@]}"
run skills doc 0 "skills model v2 kinds" -- "$B" skills --format json "${V[@]}"
run roles doc 0 "roles model v2 builds on" -- "$B" roles --format json "${V[@]}"
run diagram doc 0 "graph model v2" -- "$B" graph --format json "${V[@]}"
run diagram doc 0 "graph model v2 plan" -- "$B" graph --format json "${V[@]}" --goal researcher

# --- skills, show ----------------------------------------------------------------------------

run skills doc 0 "skills builtin" -- "$B" skills --format json
run skills doc 0 "skills builtin category" -- "$B" skills --format json --category math
run skills doc 0 "skills small" -- "$B" skills --format json "${S[@]}"
run skills doc 0 "skills hostile" -- "$B" skills --format json "${H[@]}"
run skills doc 0 "skills no-roles" -- "$B" skills --format json "${X[@]}"
run skills doc 0 "skills no-roles empty category" -- "$B" skills --format json "${X[@]}" --category empty
run categories doc 0 "categories builtin" -- "$B" skills --categories --format json
run categories doc 0 "categories hostile" -- "$B" skills --categories --format json "${H[@]}"
run categories doc 0 "categories no-roles" -- "$B" skills --categories --format json "${X[@]}"

for skill in python linear-algebra data-collection transformers bootcamp "scikit learn"; do
  run skill doc 0 "show builtin $skill" -- "$B" show "$skill" --format json
done
for skill in python deep-learning torch numpy sql; do
  run skill doc 0 "show small $skill" -- "$B" show "$skill" --format json "${S[@]}"
done
run skill doc 0 "show hostile a" -- "$B" show a --format json "${H[@]}"
run skill doc 0 "show hostile b" -- "$B" show b --format json "${H[@]}"
for skill in a b.1 c++ d; do
  run skill doc 0 "show no-roles $skill" -- "$B" show "$skill" --format json "${X[@]}"
done

# --- why, next -----------------------------------------------------------------------------

run why doc 0 "why builtin needed" -- "$B" why linear-algebra --format json
run why doc 0 "why builtin goal" -- "$B" why transformers --format json --goal transformers
run why doc 0 "why builtin have" -- "$B" why python --format json --have python
run why doc 0 "why builtin covered" -- "$B" why python --format json --have pandas
run why doc 0 "why builtin profile" -- "$B" why numpy --format json --profile "$FIX/profile.json"
run why doc 0 "why small needed" -- "$B" why deep-learning --format json "${S[@]}"
run why doc 0 "why small any_of chain" -- "$B" why numpy --format json "${S[@]}"
run why doc 0 "why small covered" -- "$B" why numpy --format json "${S[@]}" --have pandas
run why doc 0 "why small not needed" -- "$B" why tensorflow --format json "${S[@]}"
run why doc 0 "why small have" -- "$B" why python --format json "${S[@]}" --have python
run why doc 0 "why small exact" -- "$B" why numpy --format json "${S[@]}" --have pandas --exact
run why doc 0 "why hostile" -- "$B" why a --format json "${H[@]}"
run why doc 0 "why no-roles" -- "$B" why b.1 --format json "${X[@]}"

run next doc 0 "next builtin" -- "$B" next --format json
run next doc 0 "next builtin limit" -- "$B" next --format json -n 3 --have python --goal data-scientist
run next doc 0 "next builtin skill goal" -- "$B" next --format json --goal pandas
run next doc 0 "next small" -- "$B" next --format json "${S[@]}"
run next doc 0 "next small nothing left" -- "$B" next --format json "${S[@]}" --have deep-learning
run next doc 0 "next hostile" -- "$B" next --format json "${H[@]}"
run next doc 0 "next no-roles" -- "$B" next --format json "${X[@]}"

# --- roles, graph --------------------------------------------------------------------------

run roles doc 0 "roles builtin" -- "$B" roles --format json
run roles doc 0 "roles small" -- "$B" roles --format json "${S[@]}"
run roles doc 0 "roles hostile" -- "$B" roles --format json "${H[@]}"
run roles doc 0 "roles no-roles" -- "$B" roles --format json "${X[@]}"
run roles doc 0 "roles salaries" -- "$B" roles --format json "${R[@]}"

run diagram doc 0 "graph builtin" -- "$B" graph --format json
run diagram doc 0 "graph builtin goal" -- "$B" graph --format json --goal ml-engineer
run diagram doc 0 "graph builtin have" -- "$B" graph --format json --have python,sql
run diagram doc 0 "graph small" -- "$B" graph --format json "${S[@]}"
run diagram doc 0 "graph small plan" -- "$B" graph --format json "${S[@]}" --goal deep-learning --goal analyst
run diagram doc 0 "graph small nothing left" -- "$B" graph --format json "${S[@]}" --have deep-learning
run diagram doc 0 "graph hostile" -- "$B" graph --format json "${H[@]}"
run diagram doc 0 "graph hostile plan" -- "$B" graph --format json "${H[@]}" --goal r
run diagram doc 0 "graph no-roles" -- "$B" graph --format json "${X[@]}"
run diagram doc 0 "graph no-roles plan" -- "$B" graph --format json "${X[@]}" --have a
run - doc 0 "graph -o" -- "$B" graph -o "$TMP/out/graph-o.json" "${S[@]}"
check_file diagram doc "$TMP/out/graph-o.json" "graph -o FILE.json"

# --- validate ------------------------------------------------------------------------------

run diagnostics doc 0 "validate builtin data" -- "$B" validate --format json "$DATA"
for name in small hostile; do
  run diagnostics doc 0 "validate $name" -- "$B" validate --format json "$FIX/$name.json"
done
for name in bad-references cycle syntax-error bad-profile; do
  if [[ -e $FIX/$name.json ]]; then
    run diagnostics doc 1 "validate $name" -- "$B" validate --format json "$FIX/$name.json"
  fi
done
run diagnostics doc 0 "validate extra graphs (warnings)" -- "$B" validate --format json "$TMP/in/no-roles.json" "$TMP/in/roles.json"
run diagnostics doc 1 "validate many" -- "$B" validate --format json "$FIX/small.json" "$FIX/bad-references.json" \
  "$FIX/cycle.json" "$TMP/in/truncated.json" "$TMP/in/does-not-exist.json" "$FIX/hostile.json"
run diagnostics doc 1 "validate too many errors" -- "$B" validate --format json "$TMP/in/many-errors.json"
# The malformed-graph fixtures: every kind of error the loader reports, and warnings only.
if [[ -d $FIX/malformed ]]; then
  malformed=()
  for file in "$FIX"/malformed/*.json; do
    [[ -e $file ]] || continue
    malformed+=("$file")
    run diagnostics doc 0,1 "validate malformed/${file##*/}" -- "$B" validate --format json "$file"
  done
  if [[ ${#malformed[@]} -gt 0 ]]; then
    run diagnostics doc 1 "validate all malformed" -- "$B" validate --format json "${malformed[@]}"
  fi
fi
run_stdin "$FIX/small.json" diagnostics doc 0 "validate stdin" -- "$B" validate --format json -
run_stdin "$FIX/cycle.json" diagnostics doc 1 "validate stdin bad" -- "$B" validate --format json -

# --- batch ---------------------------------------------------------------------------------

cat >"$TMP/in/profiles.jsonl" <<'EOF'
{"id": "alice", "have": ["python"], "goals": ["ml-engineer"], "hours_per_week": 10, "start": "2027-01-04"}
{"id": "bob", "have": ["pandas"], "exact": true, "hours_per_week": 8}

{"id": "carol", "goals": ["deep-learning", "analyst"], "start": "2027-01-04"}
{"have": "python", "hours_per_wek": 10}
not json at all
{"id": "dave", "have": ["no-such-skill"], "goals": ["no-such-role"]}
{"id": "../../etc/passwd", "have": ["deep-learning"], "hours_per_week": 5, "start": "2027-01-04"}
{"id": "alice", "have": ["sql"]}
{"id": ".hidden"}
{}
{"id": "", "goals": ["pytorch"]}
{"id": "e", "hours_per_week": -1}
{"id": "f", "start": "2027-02-30", "hours_per_week": 3}
[1, 2, 3]
EOF
cat >"$TMP/in/profiles-builtin.jsonl" <<'EOF'
{"id": "new-hire-42", "have": ["pandas"], "goals": ["ml-engineer"], "exact": true, "hours_per_week": 8, "start": "2027-03-01"}
{"id": "g", "goals": ["data-scientist", "transformers"]}
{"id": "h", "have": ["Python", "SQL"]}
{"id": "i", "goals": ["nope"]}
EOF

run batch-record jsonl 3 "batch small mixed" -- "$B" batch "${S[@]}" "$TMP/in/profiles.jsonl"
run_stdin "$TMP/in/profiles.jsonl" batch-record jsonl 3 "batch small mixed stdin" -- "$B" batch "${S[@]}"
run batch-record jsonl 3 "batch builtin" -- "$B" batch "$TMP/in/profiles-builtin.jsonl"
run - jsonl 3 "batch -o" -- "$B" batch "${S[@]}" -o "$TMP/out/batch-o.jsonl" "$TMP/in/profiles.jsonl"
check_file batch-record jsonl "$TMP/out/batch-o.jsonl" "batch -o FILE.jsonl"
printf '%s\n' '{"id": 7, "have": ["python"]}' '{"id": 8.5, "have": "python"}' >"$TMP/in/numbers.jsonl"
run batch-record jsonl 3 "batch numeric ids" -- "$B" batch "${S[@]}" "$TMP/in/numbers.jsonl"

# --- match and report ------------------------------------------------------------------------

printf '%s\r\n' 'Name' 'Python (Programming Language)' 'Cooking' 'pytorh' >"$TMP/in/Skills.csv"
run match doc 3 "match linkedin" -- "$B" match "${S[@]}" "$TMP/in/Skills.csv" --format json
run report doc 3 "report small mixed" -- "$B" report "${S[@]}" "$TMP/in/profiles.jsonl" --format json
run report doc 3 "report builtin" -- "$B" report "$TMP/in/profiles-builtin.jsonl" --format json
run batch-record jsonl 3 "batch out-dir json" -- "$B" batch "${S[@]}" --out-dir "$TMP/dir-json" "$TMP/in/profiles.jsonl"
run batch-record jsonl 3 "batch out-dir markdown" -- "$B" batch "${S[@]}" --out-dir "$TMP/dir-md" --format markdown "$TMP/in/profiles.jsonl"
run batch-record jsonl 3 "batch out-dir text" -- "$B" batch "${H[@]}" --out-dir "$TMP/dir-txt" --format text "$TMP/in/profiles.jsonl"
run batch-record jsonl 3 "batch hostile" -- "$B" batch "${H[@]}" "$TMP/in/profiles-builtin.jsonl"
printf '{"id":"ok"}\n' >"$TMP/in/one.jsonl"
run batch-record jsonl 0 "batch all good" -- "$B" batch "${X[@]}" "$TMP/in/one.jsonl"
for file in "$TMP/dir-json"/*.json; do
  [[ -e $file ]] && check_file plan doc "$file" "batch out-dir file ${file##*/}"
done

# --- invalid graphs the graph schema must reject --------------------------------------------

bad() { cat >"$TMP/bad/$1.json"; }
bad missing-categories <<'EOF'
{"skills": []}
EOF
bad missing-skills <<'EOF'
{"categories": []}
EOF
bad not-an-object <<'EOF'
[{"categories": [], "skills": []}]
EOF
bad hours-as-string <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "hours": "10"}]}
EOF
bad hours-zero <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "hours": 0}]}
EOF
bad hours-too-many <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "hours": 10000.5}]}
EOF
bad id-with-space <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "Linear Algebra", "name": "Linear algebra", "category": "c"}]}
EOF
bad id-leading-underscore <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "_private", "name": "Private", "category": "c"}]}
EOF
bad id-other-punctuation <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "c#", "name": "C sharp", "category": "c"}]}
EOF
bad id-leading-dash <<'EOF'
{"categories": [{"id": "-c", "name": "C"}], "skills": []}
EOF
bad id-too-long <<EOF
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "$(printf 'a%.0s' {1..257})", "name": "A", "category": "c"}]}
EOF
bad id-empty <<'EOF'
{"categories": [{"id": "", "name": "C"}], "skills": []}
EOF
bad skill-missing-category <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A"}]}
EOF
bad version-number <<'EOF'
{"version": 2026.11, "categories": [], "skills": []}
EOF
bad version-empty <<'EOF'
{"version": "", "categories": [], "skills": []}
EOF
bad skill-name-null <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": null, "category": "c"}]}
EOF
bad categories-null <<'EOF'
{"categories": null, "skills": []}
EOF
bad prerequisite-id-null <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "prerequisites": [{"id": null}]}]}
EOF
bad skill-empty-name <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "", "category": "c"}]}
EOF
bad schema-version-3 <<'EOF'
{"schema_version": 3, "categories": [], "skills": []}
EOF
bad kind-unknown <<'EOF'
{"schema_version": 2, "categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "kind": "degree"}]}
EOF
bad recommended-any-of <<'EOF'
{"schema_version": 2, "categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "recommended": [{"any_of": ["a"]}]}]}
EOF
bad default-with-id <<'EOF'
{"schema_version": 2, "categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "prerequisites": [{"id": "a", "default": "a"}]}]}
EOF
bad empty-any-of <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "prerequisites": [{"any_of": []}]}]}
EOF
bad id-and-any-of <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c"}, {"id": "b", "name": "B", "category": "c", "prerequisites": [{"id": "a", "any_of": ["a"]}]}]}
EOF
bad prerequisite-number <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "prerequisites": [7]}]}
EOF
bad resource-ftp-url <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "resources": [{"title": "T", "url": "ftp://x.example/"}]}]}
EOF
bad resource-bad-type <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "resources": [{"title": "T", "url": "https://x.example/", "type": "podcast"}]}]}
EOF
bad resource-missing-url <<'EOF'
{"categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c", "resources": [{"title": "T"}]}]}
EOF
bad role-default-string <<'EOF'
{"categories": [], "skills": [], "roles": [{"id": "r", "name": "R", "default": "yes"}]}
EOF
bad salary-min-fraction <<'EOF'
{"categories": [], "skills": [], "roles": [{"id": "r", "name": "R", "salary": {"bands": [{"level": "L", "min": 1.5}]}}]}
EOF
bad salary-band-no-level <<'EOF'
{"categories": [], "skills": [], "roles": [{"id": "r", "name": "R", "salary": {"bands": [{"min": 1}]}}]}
EOF
bad unknown-field <<'EOF'
{"categories": [], "skills": [], "colour": "blue"}
EOF

# --- the checks ----------------------------------------------------------------------------

"$PY" - "$SCHEMAS" "$MANIFEST" "$DATA" "$FIX" "$TMP/in" "$TMP/bad" "$TMP/dir-json" "$TMP/dir-md" "$TMP/dir-txt" <<'PYEOF'
import json
import os
import sys

import jsonschema
from jsonschema import Draft202012Validator

schema_dir, manifest, data_file, fixtures, extra_dir, bad_dir = sys.argv[1:7]
out_dirs = sys.argv[7:10]
failures = []
checked = 0


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def short(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError("duplicate key(s) " + ", ".join(repr(k) for k in dupes))
    return dict(pairs)


def bad_constant(name):
    raise ValueError("non-JSON number " + name)


def parse(text):
    """Strict JSON: no NaN/Infinity, no duplicate keys."""
    return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=bad_constant)


# Load every schema and check it against the 2020-12 metaschema.
names = ["graph", "overlay", "plan", "batch-record", "diagnostics", "skills", "categories", "skill",
         "why", "next", "roles", "diagram", "match", "report"]
schemas = {}
for name in names:
    path = os.path.join(schema_dir, name + ".schema.json")
    try:
        with open(path, encoding="utf-8") as f:
            schema = parse(f.read())
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # noqa: BLE001 - every problem is a failure to report
        fail(f"schema {name}.schema.json: {short(e)}")
        continue
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        fail(f"schema {name}.schema.json: $schema is not draft 2020-12")
    for field in ("$id", "title", "description"):
        if not schema.get(field):
            fail(f"schema {name}.schema.json: no {field}")
    if name != "graph":
        version = schema.get("properties", {}).get("schema_version", {})
        if name == "batch-record":
            version = schema.get("$defs", {}).get("schema_version", {})
        # Documents whose shape changed carry a later version (docs/json-schemas.md).
        expected = {"plan": 2, "overlay": 2, "batch-record": 2}.get(name, 1)
        if version.get("const") != expected or "schema_version" not in schema.get("required", []):
            fail(f"schema {name}.schema.json: schema_version is not a required const {expected}")
    schemas[name] = schema

# Formats are checked too (a "date" must be a real date) where this jsonschema can.
format_checker = getattr(Draft202012Validator, "FORMAT_CHECKER", None)

# Resolve $ref between the schemas locally, by $id, never over the network.
try:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resources(
        (s["$id"], DRAFT202012.create_resource(s)) for s in schemas.values() if "$id" in s)

    def make_validator(schema):
        return Draft202012Validator(schema, registry=registry, format_checker=format_checker)
except ImportError:  # jsonschema before 4.18
    store = {s["$id"]: s for s in schemas.values() if "$id" in s}

    def make_validator(schema):
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        return Draft202012Validator(schema, resolver=resolver, format_checker=format_checker)

validators = {name: make_validator(s) for name, s in schemas.items()}


def validate(name, document, what):
    global checked
    checked += 1
    validator = validators.get(name)
    if validator is None:
        fail(f"{what}: no usable {name}.schema.json")
        return False
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:5]:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        fail(f"{what}: {name}.schema.json at {where}: {short(error.message)}")
    if len(errors) > 5:
        fail(f"{what}: {len(errors) - 5} more {name}.schema.json errors")
    return not errors


# Program outputs.
batch_files = {}  # out-dir -> files the records name
with open(manifest, encoding="utf-8") as f:
    entries = [line.rstrip("\n").split("\t", 5) for line in f if line.strip()]
for schema_name, kind, expected, status, path, label in entries:
    what = label
    if expected != "-" and status not in expected.split(","):
        err = ""
        err_path = path[: -len(".json")] + ".err" if path.endswith(".json") else None
        if err_path and os.path.exists(err_path):
            with open(err_path, encoding="utf-8", errors="replace") as e:
                err = short(e.read(), 200)
        fail(f"{what}: exit status {status}, expected {expected}{': ' + err if err else ''}")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        fail(f"{what}: no output: {e}")
        continue
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{what}: output is not UTF-8: {e}")
        continue
    if schema_name == "-":
        if text:
            fail(f"{what}: printed output although it writes to a file: {short(text, 100)}")
        continue
    if not text.strip():
        fail(f"{what}: empty output")
        continue
    if kind == "doc":
        try:
            document = parse(text)
        except ValueError as e:
            fail(f"{what}: invalid JSON: {short(e)}")
            continue
        validate(schema_name, document, what)
        continue
    if not text.endswith("\n"):
        fail(f"{what}: JSON Lines output does not end with a newline")
    for number, line in enumerate(text.split("\n")[:-1], 1):
        if not line.strip():
            fail(f"{what}: output line {number} is blank")
            continue
        try:
            record = parse(line)
        except ValueError as e:
            fail(f"{what}: output line {number}: invalid JSON: {short(e)}")
            continue
        validate(schema_name, record, f"{what}, output line {number}")
        if isinstance(record, dict) and "file" in record:
            batch_files.setdefault(label, []).append(record["file"])

# Every file an out-dir record names exists; every file there is named by a record.
for label, directory in zip(("batch out-dir json", "batch out-dir markdown", "batch out-dir text"),
                            out_dirs):
    named = batch_files.get(label, [])
    present = sorted(os.listdir(directory))
    if not named:
        fail(f"{label}: no record names a written file")
    if sorted(named) != present:
        fail(f"{label}: records name {sorted(named)}, directory holds {present}")

# Input graphs the graph schema must accept...
good_graphs = [data_file, os.path.join(fixtures, "small.json"), os.path.join(fixtures, "hostile.json"),
               os.path.join(fixtures, "real-world-ids.json"), os.path.join(fixtures, "model-v2.json"),
               os.path.join(fixtures, "malformed", "null-optional-fields.json"),
               os.path.join(extra_dir, "no-roles.json"), os.path.join(extra_dir, "roles.json")]
for path in good_graphs:
    try:
        with open(path, encoding="utf-8") as f:
            document = parse(f.read())
    except (OSError, ValueError) as e:
        fail(f"graph {path}: cannot read: {short(e)}")
        continue
    validate("graph", document, f"graph {path}")

# ...and ones it must reject.
if "graph" in validators:
    for entry in sorted(os.listdir(bad_dir)):
        path = os.path.join(bad_dir, entry)
        with open(path, encoding="utf-8") as f:
            document = parse(f.read())
        checked += 1
        if validators["graph"].is_valid(document):
            fail(f"graph.schema.json accepts the invalid graph '{entry[:-5]}'")
    # bad-references.json has an empty any_of group: schema-invalid as well as loader-invalid.
    path = os.path.join(fixtures, "bad-references.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            checked += 1
            if validators["graph"].is_valid(parse(f.read())):
                fail("graph.schema.json accepts tests/fixtures/bad-references.json (empty any_of)")

# The overlay schema accepts the worked example and a corpus overlay, and rejects an overlay
# without extends, of schema_version 1, or with an item without an id; the graph schema refuses
# an overlay.
if "overlay" in validators:
    for path in (os.path.join(fixtures, "overlay", "company.json"),
                 os.path.join(fixtures, "..", "fuzz", "corpus", "overlay-removals.json")):
        with open(path, encoding="utf-8") as f:
            validate("overlay", parse(f.read()), f"overlay {path}")
    for description, document in [
            ("overlay without extends", {"schema_version": 2, "skills": []}),
            ("overlay of schema_version 1", {"extends": "builtin", "schema_version": 1}),
            ("overlay item without an id", {"extends": "builtin", "schema_version": 2,
                                            "skills": [{"hours": 3}]}),
            ("removal that is not a boolean", {"extends": "builtin", "schema_version": 2,
                                               "skills": [{"id": "r", "remove": "yes"}]})]:
        checked += 1
        if validators["overlay"].is_valid(document):
            fail(f"overlay.schema.json accepts an {description}")
    if "graph" in validators:
        with open(os.path.join(fixtures, "overlay", "company.json"), encoding="utf-8") as f:
            checked += 1
            if validators["graph"].is_valid(parse(f.read())):
                fail("graph.schema.json accepts an overlay")

# The output schemas are strict: altered real outputs must be rejected, also through the $ref
# from batch records to the plan schema.
if "plan" in validators and "batch-record" in validators:
    import copy

    plan_sample = None
    for schema_name, kind, _, _, path, _ in entries:
        if schema_name == "plan" and kind == "doc":
            with open(path, encoding="utf-8") as f:
                candidate = parse(f.read())
            if candidate.get("steps") and "dates" in candidate["steps"][0]:
                plan_sample = candidate
                break
    if plan_sample is None:
        fail("no dated plan with steps to alter")
    else:
        def altered(change):
            document = copy.deepcopy(plan_sample)
            change(document)
            return document

        mutations = {
            "plan with an unknown field": altered(lambda d: d.update(extra=1)),
            "plan without schema_version": altered(lambda d: d.pop("schema_version")),
            "plan with schema_version 1": altered(lambda d: d.update(schema_version=1)),
            "plan step without kind": altered(lambda d: d["steps"][0].pop("kind")),
            "plan step with an unknown kind": altered(lambda d: d["steps"][0].update(kind="course")),
            "plan step with a bare unlocks id": altered(lambda d: d["steps"][0].update(unlocks=["x"])),
            "plan step with string hours": altered(lambda d: d["steps"][0].update(hours="1")),
            "plan step with an unknown field": altered(lambda d: d["steps"][0].update(notes="")),
            "plan step with a bad id": altered(lambda d: d["steps"][0].update(id="Not An Id")),
            "plan with a bad date": altered(lambda d: d["totals"].update(start="2027-1-4")),
            "plan with dates but no weeks": altered(lambda d: d["steps"][0].pop("weeks")),
            "plan with fractional week": altered(lambda d: d["totals"].update(weeks=1.5)),
        }
        for description, document in mutations.items():
            checked += 1
            if validators["plan"].is_valid(document):
                fail(f"plan.schema.json accepts a {description}")
        for description in ("plan with an unknown field", "plan step with string hours"):
            record = {"schema_version": 1, "id": "x", "line": 1, "ok": True,
                      "plan": mutations[description]}
            checked += 1
            if validators["batch-record"].is_valid(record):
                fail(f"batch-record.schema.json accepts a record holding a {description}")
        records = {
            "record with ok true and errors": {"schema_version": 1, "id": None, "line": 1,
                                               "ok": True, "errors": [{"message": "m"}]},
            "record with ok false and a plan": {"schema_version": 1, "id": None, "line": 1,
                                                "ok": False, "plan": plan_sample},
            "record with both plan and file": {"schema_version": 1, "id": "x", "line": 1,
                                               "ok": True, "plan": plan_sample, "file": "x.json"},
            "record with an empty id": {"schema_version": 1, "id": "", "line": 1, "ok": True,
                                        "file": "x.json"},
            "record with line 0": {"schema_version": 1, "id": None, "line": 0, "ok": False,
                                   "errors": [{"message": "m"}]},
        }
        for description, record in records.items():
            checked += 1
            if validators["batch-record"].is_valid(record):
                fail(f"batch-record.schema.json accepts a {description}")

if failures:
    print(f"{len(failures)} schema check(s) failed ({checked} documents checked)")
    sys.exit(1)
print(f"{checked} documents checked")
print("Schema checks passed")
PYEOF
