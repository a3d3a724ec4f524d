#!/usr/bin/env bash
# Every flag of every command, as listed by its help, is given a value it does not take, no
# value, a value it does not want, or twice; and every command an argument too many. Each must
# end with status 1 or 2 and messages in mlroadmap's words, each line "mlroadmap: error: ..." (or
# "FILE: error: ..." for a file),
# and nothing of the argument library's wording. A bad value names a file in a directory that
# does not exist, so that no flag reads or writes one.
# usage: check_usage_errors.sh BINARY
set -u
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failed=0 tried=0
library_words='Could not convert|not in range|FAILED|At Most|At least|required but received|->|Run with --help|is required|were not expected|was not expected|Expected|arguments to|INI|OR \{|\[Option'

# try STATUSES ARG...: runs the program and checks its status is one of STATUSES ("1|2") and
# its standard error is one line of ours.
try() {
  local statuses=$1
  shift
  tried=$((tried + 1))
  env -i PATH="$PATH" NO_COLOR=1 "$binary" "$@" >"$work/out" 2>"$work/err" </dev/null
  local status=$? err
  err=$(cat "$work/err")
  if ! [[ $status =~ ^($statuses)$ ]]; then
    echo "FAIL: mlroadmap $* exited $status, expected $statuses"; failed=1
  fi
  if grep -Eq -- "$library_words" "$work/err"; then
    echo "FAIL: mlroadmap $*: the library speaks: $err"; failed=1
  fi
  if [ ! -s "$work/err" ] || grep -Eqv '^(mlroadmap|[^ ]+): error: ' "$work/err"; then
    echo "FAIL: mlroadmap $*: not in our words: $err"; failed=1
  fi
}

commands=$("$binary" help | sed -n '/^Commands:/,/^$/p' | awk '/^  [a-z]/ {print $1}')
[ -n "$commands" ] || { echo "FAIL: no commands in 'mlroadmap help'"; exit 1; }
for command in $commands; do
  # The flags help lists: "  -o, --output FILE   ..." gives -o and --output, taking FILE.
  while read -r line; do
    metavar=
    names=()
    for word in $(printf '%s\n' "$line" | sed 's/  .*//; s/,//g'); do
      if [[ $word == -* ]]; then names+=("$word"); else metavar=$word; fi
    done
    [[ ${names[*]} == *--help* ]] && continue
    for name in "${names[@]}"; do
      if [ -z "$metavar" ]; then
        [[ $name == --* ]] && try 2 "$command" "$name=yes"
        try 2 "$command" "$name" "$name"
      else
        # --out-dir makes a missing directory: a path under a file is what it cannot make.
        bad="no-such-dir/%bad%"
        [ "$name" = --out-dir ] && bad="/dev/null/%bad%"
        try "1|2" "$command" "$name" "$bad"
        try 2 "$command" "$name"
        try "1|2" "$command" "$name" "$bad" "$name" "$bad"
      fi
    done
  done < <("$binary" help "$command" | grep -E '^  -' | sed 's/^  //')
  try 2 "$command" --no-such-flag
  try 2 "$command" -Z
  # validate takes any number of files: too many there is not a mistake.
  [ "$command" = validate ] || try "1|2" "$command" a b c d
done
try 2 --no-such-flag
try 2 no-such-command
try 2 plan --hours-per-week abc
grep -qx "mlroadmap: error: --hours-per-week: 'abc' is not a number (use 0.1 to 168)" "$work/err" ||
  { echo "FAIL: --hours-per-week abc: $(cat "$work/err")"; failed=1; }
try 2 plan --color=yes
grep -qx "mlroadmap: error: --color: 'yes' is not one of auto, always, never" "$work/err" ||
  { echo "FAIL: --color=yes: $(cat "$work/err")"; failed=1; }
[ "$tried" -gt 150 ] || { echo "FAIL: only $tried command lines tried"; failed=1; }
[ $failed = 0 ] && echo "$tried bad command lines, each answered in mlroadmap's words"
exit $failed
