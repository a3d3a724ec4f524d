// mlroadmap completions SHELL: a completion script made from the commands' descriptions, so it
// never drifts from them.

#include <fmt/format.h>

#include <algorithm>

#include "commands.hpp"
#include "completion_scripts.hpp"
#include "exit_codes.hpp"

namespace mlroadmap::cli {

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

std::vector<std::string> valued_spellings(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> out;
  for (const CommandInfo& command : commands) {
    for (const Flag& flag : command.flags) {
      if (flag.positional() || flag.takes == Takes::nothing) continue;
      for (std::string& s : flag.spellings()) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
      }
    }
  }
  return out;
}

std::string command_names(const std::vector<CommandInfo>& commands) {
  std::string out;
  for (const CommandInfo& c : commands) out += (out.empty() ? "" : " ") + c.name;
  return out;
}

void setup_completions(CommandFlags& command, CompletionsOptions& options) {
  command.add(options.shell, {.names = "shell",
                              .metavar = "SHELL",
                              .help = "The shell to complete in",
                              .takes = Takes::choice,
                              .choices = {"bash", "zsh", "fish"},
                              .required = true});
}

int run_completions(const std::vector<CommandInfo>& commands, const CompletionsOptions& options) {
  const std::string script = options.shell == "bash"  ? bash_completion(commands)
                             : options.shell == "zsh" ? zsh_completion(commands)
                                                      : fish_completion(commands);
  return write_stdout(script) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
