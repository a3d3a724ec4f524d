#!/usr/bin/env bash
# Runs the real mlroadmap binary for one end-to-end case and compares what it prints with the
# golden files tests/golden/NAME.out (stdout, then any files written into {tmp}) and NAME.err
# (stderr), and its exit status with the expected one.
# With MLROADMAP_UPDATE_GOLDEN=1 it rewrites the golden files instead (scripts/update-golden.sh).
#
# usage: run_case.sh BINARY FIXTURES_DIR GENERATED_DIR GOLDEN_DIR NAME EXPECTED_EXIT [ARG...]
# An argument "<FILE" is not passed on: FILE becomes standard input; nor is "env:NAME=VALUE",
# which sets a variable (the others are PATH, NO_COLOR=1 and LC_ALL=C.UTF-8).
set -u
binary=$1 fixtures=$2 generated=$3 golden=$4 name=$5 expected_exit=$6
shift 6

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/files"

args=()
environment=(PATH="$PATH" NO_COLOR=1 LC_ALL=C.UTF-8)
# Sanitizer settings pass through, so a sanitized build is checked the same way.
for variable in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [ -n "${!variable:-}" ] && environment+=("$variable=${!variable}")
done
stdin=/dev/null
for arg in "$@"; do
  arg=${arg//\{fixtures\}/$fixtures}
  arg=${arg//\{generated\}/$generated}
  arg=${arg//\{tmp\}/$work/files}
  case $arg in
    '<'*) stdin=${arg#<} ;;  # "<FILE" feeds FILE to standard input
    env:*) environment+=("${arg#env:}") ;;  # "env:NAME=VALUE" sets a variable
    *) args+=("$arg") ;;
  esac
done

# A fixed, colourless, non-terminal environment: the output must not depend on the caller's.
# Nothing else passes, so no MLROADMAP_*, XDG_* or HOME of the caller's: a case sets what it
# needs with env:NAME=VALUE (the learner's profile and progress file, MLROADMAP_TODAY).
(cd "$work" && env -i "${environment[@]}" "$binary" "${args[@]}" \
  >"$work/stdout" 2>"$work/stderr" <"$stdin")
status=$?

for file in "$work"/files/*; do
  [ -e "$file" ] || continue
  printf '==> %s <==\n' "$(basename "$file")" >>"$work/stdout"
  cat "$file" >>"$work/stdout"
done
# Paths of the temporary directory are not part of the contract.
sed -i "s|$work/files|{tmp}|g; s|$fixtures|{fixtures}|g; s|$generated|{generated}|g" \
  "$work/stdout" "$work/stderr"

if [ "${MLROADMAP_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$work/stdout" "$golden/$name.out"
  if [ -s "$work/stderr" ]; then cp "$work/stderr" "$golden/$name.err"; else rm -f "$golden/$name.err"; fi
  echo "updated $name (exit $status)"
  [ "$status" = "$expected_exit" ] || echo "note: $name exited $status, the case expects $expected_exit"
  exit 0
fi

failed=0
if [ "$status" != "$expected_exit" ]; then
  echo "$name: exit status $status, expected $expected_exit"
  failed=1
fi
if ! diff -u "$golden/$name.out" "$work/stdout"; then
  echo "$name: standard output differs from tests/golden/$name.out"
  failed=1
fi
expected_err=/dev/null
[ -f "$golden/$name.err" ] && expected_err="$golden/$name.err"
if ! diff -u "$expected_err" "$work/stderr"; then
  echo "$name: standard error differs from tests/golden/$name.err"
  failed=1
fi
exit $failed
