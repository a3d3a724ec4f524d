#!/usr/bin/env bash
# The progress file keeps every mark: marks made at once by dozens of processes are all kept;
# a process killed while marking leaves a file every reader reads; a torn last line is cut off
# by the next mark; a file with a bad complete line is left exactly as it was.
#
# usage: check_progress_file.sh BINARY
set -u
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
run() { env -i PATH="$PATH" MLROADMAP_TODAY=2027-04-01 "$binary" "$@"; }

# Dozens of marks at once, each of another skill.
file=$work/parallel.jsonl
mapfile -t skills < <(run skills -q | head -48)
[ "${#skills[@]}" = 48 ] || fail "expected 48 skills, found ${#skills[@]}"
for skill in "${skills[@]}"; do
  run done "$skill" --progress "$file" -q &
done
wait
[ "$(head -1 "$file")" = '{"mlroadmap_progress": 1}' ] || fail "the header is not the first line"
[ "$(grep -c '"state":"done"' "$file")" = 48 ] || fail "$(grep -c . "$file") lines after 48 marks"
for skill in "${skills[@]}"; do
  grep -q "\"skill\":\"$skill\"" "$file" || fail "the mark of $skill is lost"
done
run progress --no-profile --progress "$file" --format json >"$work/out.json" 2>"$work/err" ||
  fail "progress cannot read the file of parallel marks: $(cat "$work/err")"

# A torn last line (a writer killed in the middle) is skipped with a warning, then cut off.
file=$work/torn.jsonl
run done python --progress "$file" -q
printf '{"skill":"sql","state":"do' >>"$file"
run progress --no-profile --progress "$file" >/dev/null 2>"$work/err" || fail "a torn line is fatal"
grep -q "torn.jsonl:3:1: warning: skipping an unfinished last line" "$work/err" ||
  fail "no warning naming file:line for a torn line: $(cat "$work/err")"
run done numpy --progress "$file" -q 2>"$work/err" || fail "done after a torn line: $(cat "$work/err")"
[ "$(grep -c . "$file")" = 3 ] || fail "the torn line was not cut off: $(cat "$file")"
run progress --no-profile --progress "$file" >/dev/null 2>"$work/err"
[ -s "$work/err" ] && fail "warnings after the torn line was cut off: $(cat "$work/err")"

# A complete line that does not parse: an error, and the file stays byte for byte.
file=$work/bad.jsonl
printf '%s\n' '{"mlroadmap_progress": 1}' '{"skill":"python","state":"done"}' >"$file"
cp "$file" "$work/bad.copy"
run done numpy --progress "$file" 2>"$work/err"
[ $? = 1 ] || fail "done on a file with a bad line does not exit 1"
grep -q "bad.jsonl:2:" "$work/err" || fail "the bad line is not named: $(cat "$work/err")"
cmp -s "$file" "$work/bad.copy" || fail "a file with a bad line was changed"

# Processes killed while marking (with notes long enough to take several writes): every state
# the file is left in reads, and the next mark leaves it whole.
file=$work/killed.jsonl
note=$(head -c 60000 /dev/zero | tr '\0' n)
for i in $(seq 1 20); do
  run done python numpy sql --note "$note" --progress "$file" -q &
  pid=$!
  sleep 0.00$((i % 10))
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # Killed before it made the file (a slow start, under a sanitizer): nothing to read yet.
  [ -e "$file" ] || continue
  run progress --no-profile --progress "$file" >/dev/null 2>"$work/err" ||
    fail "after kill $i the file does not read: $(cat "$work/err")"
done
run done pandas --progress "$file" -q || fail "done after the kills"
run progress --no-profile --progress "$file" >/dev/null 2>"$work/err"
[ -s "$work/err" ] && fail "the file is not whole after a mark: $(cat "$work/err")"
exit $failed
