#pragma once
// The flags a command takes, each described once: what its value is, whether it may be given
// more than once, and what it is for. CLI11 stores the values; the help, the usage errors and
// the shell completions are all made from these descriptions, never from help text.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlroadmap::cli {

/// What a flag's value is. It decides the metavariable help shows, how the value is checked,
/// and what a shell offers to complete it.
enum class Takes {
  nothing,    ///< a switch: --quiet
  choice,     ///< one of a fixed list of words
  number,     ///< a decimal number from `min` to `max`
  count,      ///< a whole number, `min` or more
  size,       ///< bytes, with an optional KiB, MiB or GiB
  date,       ///< YYYY-MM-DD
  file,       ///< a file, '-' for standard input or output
  directory,  ///< a directory
  skill,      ///< one skill's id, name or alias
  subject,    ///< one skill, role or category
  skills,     ///< a comma list of skills
  goals,      ///< a comma list of roles or skills
  category,   ///< one category's id or name
  command,    ///< one of the program's commands
  text,       ///< free text: a note
};

/// One flag, or one positional argument (whose name has no dash), as help, the argument check
/// and completions see it.
struct Flag {
  std::string names{};                 ///< "-o,--output"; a positional: "skill"
  std::string metavar{};               ///< "FILE"; empty: the one `takes` implies
  std::string help{};                  ///< what it is for, one sentence, without the values
  Takes takes = Takes::nothing;      ///<
  bool repeatable = false;           ///< may be given more than once, the values adding up
  std::vector<std::string> choices{};  ///< Takes::choice, in the order help lists them
  double min = 0;                    ///< Takes::number, Takes::count
  double max = 0;                    ///< Takes::number
  std::string negation{};              ///< a switch's opposite: "--no-exact"
  bool required = false;             ///< a positional that must be given
  std::string group{};                 ///< the heading help lists it under (set by CommandFlags)

  bool positional() const { return !names.starts_with('-'); }
  /// Every name it answers to, short ones first, its negation last: "-o", "--output".
  std::vector<std::string> spellings() const;
  /// The name messages use: the first long name, else the first short one; a positional's
  /// metavariable.
  std::string display_name() const;
  /// The metavariable: `metavar`, or the one `takes` implies ("SKILLS", "FILE", "N").
  std::string value_name() const;
};

/// The value a flag was given, checked against its description: nullopt when it is fine,
/// else what is wrong and what would be accepted ("'abc' is not a number (use 0.1 to 168)").
std::optional<std::string> value_problem(const Flag& flag, std::string_view value);

/// "a number from 0.1 to 168", "one of always, auto, never", or empty: what a value may be, in
/// words, for help.
std::string accepted_values(const Flag& flag);

/// A decimal number, all of `text`, finite; nullopt otherwise.
std::optional<double> parse_number(std::string_view text);
/// A whole number of 0 or more, all of `text`; nullopt otherwise.
std::optional<std::size_t> parse_count(std::string_view text);
/// Bytes: a whole number with an optional B, KiB, MiB or GiB (K, KB, M, MB, G and GB mean
/// the same; any case); nullopt otherwise or when it does not fit.
std::optional<std::size_t> parse_size(std::string_view text);

/// A command's flags, declared on its CLI11 subcommand and described for help, the argument
/// check and completions. Every flag of every command is declared through it.
class CommandFlags {
 public:
  explicit CommandFlags(CLI::App& command);

  /// The heading help lists the flags declared from now on under.
  void group(std::string heading) { group_ = std::move(heading); }

  CLI::Option* add(std::string& target, Flag flag);
  CLI::Option* add(std::vector<std::string>& target, Flag flag);
  /// A switch; with a `negation`, that name sets `target` to false.
  CLI::Option* add(bool& target, Flag flag);
  /// Takes::number.
  CLI::Option* add(double& target, Flag flag);
  /// Takes::count or Takes::size.
  CLI::Option* add(std::size_t& target, Flag flag);
  /// Takes::choice, each word standing for a value: the words become the flag's choices.
  template <typename T>
  CLI::Option* add(T& target, Flag flag, std::vector<std::pair<std::string, T>> values) {
    flag.takes = Takes::choice;
    flag.choices.clear();
    for (const auto& [word, value] : values) flag.choices.push_back(word);
    return declare(std::move(flag), [&target, values](const std::string& word) {
      for (const auto& [w, value] : values) {
        if (w == word) target = value;
      }
    });
  }

  /// Every flag, in the order declared, with -h, --help first.
  const std::vector<Flag>& flags() const { return flags_; }

 private:
  CLI::Option* declare(Flag flag, std::function<void(const std::string&)> store);
  CLI::Option* remember(Flag flag, CLI::Option* option);

  CLI::App& command_;
  std::string group_ = "Options";
  std::vector<Flag> flags_;
};

}  // namespace mlroadmap::cli
