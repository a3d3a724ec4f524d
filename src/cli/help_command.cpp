// mlroadmap help [COMMAND]: the same text as --help.

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "help.hpp"
#include "mlroadmap/spelling.hpp"

namespace mlroadmap::cli {

void setup_help(CommandFlags& command, HelpOptions& options) {
  command.add(options.command,
              {.names = "command", .help = "The command to explain", .takes = Takes::command});
}

int run_help(const std::vector<CommandInfo>& commands, const HelpOptions& options) {
  if (options.command.empty()) {
    return write_stdout(program_help(commands, terminal_width())) ? kSuccess : kDataError;
  }
  std::vector<std::string_view> names;
  for (const CommandInfo& command : commands) {
    if (command.name == options.command) {
      return write_stdout(command_help(command, terminal_width())) ? kSuccess : kDataError;
    }
    names.push_back(command.name);
  }
  print_error(fmt::format("unknown command '{}'{}; see 'mlroadmap --help'", options.command,
                          did_you_mean(closest_matches(options.command, names))));
  return kUsageError;
}

}  // namespace mlroadmap::cli
