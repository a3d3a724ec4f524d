#!/usr/bin/env bash
# Renders plans as Markdown, parses them with cmark (a reference CommonMark parser) and checks
# the structure of the HTML: a heading per stage, the Mermaid block, no markup from the data.
# usage: check_markdown.sh BINARY FIXTURES_DIR
set -u
binary=$1 fixtures=$2
here=$(dirname "$0")
if ! command -v cmark >/dev/null; then
  echo "SKIPPED: cmark is not installed (apt-get install cmark; scripts/setup-debian.sh does)"
  exit 77
fi
failed=0
fail() { echo "FAIL: $*"; failed=1; }

check() {  # name, then mlroadmap arguments
  local name=$1
  shift
  local md html
  md=$(NO_COLOR=1 "$binary" plan --format markdown "$@") || { fail "$name: mlroadmap failed"; return; }
  html=$(printf '%s\n' "$md" | cmark --to html 2>&1) || { fail "$name: cmark failed"; return; }
  local headings
  headings=$(printf '%s\n' "$html" | grep -c '^<h2>Stage ')
  [ "$headings" -ge 1 ] || fail "$name: no stage headings"
  printf '%s\n' "$html" | grep -q '<h1>Roadmap to ' || fail "$name: no title"
  printf '%s\n' "$html" | grep -q '<code class="language-mermaid">flowchart ' || fail "$name: no Mermaid block"
  printf '%s\n' "$html" | grep -q '\[ \] <strong>' || fail "$name: no task-list items"
  # Nothing from the data may become markup.
  if printf '%s\n' "$html" | grep -Eiq '<script|<img|<b>|href="javascript'; then
    fail "$name: markup from the data reached the HTML"
    printf '%s\n' "$html" | grep -Ei '<script|<img|<b>|href="javascript' | head -5
  fi
  # Every stage in the contents has its heading.
  local toc
  toc=$(printf '%s\n' "$html" | grep -o 'href="#stage-[a-z0-9-]*"' | sort -u | wc -l)
  [ "$toc" -eq "$headings" ] || fail "$name: $toc contents links for $headings stage headings"
  # Every link inside the document (contents, skills) leads to a heading or an anchor, as
  # cmark-gfm, GitHub's parser, reads it; each map block is at most 60 boxes.
  if command -v cmark-gfm >/dev/null; then
    local unresolved
    unresolved=$(printf '%s\n' "$md" | cmark-gfm --unsafe -e tasklist | python3 "$here/check_links.py") ||
      fail "$name: $unresolved"
  else
    echo "note: cmark-gfm is not installed: links are not checked"
  fi
  local biggest
  biggest=$(printf '%s\n' "$md" | awk '/^```mermaid$/ { on = 1; n = 0; next }
    /^```$/ { if (on && n > max) max = n; on = 0 } on && /^ +[st][0-9]+\["/ { n++ }
    END { print max + 0 }')
  [ "$biggest" -le 60 ] || fail "$name: a map of $biggest boxes"
}

# The skill catalog (skills --format markdown): one table row per skill, as GitHub's parser
# reads it, and nothing from the data turned into markup or into extra cells.
check_catalog() {  # name, then mlroadmap arguments
  local name=$1
  shift
  command -v cmark-gfm >/dev/null || return
  local md html skills rows headers cells
  md=$(NO_COLOR=1 "$binary" skills --format markdown "$@") || { fail "$name catalog: mlroadmap failed"; return; }
  html=$(printf '%s\n' "$md" | cmark-gfm -e table) || { fail "$name catalog: cmark-gfm failed"; return; }
  skills=$(NO_COLOR=1 "$binary" skills -q "$@" | wc -l)
  rows=$(printf '%s\n' "$html" | grep -c '^<tr>$')
  headers=$(printf '%s\n' "$html" | grep -c '^<thead>$')
  [ $((rows - headers)) -eq "$skills" ] || fail "$name catalog: $((rows - headers)) rows for $skills skills"
  cells=$(printf '%s\n' "$html" | grep -c '^<td')
  [ "$cells" -eq $((skills * 5)) ] || fail "$name catalog: $cells cells for $skills skills of 5"
  if printf '%s\n' "$html" | grep -Eiq '<script|<img|<b>|href="javascript'; then
    fail "$name catalog: markup from the data reached the HTML"
  fi
}

check_catalog builtin
check_catalog hostile --graph "$fixtures/hostile.json"
check_catalog hostile-names --graph "$fixtures/hostile-names.json"

check builtin --have python,sql --hours-per-week 10 --start 2027-01-04
check builtin-nlp --goal nlp-engineer
check hostile --graph "$fixtures/hostile.json"
check small --graph "$fixtures/small.json" --have sql
check real-world-ids --graph "$fixtures/real-world-ids.json"
check hostile-names --graph "$fixtures/hostile-names.json"
[ $failed = 0 ] && echo "Markdown checks passed"
exit $failed
