#include "help.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mlroadmap::cli {

namespace {

// Columns a text takes: its UTF-8 characters.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "  label      description...", the description wrapped under itself from column `at` (less
// on a narrow terminal); a label too long for its column puts the description on the next
// line.
std::string entry(std::string_view label, std::string_view description, std::size_t width,
                  std::size_t at = 26) {
  const std::size_t column = std::min(at, width / 3);
  std::string out = fmt::format("  {}", label);
  if (columns(out) + 2 > column) {
    out += "\n";
    out += std::string(column, ' ');
  } else {
    out += std::string(column - columns(out), ' ');
  }
  return out + wrap(description, column, column, width);
}

std::string capitalized(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() -= 32;
  return text;
}

// "-o, --output FILE", "--exact, --no-exact", "SKILL".
std::string flag_label(const Flag& flag) {
  if (flag.positional()) return flag.value_name() + (flag.repeatable ? "..." : "");
  std::string label;
  for (const std::string& s : flag.spellings()) label += (label.empty() ? "" : ", ") + s;
  if (flag.takes != Takes::nothing) label += " " + flag.value_name();
  return label;
}

// The help, then what the value may be and whether the flag adds up, as sentences.
std::string flag_description(const Flag& flag) {
  std::string text = flag.help;
  const std::string accepted = accepted_values(flag);
  if (!accepted.empty()) text += fmt::format(". {}", capitalized(accepted));
  if (flag.repeatable && !flag.positional()) text += ". Repeatable";
  return text + ".";
}

std::string usage(const CommandInfo& command) {
  std::string out = fmt::format("Usage: mlroadmap {} [OPTIONS]", command.name);
  for (const Flag& flag : command.flags) {
    if (!flag.positional()) continue;
    const std::string name = flag_label(flag);
    out += flag.required ? " " + name : " [" + name + "]";
  }
  return out + "\n";
}

std::string examples(const std::vector<Example>& list, std::size_t width) {
  std::string out = "\nExamples:\n";
  for (const Example& e : list) {
    out += "  " + wrap(e.command, 2, 4, width);
    out += "      " + wrap(e.what, 6, 6, width);
  }
  return out;
}

}  // namespace

std::string wrap(std::string_view text, std::size_t first, std::size_t indent, std::size_t width) {
  std::string out;
  std::size_t at = first;
  bool line_empty = true;
  while (!text.empty()) {
    const std::size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const std::string_view word = text.substr(0, text.find(' '));
    text.remove_prefix(word.size());
    const std::size_t needed = columns(word) + (line_empty ? 0 : 1);
    if (!line_empty && at + needed > width) {
      out += "\n" + std::string(indent, ' ');
      at = indent;
      line_empty = true;
    }
    if (!line_empty) out += ' ';
    out += word;
    at += columns(word) + (line_empty ? 0 : 1);
    line_empty = false;
  }
  return out + "\n";
}

std::string command_help(const CommandInfo& command, std::size_t width) {
  std::string out = usage(command);
  out += "\n" + wrap(command.summary + ".", 0, 0, width);
  std::vector<std::string> groups;
  bool arguments = false;
  for (const Flag& flag : command.flags) {
    arguments = arguments || flag.positional();
    if (!flag.positional() && std::find(groups.begin(), groups.end(), flag.group) == groups.end())
      groups.push_back(flag.group);
  }
  if (arguments) {
    out += "\nArguments:\n";
    for (const Flag& flag : command.flags) {
      if (flag.positional()) out += entry(flag_label(flag), flag_description(flag), width);
    }
  }
  for (const std::string& group : groups) {
    out += fmt::format("\n{}:\n", group);
    for (const Flag& flag : command.flags) {
      if (!flag.positional() && flag.group == group) {
        out += entry(flag_label(flag), flag_description(flag), width);
      }
    }
  }
  return out + examples(command.examples, width);
}

std::string program_help(const std::vector<CommandInfo>& commands, std::size_t width) {
  std::string out = wrap(
      "mlroadmap plans what to learn next on the way to becoming a Machine Learning Engineer: "
      "every skill a goal needs that you do not have yet, in an order that respects "
      "prerequisites, with hours, reasons and free resources.",
      0, 0, width);
  out += "\nUsage: mlroadmap COMMAND [OPTIONS]\n\nCommands:\n";
  for (const CommandInfo& command : commands) {
    out += entry(command.name, command.summary, width, 15);
  }
  out += "\nOptions:\n";
  out += entry("-h, --help", "Show this help.", width, 15);
  out += entry("--version", "Show the version, and the built-in graph's edition and size.", width,
               15);
  out += examples(program_examples(), width);
  out += "\n" + wrap("'mlroadmap help COMMAND' (or 'mlroadmap COMMAND --help') shows a command's "
                     "flags, values and examples.",
                     0, 0, width);
  return out;
}

}  // namespace mlroadmap::cli
