#pragma once
// The program's help, written from the commands' descriptions: wrapped at word boundaries to
// the terminal's width, every flag with a plain metavariable and its values in words, and
// examples at the end.

#include <string>
#include <vector>

#include "commands.hpp"

namespace mlroadmap::cli {

/// The overview: what the program does, its commands and examples (bare mlroadmap, --help,
/// help).
std::string program_help(const std::vector<CommandInfo>& commands, std::size_t width);

/// A command's help: usage, summary, arguments and flags by group, examples.
std::string command_help(const CommandInfo& command, std::size_t width);

/// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole on
/// a line of its own), the first line starting `first` columns in (already written), the
/// others indented by `indent`; each line ends with a newline.
std::string wrap(std::string_view text, std::size_t first, std::size_t indent, std::size_t width);

}  // namespace mlroadmap::cli
