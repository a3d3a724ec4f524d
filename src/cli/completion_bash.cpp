// The bash completion script.

#include <fmt/format.h>

#include <utility>

#include "completion_scripts.hpp"

namespace mlroadmap::cli {

namespace {

// The helpers every script shares: names from the program, the words of the line, comma lists.
constexpr std::string_view kHelpers = R"sh(# bash completion for mlroadmap

# Names the program knows: skills, roles, goals (roles and skills), categories or subjects (all
# three), of the graph
# named by --graph on the line (else MLROADMAP_GRAPH's, else the built-in one).
_mlroadmap_names() {
  local graph=() i
  for ((i = 2; i < cword; i++)); do
    case ${words[i]} in
      --graph) graph=(--graph "${words[i+1]/#\~/$HOME}") ;;
      --graph=*) graph=(--graph "${words[i]#--graph=}") ;;
    esac
  done
  case $1 in
    categories) mlroadmap categories -q "${graph[@]}" 2>/dev/null ;;
    goals) mlroadmap roles -q "${graph[@]}" 2>/dev/null
           mlroadmap skills -q "${graph[@]}" 2>/dev/null ;;
    subjects) mlroadmap skills -q "${graph[@]}" 2>/dev/null
              mlroadmap roles -q "${graph[@]}" 2>/dev/null
              mlroadmap categories -q "${graph[@]}" 2>/dev/null ;;
    *) mlroadmap "$1" -q "${graph[@]}" 2>/dev/null ;;
  esac
}

