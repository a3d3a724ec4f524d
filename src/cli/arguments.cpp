#include "arguments.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "mlroadmap/spelling.hpp"
#include "output.hpp"

namespace mlroadmap::cli {

namespace {

// What CLI11 takes for a flag rather than a value: a dash and something after it.
bool looks_like_flag(std::string_view arg) { return arg.size() > 1 && arg.front() == '-'; }

// Reads the arguments once, left to right, as CLI11 will: `--name value`, `--name=value`,
// `-n value`, `-nvalue`, switches bundled (`-qn 5`), and positionals, all positionals after
// `--`. Stops at the first mistake, after saying what it is.
class Checker {
 public:
  Checker(const CommandInfo& command, std::span<const std::string_view> args)
      : command_(command), args_(args), seen_(command.flags.size(), 0) {
    for (std::size_t f = 0; f < command.flags.size(); ++f) {
      if (command.flags[f].positional()) positionals_.push_back(f);
    }
  }

  ArgumentCheck run() {
    for (const std::string_view arg : args_) {
      if (arg == "--") break;
      if (arg == "-h" || arg == "--help") return ArgumentCheck::help;
    }
    bool only_positionals = false;
    for (std::size_t i = 0; i < args_.size(); ++i) {
      const std::string_view arg = args_[i];
      bool fine = true;
      if (only_positionals || !looks_like_flag(arg)) {
        fine = positional(arg);
      } else if (arg == "--") {
        only_positionals = true;
      } else if (arg.starts_with("--")) {
        list_ = {};
        fine = long_flag(i);
      } else {
        list_ = {};
        fine = short_flags(i);
      }
      if (!fine) return ArgumentCheck::wrong;
    }
    return missing_positional() ? ArgumentCheck::wrong : ArgumentCheck::run;
  }

  std::vector<std::string> normalized() const {
    std::vector<std::string> out = flags_;
    out.emplace_back("--");
    out.insert(out.end(), arguments_.begin(), arguments_.end());
    return out;
  }

 private:
  bool fail(const std::string& message) {
    print_error(message);
    return false;
  }

  std::string see_help() const { return fmt::format("see 'mlroadmap {} --help'", command_.name); }

  // The flag a spelling names ("--have", "-o", "--no-exact"), or nullptr.
  std::optional<std::size_t> find(std::string_view spelling) const {
    for (std::size_t f = 0; f < command_.flags.size(); ++f) {
      for (const std::string& s : command_.flags[f].spellings()) {
        if (s == spelling) return f;
      }
    }
    return std::nullopt;
  }

  bool unknown(std::string_view typed) {
    std::vector<std::string> spellings;
    for (const Flag& flag : command_.flags) {
      if (flag.positional()) continue;
      for (std::string& s : flag.spellings()) spellings.push_back(std::move(s));
    }
    const std::vector<std::string_view> candidates(spellings.begin(), spellings.end());
    // Any one-letter flag is one letter away from any other: no suggestion is better.
    const std::string suggestion =
        typed.starts_with("--") ? did_you_mean(closest_matches(typed, candidates)) : "";
    return fail(fmt::format("unknown option '{}' for '{}'{}; {}", typed, command_.name,
                            suggestion, see_help()));
  }

  // Counts a flag given; a second time is a mistake unless it adds up.
  bool given(std::size_t f, std::string_view typed) {
    const Flag& flag = command_.flags[f];
    if (++seen_[f] == 1 || flag.repeatable) return true;
    if (!flag.negation.empty()) {
      return fail(fmt::format("{}: given more than once; give {} or {} once", typed,
                              flag.display_name(), flag.negation));
    }
    return fail(fmt::format("{}: given more than once; give it once", typed));
  }

  bool check_value(const Flag& flag, std::string_view typed, std::string_view value) {
    if (const auto problem = value_problem(flag, value)) {
      return fail(fmt::format("{}: {}", typed, *problem));
    }
    if (flag.positional()) {
      arguments_.emplace_back(value);
    } else {
      const std::string name = flag.display_name();
      flags_.push_back(name.starts_with("--") ? fmt::format("{}={}", name, value)
                                              : fmt::format("{}{}", name, value));
    }
    if (!flag.positional() && flag.repeatable) list_ = {std::string(typed), std::string(value)};
    return true;
  }

