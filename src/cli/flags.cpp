#include "flags.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "mlroadmap/spelling.hpp"

namespace mlroadmap::cli {

namespace {

std::vector<std::string> split_names_list(std::string_view names) {
  std::vector<std::string> out;
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    out.emplace_back(names.substr(0, comma));
    names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
  }
  return out;
}

// Numbers in messages and help as people write them: 0.1, 168.
std::string plain_number(double value) { return fmt::format("{}", value); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> Flag::spellings() const {
  std::vector<std::string> out = split_names_list(names);
  if (!negation.empty()) out.push_back(negation);
  return out;
}

std::string Flag::display_name() const {
  if (positional()) return value_name();
  const std::vector<std::string> all = split_names_list(names);
  for (const std::string& name : all) {
    if (name.starts_with("--")) return name;
  }
  return all.front();
}

std::string Flag::value_name() const {
  if (!metavar.empty()) return metavar;
  switch (takes) {
    case Takes::nothing: return {};
    case Takes::choice: return "WORD";
    case Takes::number: return "N";
    case Takes::count: return "N";
    case Takes::size: return "SIZE";
    case Takes::date: return "DATE";
    case Takes::file: return "FILE";
    case Takes::directory: return "DIR";
    case Takes::skill: return "SKILL";
    case Takes::subject: return "NAME";
    case Takes::skills: return "SKILLS";
    case Takes::goals: return "GOALS";
    case Takes::category: return "CATEGORY";
    case Takes::command: return "COMMAND";
    case Takes::text: return "TEXT";
  }
  return "VALUE";
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || error != std::errc{} || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

std::optional<std::size_t> parse_size(std::string_view text) {
  const std::size_t digits = text.find_first_not_of("0123456789");
  const auto number = parse_count(text.substr(0, digits));
  if (!number) return std::nullopt;
  const std::string_view unit = digits == std::string_view::npos ? "" : text.substr(digits);
  static const std::pair<std::string_view, int> kUnits[] = {
      {"", 0},    {"b", 0},  {"k", 10},   {"kb", 10}, {"kib", 10}, {"m", 20},
      {"mb", 20}, {"mib", 20}, {"g", 30}, {"gb", 30}, {"gib", 30}};
  for (const auto& [name, shift] : kUnits) {
    if (!equal_ignoring_case(unit, name)) continue;
    if (*number > (std::numeric_limits<std::size_t>::max() >> shift)) return std::nullopt;
    return *number << shift;
  }
  return std::nullopt;
}

std::string accepted_values(const Flag& flag) {
  switch (flag.takes) {
    case Takes::choice: return fmt::format("one of {}", fmt::join(flag.choices, ", "));
    case Takes::number:
      return fmt::format("a number from {} to {}", plain_number(flag.min), plain_number(flag.max));
    case Takes::count:
      return flag.min > 0 ? fmt::format("a whole number, {} or more", plain_number(flag.min))
                          : "a whole number";
    case Takes::size: return "bytes, or a number with KiB, MiB or GiB";
    case Takes::date: return "a date, YYYY-MM-DD";
    default: return {};
  }
}

std::optional<std::string> value_problem(const Flag& flag, std::string_view value) {
  switch (flag.takes) {
    case Takes::choice:
      for (const std::string& choice : flag.choices) {
        if (choice == value) return std::nullopt;
      }
      {
        const std::vector<std::string_view> choices(flag.choices.begin(), flag.choices.end());
        return fmt::format("'{}' is not {}{}", value, accepted_values(flag),
                           did_you_mean(closest_matches(value, choices)));
      }
    case Takes::number: {
      const auto number = parse_number(value);
      const std::string range =
          fmt::format("use {} to {}", plain_number(flag.min), plain_number(flag.max));
      if (!number) return fmt::format("'{}' is not a number ({})", value, range);
      if (*number < flag.min || *number > flag.max) {
        return fmt::format("{} is out of range ({})", value, range);
      }
      return std::nullopt;
    }
    case Takes::count: {
      const auto count = parse_count(value);
      if (count && static_cast<double>(*count) >= flag.min) return std::nullopt;
      const bool negative = value.size() > 1 && value.front() == '-' &&
                            value.find_first_not_of("0123456789", 1) == std::string_view::npos;
      if (count || negative) {
        return fmt::format("{} is out of range (use {} or more)", value, plain_number(flag.min));
      }
      return fmt::format("'{}' is not a whole number (use {}{})", value,
                         flag.min > 0 ? "" : "0, ", flag.min > 0 ? "1, 2, 3..." : "1, 2...");
    }
    case Takes::size:
      if (parse_size(value)) return std::nullopt;
      return fmt::format("'{}' is not a size (use bytes, or a number with KiB, MiB or GiB: 64MiB)",
                         value);
    case Takes::skills:
    case Takes::goals:
      // Whether each name is known is checked where the graph is; none at all never is.
      if (value.find_first_not_of(" \t,") != std::string_view::npos) return std::nullopt;
      return fmt::format("'{}' names no {} (give one or more, separated by commas)", value,
                         flag.takes == Takes::skills ? "skill" : "role or skill");
    default:
      // Names, files and dates are checked where they are used, where the graph or the
      // calendar is known.
      return std::nullopt;
  }
}

CommandFlags::CommandFlags(CLI::App& command) : command_(command) {
  flags_.push_back(Flag{.names = "-h,--help", .help = "Show this help", .group = group_});
}

CLI::Option* CommandFlags::remember(Flag flag, CLI::Option* option) {
  flag.group = group_;
  option->type_name(flag.value_name());
  flags_.push_back(std::move(flag));
  return option;
}

CLI::Option* CommandFlags::add(std::string& target, Flag flag) {
  CLI::Option* option = command_.add_option(flag.names, target, flag.help);
  return remember(std::move(flag), option);
}

CLI::Option* CommandFlags::add(std::vector<std::string>& target, Flag flag) {
  CLI::Option* option = command_.add_option(flag.names, target, flag.help);
  return remember(std::move(flag), option);
}

CLI::Option* CommandFlags::add(bool& target, Flag flag) {
  std::string names = flag.names;
  if (!flag.negation.empty()) names += ",!" + flag.negation;
  CLI::Option* option = command_.add_flag(names, target, flag.help);
  flag.takes = Takes::nothing;
  return remember(std::move(flag), option);
}

CLI::Option* CommandFlags::add(double& target, Flag flag) {
  flag.takes = Takes::number;
  return declare(std::move(flag), [&target](const std::string& value) {
    if (const auto number = parse_number(value)) target = *number;
  });
}

CLI::Option* CommandFlags::add(std::size_t& target, Flag flag) {
  const bool size = flag.takes == Takes::size;
  return declare(std::move(flag), [&target, size](const std::string& value) {
    if (const auto number = size ? parse_size(value) : parse_count(value)) target = *number;
  });
}

// A flag CLI11 hands over as text, converted by `store` with the same rules the argument check
// applied before CLI11 saw it.
CLI::Option* CommandFlags::declare(Flag flag, std::function<void(const std::string&)> store) {
  CLI::Option* option = command_.add_option(
      flag.names,
      [store = std::move(store)](const CLI::results_t& values) {
        for (const std::string& value : values) store(value);
        return true;
      },
      flag.help);
  return remember(std::move(flag), option);
}

}  // namespace mlroadmap::cli
