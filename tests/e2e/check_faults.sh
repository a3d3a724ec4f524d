#!/usr/bin/env bash
# Faults while writing and reading: a full disk, /dev/full, a file size limit, a read-only
# directory, a graph file renamed over while it is read, and SIGKILL at random moments. Every
# existing file must be left untouched or complete, with a clear message and a non-zero exit.
# Mounting needs root and a kernel that allows it: where it is refused, those checks are
# skipped with a message, and the rest still run.
# usage: check_faults.sh BINARY FIXTURES
set -u
binary=$1
fixtures=$2
work=$(mktemp -d)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
skip() { echo "SKIP: $*"; }
# Nothing of the caller's: no graph, profile or progress file of theirs.
for v in $(env | grep -oE '^(MLROADMAP|XDG)_[A-Z_]*'); do unset "$v"; done
export HOME="$work/home"

# What -o roadmap.md writes (the document's footer names the file it was written to).
mkdir "$work/reference" "$work/home"
"$binary" plan --have python,sql --format markdown -o "$work/reference/roadmap.md"
old='old contents'
for i in $(seq 1 40); do echo "{\"id\": \"p$i\", \"have\": [\"python\"]}"; done >"$work/profiles.jsonl"

# A failed write names the file, says why, exits 1 and leaves the old file as it was; it
# leaves no temporary file behind in the directory.
check_failed_write() {  # LABEL DIR STATUS ERRFILE
  local label=$1 dir=$2 status=$3 err=$4
  [ "$status" = 1 ] || fail "$label: exit status $status, expected 1"
  grep -q "mlroadmap: error: cannot write" "$err" || fail "$label: no clear message: $(cat "$err")"
  [ "$(cat "$dir/roadmap.md")" = "$old" ] || fail "$label: the existing file changed"
  [ -z "$(find "$dir" -name '.roadmap.md.*')" ] || fail "$label: a temporary file was left"
}

# --- /dev/full --------------------------------------------------------------------------
"$binary" plan -o /dev/full 2>"$work/err"; status=$?
[ "$status" = 1 ] || fail "/dev/full: exit status $status"
grep -q "No space left on device" "$work/err" || fail "/dev/full: no clear message"
"$binary" plan >/dev/full 2>"$work/err"; status=$?
[ "$status" = 1 ] || fail "stdout on /dev/full: exit status $status"

# --- a file size limit (ulimit -f) ---------------------------------------------------------
mkdir "$work/limit"
printf '%s\n' "$old" >"$work/limit/roadmap.md"
(ulimit -f 16; exec "$binary" plan --have python,sql --format markdown -o "$work/limit/roadmap.md") \
  2>"$work/err"; status=$?
check_failed_write "ulimit -f" "$work/limit" "$status" "$work/err"
grep -q "File too large" "$work/err" || fail "ulimit -f: the reason is not given: $(cat "$work/err")"

# --- a full disk: a 64 KiB tmpfs --------------------------------------------------------------
mkdir "$work/full"
if mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  mounts+=("$work/full")
  printf '%s\n' "$old" >"$work/full/roadmap.md"
  "$binary" plan --have python,sql --format markdown -o "$work/full/roadmap.md" 2>"$work/err"
  check_failed_write "full disk" "$work/full" $? "$work/err"
  # One file per profile: those written are complete, the one that did not fit is reported,
  # and the run fails.
  "$binary" batch "$work/profiles.jsonl" --format markdown --out-dir "$work/full/plans" \
    >"$work/records" 2>"$work/err"; status=$?
  [ "$status" != 0 ] || fail "batch --out-dir on a full disk: exit status 0"
  grep -q '"code": *"write_failed"' "$work/records" || fail "batch on a full disk: no write_failed record"
  "$binary" batch --format markdown --out-dir "$work/complete" <"$work/profiles.jsonl" >/dev/null
  for f in "$work/full/plans"/*.md; do
    [ -e "$f" ] || continue
    cmp -s "$f" "$work/complete/$(basename "$f")" ||
      fail "batch on a full disk: $(basename "$f") is not complete"
  done
  [ -z "$(find "$work/full" -name '.*.md.*')" ] || fail "batch on a full disk left temporary files"
else
  skip "a tmpfs cannot be mounted here: the full-disk checks did not run"
fi

# --- a read-only directory (a read-only bind mount: as root, permissions alone prove nothing) --
mkdir "$work/ro-src" "$work/ro"
printf '%s\n' "$old" >"$work/ro-src/roadmap.md"
if mount --bind "$work/ro-src" "$work/ro" 2>/dev/null &&
   mounts+=("$work/ro") && mount -o remount,bind,ro "$work/ro" 2>/dev/null; then
  "$binary" plan -o "$work/ro/roadmap.md" 2>"$work/err"
  check_failed_write "read-only directory" "$work/ro" $? "$work/err"
  grep -q "Read-only file system" "$work/err" || fail "read-only directory: the reason is not given"
else
  skip "a read-only bind mount is refused here: the read-only checks did not run"
fi

# --- a graph file renamed over while it is read: the plan is of one graph or the other ----
cp "$fixtures/small.json" "$work/graph-a.json"
sed 's/"hours": 60/"hours": 61/' "$fixtures/small.json" >"$work/graph-b.json"
cp "$work/graph-b.json" "$work/graph.json"
"$binary" plan --graph "$work/graph.json" --format json >"$work/plan-b.json"
cp "$work/graph-a.json" "$work/graph.json"
"$binary" plan --graph "$work/graph.json" --format json >"$work/plan-a.json"
cmp -s "$work/plan-a.json" "$work/plan-b.json" && fail "the two graphs plan alike"
( for _ in $(seq 1 300); do
    cp "$work/graph-b.json" "$work/next.json" && mv "$work/next.json" "$work/graph.json"
    cp "$work/graph-a.json" "$work/next.json" && mv "$work/next.json" "$work/graph.json"
  done ) &
renamer=$!
for _ in $(seq 1 60); do
  "$binary" plan --graph "$work/graph.json" --format json >"$work/plan.json" 2>"$work/err" ||
    fail "a graph renamed over while read: $(cat "$work/err")"
  cmp -s "$work/plan.json" "$work/plan-a.json" || cmp -s "$work/plan.json" "$work/plan-b.json" ||
    fail "a graph renamed over while read gave a plan of neither graph"
done
wait "$renamer"

# --- SIGKILL at random moments: -o and --out-dir ------------------------------------------
printf '%s\n' "$old" >"$work/roadmap.md"
RANDOM=7  # the same moments on every run
for _ in $(seq 1 25); do
  "$binary" plan --have python,sql --format markdown -o "$work/roadmap.md" &
  pid=$!
  sleep "0.00$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ "$(cat "$work/roadmap.md")" != "$old" ] && ! cmp -s "$work/roadmap.md" "$work/reference/roadmap.md"; then
    fail "after SIGKILL during -o the file is neither the old one nor the new one"
  fi
done
mkdir "$work/plans"
"$binary" batch --format json <<<'{"id": "x", "have": ["python"]}' --out-dir "$work/one" >/dev/null
for _ in $(seq 1 15); do
  "$binary" batch "$work/profiles.jsonl" --format json --out-dir "$work/plans" >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  for f in "$work/plans"/*.json; do
    [ -e "$f" ] || continue
    cmp -s "$f" "$work/one/x.json" || fail "after SIGKILL during --out-dir $(basename "$f") is not complete"
  done
done

[ "$failed" = 0 ] && echo "all fault checks passed"
exit "$failed"