# One name, or a name after the last comma of a list.
_mlroadmap_one() { COMPREPLY=($(compgen -W "$(_mlroadmap_names "$1")" -- "$cur")); }
_mlroadmap_list() {
  local before= word=$cur
  if [[ $cur == *,* ]]; then before=${cur%,*},; word=${cur##*,}; fi
  COMPREPLY=($(compgen -P "$before" -W "$(_mlroadmap_names "$1")" -- "$word"))
  compopt -o nospace 2>/dev/null
}
_mlroadmap_files() { COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; }
_mlroadmap_dirs() { COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; }

# The flags of a command not given yet, from groups such as '-o|--output' ('+' first: may be
# given again).
_mlroadmap_flags() {
  local group name w used reply=()
  for group in $1; do
    used=
    if [[ $group != +* ]]; then
      for name in ${group//|/ }; do
        for w in "${words[@]:2:cword-2}"; do
          [[ $w == "$name" || $w == "$name"=* ]] && used=1
        done
      done
    fi
    [[ -n $used ]] || reply+=(${group//[+|]/ })
  done
  COMPREPLY=($(compgen -W "${reply[*]}" -- "$cur"))
}

# Ids may hold ':' and '@', at which bash splits words (COMP_WORDBREAKS). The words are read
# from the line, split at blanks only; `--flag=value` is read as the flag and the value being
# completed. Replies are then cut to the part bash replaces: what follows the last ':', or the
# last '@' and what follows it (readline keeps '@' in the text it completes).
_mlroadmap_current() {
  words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  if [ -n "${COMP_LINE-}" ]; then
    local line=${COMP_LINE:0:COMP_POINT}
    read -ra words <<<"$line"
    [[ -z $line || $line == *[[:blank:]] ]] && words+=("")
    cword=$(( ${#words[@]} - 1 ))
  fi
  cur=${words[cword]-} prev=${words[cword-1]-}
  if [[ $cur == --*=* ]]; then prev=${cur%%=*} cur=${cur#*=}; fi
}

_mlroadmap_trim() {
  local breaks= c
  for c in @ :; do [[ $COMP_WORDBREAKS == *"$c"* ]] && breaks+=$c; done
  [[ -n $breaks && $cur == *["$breaks"]* ]] || return 0
  local kept=${cur%"${cur##*["$breaks"]}"}
  kept=${kept%@}
  COMPREPLY=("${COMPREPLY[@]#"$kept"}")
}

_mlroadmap() {
  local cur prev words cword
  _mlroadmap_current
  COMPREPLY=()
  _mlroadmap_replies
  _mlroadmap_trim
}
)sh";

// What bash does to complete a value of this kind.
std::string value_action(const Flag& flag, const std::vector<CommandInfo>& commands) {
  switch (flag.takes) {
    case Takes::choice:
      return fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))",
                         fmt::join(flag.choices, " "));
    case Takes::skills: return "_mlroadmap_list skills";
    case Takes::goals: return "_mlroadmap_list goals";
    case Takes::skill: return "_mlroadmap_one skills";
    case Takes::subject: return "_mlroadmap_one subjects";
    case Takes::category: return "_mlroadmap_one categories";
    case Takes::command:
      return fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))", command_names(commands));
    case Takes::file: return "_mlroadmap_files";
    case Takes::directory: return "_mlroadmap_dirs";
    default: return ":";  // a number, a size, a date: nothing to offer but what is typed
  }
}

// "-h|--help +--have --format": the groups _mlroadmap_flags reads.
std::string flag_groups(const CommandInfo& command) {
  std::string out;
  for (const Flag& flag : command.flags) {
    if (flag.positional()) continue;
    std::string names;
    for (const std::string& s : flag.spellings()) names += (names.empty() ? "" : "|") + s;
    out += std::string(out.empty() ? "" : " ") + (flag.repeatable ? "+" : "") + names;
  }
  return out;
}

// `case` branches, each action once with every "command/word" pattern that leads to it.
using Branches = std::vector<std::pair<std::string, std::vector<std::string>>>;

void add_branch(Branches& branches, const std::string& action, std::string pattern) {
  for (auto& [a, patterns] : branches) {
    if (a == action) {
      patterns.push_back(std::move(pattern));
      return;
    }
  }
  branches.push_back({action, {std::move(pattern)}});
}

std::string render(const Branches& branches, std::string_view after) {
  std::string out;
  for (const auto& [action, patterns] : branches) {
    out += fmt::format("    {}) {}{} ;;\n", fmt::join(patterns, "|"), action, after);
  }
  return out;
}

// The arguments a command takes, by position: "show/0", or "validate/*" for the last of a
// command whose last argument repeats.
Branches argument_branches(const std::vector<CommandInfo>& commands) {
  Branches branches;
  for (const CommandInfo& c : commands) {
    std::size_t k = 0;
    for (const Flag& flag : c.flags) {
      if (!flag.positional()) continue;
      const std::string where = flag.repeatable ? "*" : std::to_string(k++);
      add_branch(branches, value_action(flag, commands), c.name + "/" + where);
    }
  }
  return branches;
}

}  // namespace

std::string bash_completion(const std::vector<CommandInfo>& commands) {
  std::string out(kHelpers);
  out += "\n# How many arguments (not flags, nor their values) come before the word completed.\n";
  out += "_mlroadmap_arguments() {\n  local i n=0 only=\n  for ((i = 2; i < cword; i++)); do\n";
  out += "    if [[ -z $only ]]; then\n      case ${words[i]} in\n        --) only=1; continue ;;\n";
  out += fmt::format("        {}) ((i++)); continue ;;\n", fmt::join(valued_spellings(commands), "|"));
  out += "        -?*) continue ;;\n      esac\n    fi\n    ((n++))\n  done\n  echo $n\n}\n\n";
  out += "_mlroadmap_flag_groups() {\n  case $1 in\n";
  for (const CommandInfo& c : commands) {
    out += fmt::format("    {}) echo {} ;;\n", c.name, shell_quote(flag_groups(c)));
  }
  out += "  esac\n}\n\n_mlroadmap_replies() {\n  if ((cword == 1)); then\n";
  out += fmt::format("    COMPREPLY=($(compgen -W '{} -h --help --version' -- \"$cur\"))\n",
                     command_names(commands));
  out += "    return\n  fi\n  local command=${words[1]}\n  case $command/$prev in\n";
  Branches values;
  for (const CommandInfo& c : commands) {
    for (const Flag& flag : c.flags) {
      if (flag.positional() || flag.takes == Takes::nothing) continue;
      for (const std::string& s : flag.spellings()) {
        add_branch(values, value_action(flag, commands), c.name + "/" + s);
      }
    }
  }
  out += render(values, "; return");
  out += "  esac\n  if [[ $cur == -* ]]; then\n";
  out += "    _mlroadmap_flags \"$(_mlroadmap_flag_groups \"$command\")\"\n    return\n  fi\n";
  out += "  case $command/$(_mlroadmap_arguments) in\n";
  out += render(argument_branches(commands), "");
  out += "    *) _mlroadmap_flags \"$(_mlroadmap_flag_groups \"$command\")\" ;;\n";
  out += "  esac\n}\n\ncomplete -F _mlroadmap mlroadmap\n";
  return out;
}

}  // namespace mlroadmap::cli
