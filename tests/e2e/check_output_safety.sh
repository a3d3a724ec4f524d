#!/usr/bin/env bash
# Output files are replaced whole or not at all; a closed pipe ends quietly.
# usage: check_output_safety.sh BINARY
set -u
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# The documents as they should be: a Markdown plan names the file it was written to (without
# its directory) in the command that makes it again.
mkdir "$work/ref"
"$binary" plan --have python,sql -o "$work/ref/roadmap.md"
"$binary" plan --have python,sql --format markdown -o "$work/ref/fifo"
mv "$work/ref/roadmap.md" "$work/expected.md"
printf 'old contents\n' >"$work/roadmap.md"

# Interrupt runs at different moments: the file is the old one or the complete new one, and
# no temporary file is left behind.
for delay in 0.001 0.002 0.005 0.01 0.02 0.05 0.1; do
  timeout -s TERM "$delay" "$binary" plan --have python,sql -o "$work/roadmap.md" 2>/dev/null
  if ! cmp -s "$work/roadmap.md" "$work/expected.md" &&
     [ "$(cat "$work/roadmap.md")" != "old contents" ]; then
    fail "after an interrupt at ${delay}s the file is neither old nor new"
  fi
  leftovers=$(find "$work" -name '.roadmap.md.*' | wc -l)
  [ "$leftovers" = 0 ] || fail "an interrupt at ${delay}s left a temporary file"
done

# A failed write leaves the existing file untouched.
printf 'old contents\n' >"$work/keep.md"
mkdir "$work/dir"
"$binary" plan -o "$work/dir" 2>"$work/err"; status=$?
[ "$status" = 1 ] || fail "writing onto a directory exited $status"
grep -q "it is a directory" "$work/err" || fail "no clear message for a directory"
"$binary" plan -o "$work/missing/roadmap.md" 2>"$work/err"; status=$?
[ "$status" = 1 ] || fail "writing into a missing directory exited $status"
grep -q "No such file or directory" "$work/err" || fail "no clear message for a missing directory"
[ "$(cat "$work/keep.md")" = "old contents" ] || fail "the existing file changed"

# The mode of a replaced file is kept.
chmod 640 "$work/keep.md"
"$binary" plan -o "$work/keep.md" || fail "rewriting keep.md failed"
[ "$(stat -c %a "$work/keep.md")" = 640 ] || fail "the file's mode changed"

# A pipe (like /dev/null, a file that is not a regular one) is written where it is, never
# replaced by a file of the same name. The reader gives up after 10 s should nothing come.
mkfifo "$work/fifo"
timeout 10 cat "$work/fifo" >"$work/from-fifo" &
reader=$!
"$binary" plan --have python,sql --format markdown -o "$work/fifo" 2>"$work/err"; status=$?
wait "$reader"
[ "$status" = 0 ] || fail "writing into a pipe exited $status: $(cat "$work/err")"
[ -p "$work/fifo" ] || fail "the pipe was replaced by a file"
cmp -s "$work/from-fifo" "$work/ref/fifo" || fail "the pipe's reader did not get the plan"

# A reader that leaves early: quiet, and success.

out=$( { "$binary" plan --format markdown; echo "status $?" >"$work/status"; } 2>"$work/pipe-err" | head -n 1)
[ -n "$out" ] || fail "nothing came through the pipe"
[ ! -s "$work/pipe-err" ] || fail "a closed pipe printed: $(cat "$work/pipe-err")"
grep -q "status 0" "$work/status" || fail "a closed pipe gave $(cat "$work/status")"

# A closed standard output is an error said once, not a crash.
"$binary" skills >&- 2>"$work/err"; status=$?
[ "$status" = 1 ] || fail "a closed stdout exited $status"
[ "$(wc -l <"$work/err")" = 1 ] || fail "a closed stdout printed $(wc -l <"$work/err") lines"
[ $failed = 0 ] && echo "Output safety checks passed"
exit $failed