  // The value of the flag at args_[i] when it was not attached to it: the next argument.
  bool next_value(const Flag& flag, std::string_view typed, std::size_t& i) {
    // A negative number after a flag that takes a number is its (wrong) value, not a flag.
    const bool numeric = flag.takes == Takes::number || flag.takes == Takes::count;
    const bool negative_number = i + 1 < args_.size() && args_[i + 1].size() > 1 &&
                                 args_[i + 1][0] == '-' &&
                                 (std::isdigit(static_cast<unsigned char>(args_[i + 1][1])) != 0 ||
                                  args_[i + 1][1] == '.');
    if (i + 1 >= args_.size() || (looks_like_flag(args_[i + 1]) && !(numeric && negative_number))) {
      const std::string accepted = accepted_values(flag);
      return fail(fmt::format("{} needs a value: {}{}", typed, flag.value_name(),
                              accepted.empty() ? "" : fmt::format(" ({})", accepted)));
    }
    return check_value(flag, typed, args_[++i]);
  }

  bool long_flag(std::size_t& i) {
    const std::string_view arg = args_[i];
    const std::size_t equals = arg.find('=');
    const std::string_view typed = arg.substr(0, equals);
    const auto f = find(typed);
    if (!f) return unknown(typed);
    const Flag& flag = command_.flags[*f];
    if (!given(*f, typed)) return false;
    if (flag.takes == Takes::nothing) {
      // A switch by the name given: --exact and --no-exact are one flag.
      flags_.push_back(typed == flag.negation ? flag.negation : flag.display_name());
      if (equals == std::string_view::npos) return true;
      return fail(fmt::format("{} takes no value (remove '{}')", typed, arg.substr(equals)));
    }
    if (equals != std::string_view::npos) return check_value(flag, typed, arg.substr(equals + 1));
    return next_value(flag, typed, i);
  }

  bool short_flags(std::size_t& i) {
    const std::string_view arg = args_[i];
    for (std::size_t j = 1; j < arg.size(); ++j) {
      const std::string typed = fmt::format("-{}", arg[j]);
      const auto f = find(typed);
      if (!f) return unknown(typed);
      if (!given(*f, typed)) return false;
      const Flag& flag = command_.flags[*f];
      if (flag.takes == Takes::nothing) {
        flags_.push_back(flag.display_name());
        continue;
      }
      if (j + 1 < arg.size()) return check_value(flag, typed, arg.substr(j + 1));
      return next_value(flag, typed, i);
    }
    return true;
  }

  // "SKILL and flags", "[FILE] and flags": what the command takes, for a message.
  std::string takes_what() const {
    std::string what;
    for (const std::size_t f : positionals_) {
      const Flag& flag = command_.flags[f];
      const std::string name = flag.value_name() + (flag.repeatable ? "..." : "");
      what += (flag.required ? name : "[" + name + "]") + " ";
    }
    return what.empty() ? "only flags" : what + "and flags";
  }

  bool positional(std::string_view arg) {
    const std::size_t k = given_positionals_++;
    if (positionals_.empty() ||
        (k >= positionals_.size() && !command_.flags[positionals_.back()].repeatable)) {
      // `--have python sql`: a list given the way other programs take one.
      const std::string hint =
          list_.first.empty() ? fmt::format("it takes {}", takes_what())
                              : fmt::format("for several values, use a comma list: {} {},{}",
                                            list_.first, list_.second, arg);
      return fail(fmt::format("unexpected argument '{}' for '{}' ({}); {}", arg, command_.name,
                              hint, see_help()));
    }
    list_ = {};
    const Flag& flag = command_.flags[positionals_[std::min(k, positionals_.size() - 1)]];
    return check_value(flag, flag.value_name(), arg);
  }

  bool missing_positional() {
    for (std::size_t p = given_positionals_; p < positionals_.size(); ++p) {
      const Flag& flag = command_.flags[positionals_[p]];
      if (!flag.required) continue;
      std::string example;
      if (!command_.examples.empty()) {
        example = fmt::format(", e.g. '{}'", command_.examples.front().command);
      }
      return !fail(fmt::format("'{}' needs {}{}; {}", command_.name, flag.value_name(), example,
                               see_help()));
    }
    return false;
  }

  const CommandInfo& command_;
  std::span<const std::string_view> args_;
  std::vector<int> seen_;
  std::vector<std::size_t> positionals_;
  std::size_t given_positionals_ = 0;
  std::pair<std::string, std::string> list_;  ///< the list flag and value just read, if any
  std::vector<std::string> flags_;             ///< as CLI11 is to read them
  std::vector<std::string> arguments_;
};

}  // namespace

ArgumentCheck check_arguments(const CommandInfo& command, std::span<const std::string_view> args,
                              std::vector<std::string>& normalized) {
  Checker checker(command, args);
  const ArgumentCheck result = checker.run();
  normalized = checker.normalized();
  return result;
}

}  // namespace mlroadmap::cli
