#!/usr/bin/env bash
# Loads the bash completion script into bash and asks it for completions, as a shell would.
# zsh and fish scripts are checked for syntax when those shells are installed.
# usage: check_completions.sh BINARY [FIXTURES_DIR]
# With FIXTURES_DIR, names are also completed from real-world-ids.json there: ids holding ':'
# and '@', where bash splits words.
set -u
binary=$1 fixtures=${2:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$binary" "$dir/mlroadmap"
export PATH="$dir:$PATH"
failed=0

# complete_words WORD...: bash's words as given. complete_line LINE: the line as typed, split
# into words the way bash does (at blanks, and around the characters of COMP_WORDBREAKS that ids
# may hold).
harness='
  source <(mlroadmap completions bash) || exit 1
  complete -p mlroadmap >/dev/null || exit 1
  complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _mlroadmap; echo "${COMPREPLY[*]}"; }
  complete_line() {
    local spaced=${1//:/ : }
    spaced=${spaced//@/ @ }
    read -ra COMP_WORDS <<<"$spaced"
    [[ $1 == *" " || $1 == *[:@] ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )) COMP_LINE=$1 COMP_POINT=${#1} COMPREPLY=()
    _mlroadmap
    echo "${COMPREPLY[*]}"
  }
'
out=$(bash --norc --noprofile -c "$harness"'
  echo "commands: $(complete_words mlroadmap pl)"
  echo "flags: $(complete_words mlroadmap plan --ha)"
  echo "have: $(complete_words mlroadmap plan --have pyt)"
  echo "have-list: $(complete_words mlroadmap plan --have python,nu)"
  echo "goal: $(complete_words mlroadmap plan --goal nlp)"
  echo "format: $(complete_words mlroadmap graph --format m)"
  echo "show: $(complete_words mlroadmap show scikit)"
  echo "line-have: $(complete_line "mlroadmap plan --have pyt")"
  echo "line-empty: $(complete_line "mlroadmap show ")" | cut -d" " -f1-4
' 2>&1) || { echo "FAIL: the bash script does not load"; printf '%s\n' "$out"; exit 1; }
expect() {
  printf '%s\n' "$out" | grep -qx -- "$1" || { echo "FAIL: expected '$1'"; failed=1; }
}
expect "commands: plan"
expect "flags: --have --have-file"
expect "have: python python-environments pytorch"
expect "have-list: python,numpy"
expect "goal: nlp-engineer nlp-libraries nlp-fundamentals"
expect "format: mermaid"
expect "show: scikit-learn"
expect "line-have: python python-environments pytorch"
expect "line-empty: python r java"

# Names from a graph of real-world ids: the program is asked through a wrapper that passes
# --graph, as a shell with a graph of its own would be set up. Replies hold only what follows
# the last ':' typed, or from the last '@' on: the part bash replaces (it keeps '@' in the
# text it completes; checked against an interactive bash).
if [ -n "$fixtures" ]; then
  rm "$dir/mlroadmap"
  cat >"$dir/mlroadmap" <<EOF
#!/bin/sh
case \$1 in
  skills|roles) exec "$binary" "\$@" --graph "$fixtures/real-world-ids.json" ;;
  *) exec "$binary" "\$@" ;;
esac
EOF
  chmod +x "$dir/mlroadmap"
  ids=$(bash --norc --noprofile -c "$harness"'
    echo "uri: $(complete_line "mlroadmap show http://data.europa.eu/esco/skill/a")"
    echo "uri-colon: $(complete_line "mlroadmap show http:")"
    echo "at: $(complete_line "mlroadmap plan --have python@")"
    echo "at-more: $(complete_line "mlroadmap plan --have python@3")"
    echo "list: $(complete_line "mlroadmap plan --have 2.A.1.a,http://data.europa.eu/esco/skill/0")"
    echo "code: $(complete_line "mlroadmap why 2.A")"
    echo "role: $(complete_line "mlroadmap plan --goal esco:occ")"
  ' 2>&1) || { echo "FAIL: the bash script does not load"; printf '%s\n' "$ids"; exit 1; }
  out+=$'\n'$ids
  expect "uri: //data.europa.eu/esco/skill/abc-123"
  expect "uri-colon: //data.europa.eu/esco/skill/abc-123 //data.europa.eu/esco/skill/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
  expect "at: @3.12"
  expect "at-more: @3.12"
  expect "list: //data.europa.eu/esco/skill/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
  expect "code: 2.A.1.a 2.A.1.b"
  expect "role: occupation/data-scientist"
fi
for shell in zsh fish; do
  if command -v $shell >/dev/null; then
    "$binary" completions $shell >"$dir/script.$shell"
    $shell -n "$dir/script.$shell" || { echo "FAIL: $shell reports a syntax error"; failed=1; }
  else
    echo "note: $shell is not installed; its script was not syntax-checked"
  fi
done
[ $failed = 0 ] && echo "Completion checks passed"
printf '%s\n' "$out"
exit $failed
