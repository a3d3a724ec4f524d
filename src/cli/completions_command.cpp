// Shell completion scripts, generated from the command-line definition itself so they never
// drift from it. Skill and role names are completed live, by asking `mlroadmap skills -q` and
// `mlroadmap roles -q`.

#include <fmt/format.h>

#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"

namespace mlroadmap::cli {

namespace {

// What a flag's value is, which decides how each shell completes it.
enum class ValueKind { none, choices, skills, goal, file, other };

struct FlagInfo {
  std::vector<std::string> names;  // "--have", "-o"
  std::string values;              // "text|json" for a fixed set, "FILE", "SKILLS", ... or ""
  std::string description;

  ValueKind kind() const {
    if (values.empty()) return ValueKind::none;
    if (values.find('|') != std::string::npos) return ValueKind::choices;
    if (values == "SKILLS") return ValueKind::skills;
    if (values == "GOAL") return ValueKind::goal;
    if (values == "FILE") return ValueKind::file;
    return ValueKind::other;
  }
  /// The fixed set, space-separated.
  std::string choices() const {
    std::string list = values;
    for (char& c : list) c = c == '|' ? ' ' : c;
    return list;
  }
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<FlagInfo> flags;
  bool takes_skill = false;  // a positional SKILL
  bool takes_shell = false;
};

std::vector<CommandInfo> describe(const CLI::App& app) {
  std::vector<CommandInfo> commands;
  for (const CLI::App* sub : app.get_subcommands({})) {
    CommandInfo info{sub->get_name(), sub->get_description(), {}, false, false};
    for (const CLI::Option* option : sub->get_options()) {
      if (option->get_positional()) {
        info.takes_skill = info.takes_skill || option->get_type_name() == "SKILL";
        info.takes_shell = info.takes_shell || option->get_type_name() == "bash|zsh|fish";
        continue;
      }
      FlagInfo flag;
      for (const std::string& s : option->get_snames()) flag.names.push_back("-" + s);
      for (const std::string& l : option->get_lnames()) flag.names.push_back("--" + l);
      flag.values = option->get_type_size_max() > 0 ? option->get_type_name() : "";
      flag.description = option->get_description();
      info.flags.push_back(std::move(flag));
    }
    commands.push_back(std::move(info));
  }
  return commands;
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string words(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& word : list) out += (out.empty() ? "" : " ") + word;
  return out;
}

// What bash offers for a flag's value: a fixed set, names from the graph, or files; empty for
// a flag that takes none.
std::string bash_value_action(const FlagInfo& f) {
  switch (f.kind()) {
    case ValueKind::none: return {};
    case ValueKind::choices:
      return fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))", f.choices());
    case ValueKind::skills:
      // Comma lists: complete the name after the last comma.
      return "local before= word=$cur; if [[ $cur == *,* ]]; then before=${cur%,*},; "
             "word=${cur##*,}; fi; COMPREPLY=($(compgen -P \"$before\" -W \"$(_mlroadmap_names "
             "skills)\" -- \"$word\")); compopt -o nospace 2>/dev/null";
    case ValueKind::goal:
      return "COMPREPLY=($(compgen -W \"$(_mlroadmap_names roles) $(_mlroadmap_names "
             "skills)\" -- \"$cur\"))";
    case ValueKind::file: return "COMPREPLY=($(compgen -f -- \"$cur\"))";
    case ValueKind::other: return "return";
  }
  return {};
}

// The start of the bash script: the helpers, and the completion function up to the first
// word's case.
constexpr std::string_view kBashStart = R"sh(# bash completion for mlroadmap
_mlroadmap_names() {
  mlroadmap "$1" -q 2>/dev/null
}

