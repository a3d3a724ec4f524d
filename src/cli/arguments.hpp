#pragma once
// The command line checked against a command's flags before CLI11 reads it, so that every
// mistake is reported in the program's own words: an unknown flag (with the closest names), a
// missing or unwanted value, a value that is not what the flag takes, a flag given twice, an
// argument too many or one missing.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace mlroadmap::cli {

enum class ArgumentCheck {
  run,    ///< nothing wrong: parse and run
  help,   ///< -h or --help was given: print the command's help
  wrong,  ///< something is wrong, and has been said on stderr
};

/// Checks `args`, the arguments after the command's name, against the command's flags. When
/// they are fine, `normalized` holds them in the one form CLI11 cannot read two ways: every
/// flag by its long name with its value attached (`--have=python`), then `--` and the
/// arguments.
ArgumentCheck check_arguments(const CommandInfo& command, std::span<const std::string_view> args,
                              std::vector<std::string>& normalized);

}  // namespace mlroadmap::cli
