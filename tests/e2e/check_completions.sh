#!/usr/bin/env bash
# Loads each completion script into its real shell and asks it for completions, as the shell
# does when Tab is pressed: bash through its completion function, zsh through zpty (a terminal
# that a zsh script drives), fish through `complete -C`. Every value offered must be valid:
# enumerations exactly, names from the program (with --graph and MLROADMAP_GRAPH honoured), no
# reply twice, no flag already given that cannot be given again.
# usage: check_completions.sh BINARY FIXTURES_DIR
# With FIXTURES_DIR, names are also completed from real-world-ids.json there: ids holding ':'
# and '@', where bash splits words.
set -u
binary=$1 fixtures=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$binary" "$dir/mlroadmap"
export PATH="$dir:$PATH"
unset MLROADMAP_GRAPH
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
  echo "color: $(complete_line "mlroadmap plan --color ")"
  echo "format-j: $(complete_line "mlroadmap plan --format j")"
  echo "format-eq: $(complete_line "mlroadmap plan --format=j")"
  echo "pace: <$(complete_line "mlroadmap plan --hours-per-week ")>"
  echo "used: $(complete_line "mlroadmap plan --format json --color never -q --have x -")"
  echo "show-done: $(complete_line "mlroadmap show python ")"
  echo "help: $(complete_line "mlroadmap help ")"
  echo "category: $(complete_line "mlroadmap skills --graph '"$fixtures"'/small.json --category ")"
  echo "env-graph: $(MLROADMAP_GRAPH='"$fixtures"'/small.json complete_line "mlroadmap skills --category ")"
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
expect "color: auto always never"
expect "format-j: json"
expect "format-eq: json"
expect "pace: <>"
expect "used: -h --help --have --have-file --goal --prefer --exact --no-exact --hours-per-week --start --profile --graph --max-graph-size -o --output"
expect "show-done: -h --help --graph --max-graph-size --format -o --output --color -q --quiet"
expect "help: plan skills show why next roles graph validate merge batch match report completions help"
expect "category: programming math ml"
expect "env-graph: programming math ml"
expect "line-have: python python-environments pytorch"
expect "line-empty: python r java"

# Names from a graph of real-world ids: the program is asked through a wrapper that passes
# --graph, as a shell with a graph of its own would be set up. Replies hold only what follows
# the last ':' typed, or from the last '@' on: the part bash replaces (it keeps '@' in the
# text it completes; checked against an interactive bash).
if true; then
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
rm "$dir/mlroadmap"
ln -s "$binary" "$dir/mlroadmap"

# The same questions to zsh and fish; each answer is the replies, space-separated, in the
# order the shell gives them (fish sorts them).
questions=(
  "mlroadmap pl"
  "mlroadmap plan --color "
  "mlroadmap plan --format j"
  "mlroadmap plan --have python,nu"
  "mlroadmap plan --goal nlp-e"
  "mlroadmap show scikit"
  "mlroadmap plan --quiet --qu"
  "mlroadmap plan --color never --co"
  "mlroadmap plan --have x --pre"
  "mlroadmap plan --prefer python --prefer nu"
  "mlroadmap help "
  "mlroadmap completions "
  "mlroadmap skills --graph $fixtures/small.json --category "
  "mlroadmap plan --have x --ha"
)
zsh_answers=(
  "plan"
  "auto always never"
  "json"
  "numpy"
  "nlp-engineer"
  "scikit-learn"
  ""
  ""
  "--prefer"
  "numpy"
  "plan skills show why next roles graph validate merge batch match report completions help"
  "bash zsh fish"
  "programming math ml"
  "--have --have-file"
)
fish_answers=(
  "plan"
  "always auto never"
  "json"
  "python,numpy"
  "nlp-engineer"
  "scikit-learn"
  ""
  ""
  "--prefer"
  "numpy"
  "batch completions graph help match merge next plan report roles show skills validate why"
  "bash fish zsh"
  "math ml programming"
  "--have --have-file"
)

# check_answers SHELL FILE EXPECTED...: one answer a line in FILE, the same as EXPECTED, and no
# reply twice in one answer.
check_answers() {
  local shell=$1 file=$2 i=0 line expected
  shift 2
  while IFS= read -r line; do
    expected=${1-}
    shift
    [ "$line" = "$expected" ] ||
      { echo "FAIL: $shell: '${questions[i]}' gave '$line', expected '$expected'"; failed=1; }
    [ -z "$(tr ' ' '\n' <<<"$line" | sort | uniq -d)" ] ||
      { echo "FAIL: $shell offers a reply twice: $line"; failed=1; }
    i=$((i + 1))
  done <"$file"
  [ "$i" = ${#questions[@]} ] ||
    { echo "FAIL: $shell answered $i questions of ${#questions[@]}"; failed=1; }
}

if command -v zsh >/dev/null; then
  mkdir -p "$dir/zsh"
  "$binary" completions zsh >"$dir/zsh/_mlroadmap"
  # compadd is wrapped to print each reply between << and >> as zsh adds it.
  cat >"$dir/setup.zsh" <<SETUP
fpath=("$dir/zsh" \$fpath)
autoload -U compinit && compinit -u -D
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
SETUP
  cat >>"$dir/setup.zsh" <<'SETUP'
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a hits
  builtin compadd -A hits "$@"
  local h
  for h in $hits; do print -r -- "<<$h>>"; done
  builtin compadd "$@"
}
SETUP
  # Each question is typed into a fresh interactive zsh once its prompt shows, then Tab.
  cat >"$dir/ask.zsh" <<'ASK'
zmodload zsh/zpty
for question in "$@"; do
  zpty z zsh -f -i
  zpty -w z "source ${0:h}/setup.zsh; PROMPT='RE''ADY>'"
  zpty -r z all '*READY>*'
  zpty -w -n z "$question"$'\t'
  zpty -w -n z $'\C-u'
  zpty -w z "print -r -- EN''D"
  zpty -r z all '*END*'
  zpty -d z
  local -a out
  out=(${(f)all})
  out=(${(M)out:#*'<<'*'>>'*})
  out=(${${out#*<<}%%>>*})
  print -r -- "${(j: :)out}"
done
ASK
  timeout 120 zsh -f "$dir/ask.zsh" "${questions[@]}" >"$dir/zsh.answers" 2>"$dir/zsh.err" ||
    { echo "FAIL: zsh could not be asked"; cat "$dir/zsh.err"; failed=1; }
  check_answers zsh "$dir/zsh.answers" "${zsh_answers[@]}"
else
  echo "FAIL: zsh is not installed (scripts/setup-debian.sh installs it)"; failed=1
fi

if command -v fish >/dev/null; then
  "$binary" completions fish >"$dir/mlroadmap.fish"
  fish --no-config -c 'source $argv[1]
    for question in $argv[2..-1]
      set -l replies (complete -C "$question" | string replace -r "\t.*" "")
      echo "$replies"
    end' "$dir/mlroadmap.fish" "${questions[@]}" >"$dir/fish.answers" 2>"$dir/fish.err" ||
    { echo "FAIL: fish could not be asked"; cat "$dir/fish.err"; failed=1; }
  check_answers fish "$dir/fish.answers" "${fish_answers[@]}"
else
  echo "FAIL: fish is not installed (scripts/setup-debian.sh installs it)"; failed=1
fi
[ $failed = 0 ] && echo "Completion checks passed"
printf '%s\n' "$out"
exit $failed
