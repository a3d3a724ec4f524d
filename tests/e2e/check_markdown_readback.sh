#!/usr/bin/env bash
# Ten thousand task items read back by done --from, written here rather than kept: a generated
# 10,000-skill graph's whole plan as Markdown, every item ticked, then the same roadmap with
# every id unknown, every comment malformed, and no comments at all. Each run ends with the
# status and messages expected, one message a problem naming its line, nothing marked on an
# error, and within a few seconds (a read-back that grew quadratic would take minutes).
# usage: check_markdown_readback.sh BINARY BENCH_DIR
set -u
binary=$1 bench=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
limit=${MLROADMAP_READBACK_SECONDS:-10}
failed=0
fail() { echo "check_markdown_readback: $*"; failed=1; }
run() { env -i PATH="$PATH" MLROADMAP_TODAY=2027-04-01 "$binary" "$@"; }

python3 "$bench/generate_graph.py" 10000 "$work/graph.json" --seed 3 >/dev/null || exit 1
run plan --graph "$work/graph.json" --format markdown -o "$work/plan.md" || exit 1
sed 's/^\(\s*\)- \[ \]/\1- [x]/' "$work/plan.md" >"$work/ticked.md"
sed 's/<!-- skill: /<!-- skill: unknown-/' "$work/ticked.md" >"$work/unknown.md"
sed 's/ -->/-->/' "$work/ticked.md" >"$work/malformed.md"
sed 's/ <!-- skill: [^ ]* -->//' "$work/ticked.md" >"$work/bare.md"
items=$(grep -c '^\s*- \[x\]' "$work/ticked.md")
[ "$items" = 10000 ] || fail "expected 10000 ticked items, found $items"

# check NAME STATUS LINES FIRST_MESSAGE: done --from NAME.md exits STATUS and says LINES lines on
# stderr, the first of them FIRST_MESSAGE; within the time limit.
check() {
  local name=$1 status=$2 lines=$3 first=$4
  local start end took got
  start=$(date +%s%N)
  run done --from "$work/$name.md" --graph "$work/graph.json" --progress "$work/$name.jsonl" -q \
    >"$work/$name.out" 2>"$work/$name.err"
  got=$?
  end=$(date +%s%N)
  took=$(((end - start) / 1000000))
  echo "done --from $name.md: exit $got, $(wc -l <"$work/$name.err") lines on stderr, ${took} ms"
  [ "$got" = "$status" ] || fail "$name: exit $got, expected $status"
  [ "$(wc -l <"$work/$name.err")" = "$lines" ] || fail "$name: expected $lines lines on stderr"
  [ "$lines" = 0 ] || [ "$(head -n 1 "$work/$name.err")" = "$first" ] ||
    fail "$name: first message: $(head -n 1 "$work/$name.err")"
  [ "$took" -le $((limit * 1000)) ] || fail "$name: took ${took} ms, more than ${limit} s"
}

first_line=$(grep -n -m 1 '^\s*- \[x\]' "$work/ticked.md" | cut -d: -f1)
first_id=$(grep -m 1 -o '<!-- skill: [^ ]* -->' "$work/ticked.md" | sed 's/<!-- skill: \(.*\) -->/\1/')
column=$(grep -m 1 '^\s*- \[x\]' "$work/ticked.md" | awk '{print index($0, "<!--")}')
check ticked 0 0 ""
check unknown 2 10000 \
  "$work/unknown.md:$first_line:1: error: no skill with the id 'unknown-$first_id' in this graph"
# An error with its source line and a caret: three lines each.
check malformed 1 30000 \
  "$work/malformed.md:$first_line:$column: error: a skill comment must be <!-- skill: ID --> with the ID percent-encoded"
check bare 0 30000 \
  "$work/bare.md:$first_line:1: warning: a checked item without a skill comment is not marked"

# Every skill marked once, in the order of the roadmap; nothing written on an error.
marked=$(($(wc -l <"$work/ticked.jsonl") - 1))
[ "$marked" = 10000 ] || fail "ticked: $marked marks, expected 10000"
grep -o '"skill":"[^"]*"' "$work/ticked.jsonl" | sed 's/"skill":"\(.*\)"/\1/' >"$work/marked.txt"
grep -o '<!-- skill: [^ ]* -->' "$work/ticked.md" | sed 's/<!-- skill: \(.*\) -->/\1/' >"$work/listed.txt"
cmp -s "$work/marked.txt" "$work/listed.txt" || fail "ticked: the marks are not the roadmap's items in order"
for name in unknown malformed bare; do
  [ ! -e "$work/$name.jsonl" ] || fail "$name: a progress file was written"
done
# Ticking them all again marks nothing new.
check ticked 0 0 ""
[ "$(($(wc -l <"$work/ticked.jsonl") - 1))" = 10000 ] || fail "ticked twice: marks were added"
exit $failed
