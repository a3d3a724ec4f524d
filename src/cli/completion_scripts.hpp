#pragma once
// Shell completion scripts for bash, zsh and fish, written from the commands' descriptions:
// what each flag's value is, whether it may be given again, and each command's arguments.
// Skill, role and category names are asked of the program as one types (`mlroadmap skills
// -q`, `mlroadmap roles -q`, `mlroadmap skills --categories -q`), with the --graph given on the
// line, so a graph of one's own completes too.

#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace mlroadmap::cli {

std::string bash_completion(const std::vector<CommandInfo>& commands);
std::string zsh_completion(const std::vector<CommandInfo>& commands);
std::string fish_completion(const std::vector<CommandInfo>& commands);

/// `text` in single quotes for any of the three shells.
std::string shell_quote(std::string_view text);
/// Every spelling, over all commands, of a flag that takes a value: the words after which the
/// next word is a value, not an argument.
std::vector<std::string> valued_spellings(const std::vector<CommandInfo>& commands);
/// The program's commands' names, space-separated.
std::string command_names(const std::vector<CommandInfo>& commands);

}  // namespace mlroadmap::cli
