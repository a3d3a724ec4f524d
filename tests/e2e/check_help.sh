#!/usr/bin/env bash
# The help: bare mlroadmap, -h, --help and 'help' print the same overview on stdout and exit 0;
# 'help COMMAND' is 'COMMAND --help'; help wraps at word boundaries to COLUMNS (the same words
# at every width, no line wider unless it is one word); every command's help ends with two or
# three examples, and every example runs and succeeds.
# usage: check_help.sh BINARY FIXTURES_DIR
set -u
binary=$1 fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home/.config/fish/completions" "$work/run"
ln -s "$binary" "$work/bin/mlroadmap"
failed=0
run() { env -i PATH="$work/bin:$PATH" HOME="$work/home" NO_COLOR=1 "$@"; }
fail() { echo "FAIL: $*"; failed=1; }

overview=$(run COLUMNS=80 mlroadmap 2>"$work/err") || fail "bare mlroadmap does not exit 0"
[ -s "$work/err" ] && fail "bare mlroadmap writes to stderr"
for asked in "-h" "--help" "help"; do
  [ "$(run COLUMNS=80 mlroadmap $asked)" = "$overview" ] || fail "'mlroadmap $asked' differs from bare mlroadmap"
done
commands=$(printf '%s\n' "$overview" | sed -n '/^Commands:/,/^$/p' | awk '/^  [a-z]/ {print $1}')
[ "$(echo $commands)" = "plan skills show why next roles graph validate merge batch match report completions help" ] ||
  fail "the overview lists: $(echo $commands)"

# fits WIDTH TEXT: no line wider than WIDTH unless it is one word.
fits() {
  printf '%s\n' "$2" | awk -v w="$1" 'length($0) > w && $0 ~ /[^ ] +[^ ]/ {print "  " $0; bad=1} END {exit bad}'
}
words() { printf '%s\n' "$1" | tr -s ' \n' '  '; }

# What the examples name: a graph of one's own, an overlay, profiles, a directory for plans.
mkdir "$work/run/plans"
cp "$fixtures/small.json" "$work/run/my-graph.json"
cp "$fixtures/overlay/company.json" "$work/run/company.json"
printf '%s\n' '{"id": "ana", "have": ["sql"]}' '{"id": "bo", "have": ["python"]}' >"$work/run/profiles.jsonl"
cp "$work/run/profiles.jsonl" "$work/run/cohort.jsonl"
printf '%s\r\n' 'id;have;goals' 'ana;sql, statistics;data-scientist' 'bo;python;' >"$work/run/people.csv"
cp "$work/run/people.csv" "$work/run/cohort.csv"
printf '%s\r\n' 'Name' 'Python (Programming Language)' 'SQL' 'Machine Learning' >"$work/run/Skills.csv"
printf '%s\n' 'Python' 'scikit learn' 'Linear Algebra' >"$work/run/names.txt"
for command in $commands; do
  help=$(run COLUMNS=80 mlroadmap help "$command") || fail "help $command does not exit 0"
  [ "$(run COLUMNS=80 mlroadmap "$command" --help)" = "$help" ] || fail "help $command differs from $command --help"
  [ "$(run COLUMNS=80 mlroadmap "$command" -h)" = "$help" ] || fail "$command -h differs from $command --help"
  for width in 60 80 140; do
    text=$(run COLUMNS=$width mlroadmap help "$command")
    fits "$width" "$text" || fail "help $command is wider than $width columns"
    [ "$(words "$text")" = "$(words "$help")" ] || fail "help $command has other words at $width columns"
  done
  examples=$(printf '%s\n' "$help" | sed -n '/^Examples:/,$p' | grep -E '^  [^ ]' | sed 's/^  //')
  count=$(printf '%s\n' "$examples" | grep -c .)
  [[ $count -ge 2 && $count -le 3 ]] || fail "help $command ends with $count examples"
  while IFS= read -r example; do
    (cd "$work/run" && run bash -c "$example" >/dev/null 2>"$work/err") ||
      fail "the example '$example' fails: $(cat "$work/err")"
  done <<<"$examples"
done
version=$(run mlroadmap --version)
[[ $(head -1 <<<"$version") == "mlroadmap "[0-9]* ]] || fail "--version starts: $(head -1 <<<"$version")"
grep -Eq '^built-in graph: .+, version .+, [0-9]+ skills$' <<<"$version" || fail "--version: $version"
[ $failed = 0 ] && echo "Help checks passed"
exit $failed
