#!/usr/bin/env bash
# Loads the bash completion script into bash and asks it for completions, as a shell would.
# zsh and fish scripts are checked for syntax when those shells are installed.
# usage: check_completions.sh BINARY
set -u
binary=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$binary" "$dir/mlroadmap"
export PATH="$dir:$PATH"
failed=0

out=$(bash --norc --noprofile -c '
  source <(mlroadmap completions bash) || exit 1
  complete -p mlroadmap >/dev/null || exit 1
  complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _mlroadmap; echo "${COMPREPLY[*]}"; }
  echo "commands: $(complete_words mlroadmap pl)"
  echo "flags: $(complete_words mlroadmap plan --ha)"
  echo "have: $(complete_words mlroadmap plan --have pyt)"
  echo "have-list: $(complete_words mlroadmap plan --have python,nu)"
  echo "goal: $(complete_words mlroadmap plan --goal nlp)"
  echo "format: $(complete_words mlroadmap graph --format m)"
  echo "show: $(complete_words mlroadmap show scikit)"
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