# Ids may hold ':' and '@', at which bash splits words (COMP_WORDBREAKS). The word being
# completed and the one before it are read from the line, split at blanks only; replies are
# then cut to the part bash replaces: what follows the last ':', or the last '@' and what
# follows it (readline keeps '@' in the text it completes).
_mlroadmap_current() {
  cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  [ -n "${COMP_LINE-}" ] || return 0
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  read -ra words <<<"$line"
  (( ${#words[@]} > 0 )) || return 0
  if [[ -z $line || $line == *[[:blank:]] ]]; then
    cur= prev=${words[${#words[@]}-1]-}
  else
    cur=${words[${#words[@]}-1]} prev=${words[${#words[@]}-2]-}
  fi
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
  local cur prev
  _mlroadmap_current
  COMPREPLY=()
  _mlroadmap_replies
  _mlroadmap_trim
}

_mlroadmap_replies() {
  if [ "$COMP_CWORD" -eq 1 ]; then
)sh";

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const CommandInfo& c : commands) names.push_back(c.name);
  std::string out(kBashStart);
  out += fmt::format("    COMPREPLY=($(compgen -W '{} --help --version' -- \"$cur\"))\n",
                     words(names));
  out += R"(    return
  fi
  local command=${COMP_WORDS[1]} flags= values=
  case $command in
)";
  for (const CommandInfo& c : commands) {
    std::vector<std::string> flags{"--help"};
    for (const FlagInfo& f : c.flags) flags.insert(flags.end(), f.names.begin(), f.names.end());
    out += fmt::format("    {}) flags='{}' ;;\n", c.name, words(flags));
  }
  out += "  esac\n  case $prev in\n";
  std::vector<std::pair<std::string, std::string>> cases;
  for (const CommandInfo& c : commands) {
    for (const FlagInfo& f : c.flags) {
      const std::string action = bash_value_action(f);
      if (action.empty()) continue;
      for (const std::string& name : f.names) {
        cases.emplace_back(fmt::format("{}/{}", c.name, name), action);
      }
    }
  }
  for (const auto& [key, action] : cases) {
    const std::string flag = key.substr(key.find('/') + 1);
    const std::string command = key.substr(0, key.find('/'));
    out += fmt::format("    {})\n      if [ \"$command\" = {} ]; then {}; return; fi ;;&\n", flag,
                       command, action);
  }
  out += R"(  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  case $command in
)";
  for (const CommandInfo& c : commands) {
    if (c.takes_skill) {
      out += fmt::format(
          "    {}) COMPREPLY=($(compgen -W \"$(_mlroadmap_names skills)\" -- \"$cur\")) ;;\n",
          c.name);
    } else if (c.takes_shell) {
      out +=
          fmt::format("    {}) COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\")) ;;\n", c.name);
    }
  }
  out += "  esac\n}\ncomplete -F _mlroadmap mlroadmap\n";
  return out;
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string out = R"sh(#compdef mlroadmap
# zsh completion for mlroadmap

_mlroadmap_skills() {
  local -a names
  names=(${(f)"$(mlroadmap skills -q 2>/dev/null)"})
  # _values reads a colon as the end of a value's name: ids may hold one
  _values -s , skill ${names[@]//:/\\:}
}

_mlroadmap_goals() {
  local -a names
  names=(${(f)"$(mlroadmap roles -q 2>/dev/null)"} ${(f)"$(mlroadmap skills -q 2>/dev/null)"})
  compadd -a names
}

_mlroadmap_skill() {
  local -a names
  names=(${(f)"$(mlroadmap skills -q 2>/dev/null)"})
  compadd -a names
}

_mlroadmap() {
  local -a commands
  commands=(
)sh";
  for (const CommandInfo& c : commands) {
    std::string description = c.description;
    for (char& ch : description) ch = ch == ':' ? ' ' : ch;
    out += fmt::format("    {}\n", shell_quote(c.name + ":" + description));
  }
  out += R"(  )
  if (( CURRENT == 2 )); then
    _describe command commands
    _arguments '--help[show help]' '--version[show the version]'
    return
  fi
  local command=${words[2]}
  shift words
  (( CURRENT-- ))
  case $command in
)";
  for (const CommandInfo& c : commands) {
    out += fmt::format("    {})\n      _arguments \\\n        '--help[show help]' \\\n", c.name);
    for (const FlagInfo& f : c.flags) {
      std::string description = f.description;
      for (char& ch : description) {
        if (ch == '[' || ch == ']' || ch == ':' || ch == '\'') ch = ' ';
      }
      std::string action;
      switch (f.kind()) {
        case ValueKind::none: break;
        case ValueKind::choices: action = fmt::format(":value:({})", f.choices()); break;
        case ValueKind::skills: action = ":skills:_mlroadmap_skills"; break;
        case ValueKind::goal: action = ":goal:_mlroadmap_goals"; break;
        case ValueKind::file: action = ":file:_files"; break;
        case ValueKind::other: action = fmt::format(":{}: ", f.values); break;
      }
      const bool repeatable = f.names.front() == "--have" || f.names.front() == "--goal" ||
                              f.names.front() == "--have-file";
      for (const std::string& name : f.names) {
        out += fmt::format("        '{}{}[{}]{}' \\\n", repeatable ? "*" : "", name, description,
                           action);
      }
    }
    if (c.takes_skill) out += "        ':skill:_mlroadmap_skill' \\\n";
    if (c.takes_shell) out += "        ':shell:(bash zsh fish)' \\\n";
    out += "        && return 0 ;;\n";
  }
  out += "  esac\n}\n\n_mlroadmap \"$@\"\n";
  return out;
}

std::string fish_script(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const CommandInfo& c : commands) names.push_back(c.name);
  std::string out = "# fish completion for mlroadmap\ncomplete -c mlroadmap -f\n";
  out += fmt::format(
      "complete -c mlroadmap -n 'not __fish_seen_subcommand_from {}' -l version -d 'Show the "
      "version'\n",
      words(names));
  for (const CommandInfo& c : commands) {
    out +=
        fmt::format("complete -c mlroadmap -n 'not __fish_seen_subcommand_from {}' -a {} -d {}\n",
                    words(names), c.name, shell_quote(c.description));
  }
  for (const CommandInfo& c : commands) {
    const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", c.name);
    for (const FlagInfo& f : c.flags) {
      std::string spec;
      for (const std::string& name : f.names) {
        spec += name.starts_with("--") ? fmt::format(" -l {}", name.substr(2))
                                       : fmt::format(" -s {}", name.substr(1));
      }
      std::string action;
      switch (f.kind()) {
        case ValueKind::none: break;
        case ValueKind::choices: action = fmt::format(" -x -a '{}'", f.choices()); break;
        case ValueKind::skills: action = " -x -a '(mlroadmap skills -q 2>/dev/null)'"; break;
        case ValueKind::goal:
          action = " -x -a '(mlroadmap roles -q 2>/dev/null; mlroadmap skills -q 2>/dev/null)'";
          break;
        case ValueKind::file: action = " -r -F"; break;
        case ValueKind::other: action = " -x"; break;
      }
      out += fmt::format("complete -c mlroadmap {}{}{} -d {}\n", when, spec, action,
                         shell_quote(f.description));
    }
    if (c.takes_skill) {
      out += fmt::format("complete -c mlroadmap {} -a '(mlroadmap skills -q 2>/dev/null)'\n", when);
    }
    if (c.takes_shell) out += fmt::format("complete -c mlroadmap {} -a 'bash zsh fish'\n", when);
  }
  return out;
}

}  // namespace

void setup_completions(CLI::App& command, CompletionsOptions& options) {
  command.add_option("shell", options.shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}))
      ->type_name("bash|zsh|fish");
}

int run_completions(const CLI::App& app, const CompletionsOptions& options) {
  const std::vector<CommandInfo> commands = describe(app);
  const std::string script = options.shell == "bash"  ? bash_script(commands)
                             : options.shell == "zsh" ? zsh_script(commands)
                                                      : fish_script(commands);
  return write_stdout(script) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
