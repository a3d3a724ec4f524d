// The zsh completion script.

#include <fmt/format.h>

#include "completion_scripts.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::string_view kHelpers = R"sh(#compdef mlroadmap
# zsh completion for mlroadmap

# Names the program knows: skills, roles, goals (roles and skills), categories or subjects (all
# three), of the graph
# named by --graph on the line (else MLROADMAP_GRAPH's, else the built-in one).
_mlroadmap_names() {
  local -a graph
  local i g
  for (( i = 1; i < CURRENT; i++ )); do
    case $words[i] in
      --graph) g=${(Q)words[i+1]}; graph=(--graph ${g/#\~/$HOME}) ;;
      --graph=*) g=${(Q)words[i]#--graph=}; graph=(--graph ${g/#\~/$HOME}) ;;
    esac
  done
  case $1 in
    categories) mlroadmap categories -q $graph 2>/dev/null ;;
    goals) mlroadmap roles -q $graph 2>/dev/null; mlroadmap skills -q $graph 2>/dev/null ;;
    subjects) mlroadmap skills -q $graph 2>/dev/null; mlroadmap roles -q $graph 2>/dev/null
              mlroadmap categories -q $graph 2>/dev/null ;;
    *) mlroadmap $1 -q $graph 2>/dev/null ;;
  esac
}

# One name, or names in a comma list. _arguments puts compadd's options before the kind.
_mlroadmap_one() {
  local -a names
  names=(${(f)"$(_mlroadmap_names ${@[-1]})"})
  compadd "${@[1,-2]}" -a names
}
_mlroadmap_list() {
  local -a names
  names=(${(f)"$(_mlroadmap_names ${@[-1]})"})
  # _values reads a colon as the end of a value's name: ids may hold one
  _values -s , ${@[-1]} ${names[@]//:/\\:}
}

)sh";

// A description inside _arguments' brackets, with what would end it escaped.
std::string bracketed(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// ":MESSAGE:ACTION", what _arguments does for a value of this kind.
std::string value_spec(const Flag& flag, const std::vector<CommandInfo>& commands) {
  const std::string message = flag.value_name();
  switch (flag.takes) {
    case Takes::nothing: return {};
    case Takes::choice: return fmt::format(":{}:({})", message, fmt::join(flag.choices, " "));
    case Takes::skills: return fmt::format(":{}:_mlroadmap_list skills", message);
    case Takes::goals: return fmt::format(":{}:_mlroadmap_list goals", message);
    case Takes::skill: return fmt::format(":{}:_mlroadmap_one skills", message);
    case Takes::subject: return fmt::format(":{}:_mlroadmap_one subjects", message);
    case Takes::category: return fmt::format(":{}:_mlroadmap_one categories", message);
    case Takes::command: return fmt::format(":{}:({})", message, command_names(commands));
    case Takes::file: return fmt::format(":{}:_files", message);
    case Takes::directory: return fmt::format(":{}:_files -/", message);
    default: {
      // Nothing to offer: the message says what to type.
      const std::string accepted = accepted_values(flag);
      return fmt::format(":{}{}: ", message, accepted.empty() ? "" : " (" + accepted + ")");
    }
  }
}

// The _arguments specs of one command's flags and arguments.
std::vector<std::string> specs(const CommandInfo& command,
                               const std::vector<CommandInfo>& commands) {
  std::vector<std::string> out;
  for (const Flag& flag : command.flags) {
    if (flag.positional()) {
      const std::string value = value_spec(flag, commands);
      out.push_back(flag.repeatable ? "*" + value : flag.required ? value : ":" + value);
      continue;
    }
    // A flag that is not repeatable is offered until one of its spellings is given.
    const std::vector<std::string> spellings = flag.spellings();
    std::string exclusive;
    if (!flag.repeatable) exclusive = fmt::format("({})", fmt::join(spellings, " "));
    for (const std::string& s : spellings) {
      out.push_back(fmt::format("{}{}{}[{}]{}", exclusive, flag.repeatable ? "*" : "", s,
                                bracketed(flag.help), value_spec(flag, commands)));
    }
  }
  return out;
}

}  // namespace

std::string zsh_completion(const std::vector<CommandInfo>& commands) {
  std::string out(kHelpers);
  out += "_mlroadmap() {\n  local -a commands\n  commands=(\n";
  for (const CommandInfo& c : commands) {
    out += fmt::format("    {}\n", shell_quote(c.name + ":" + c.summary));
  }
  out += R"(  )
  if (( CURRENT == 2 )); then
    if [[ $PREFIX == -* ]]; then
      compadd -- -h --help --version
    else
      _describe command commands
    fi
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
)";
  for (const CommandInfo& c : commands) {
    out += fmt::format("    {})\n      _arguments -s -S", c.name);
    for (const std::string& spec : specs(c, commands)) {
      out += " \\\n        " + shell_quote(spec);
    }
    out += " ;;\n";
  }
  out += "  esac\n}\n\n_mlroadmap \"$@\"\n";
  return out;
}

}  // namespace mlroadmap::cli
