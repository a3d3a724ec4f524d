#include "mlroadmap/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "json_reader.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

using detail::JsonReader;
using detail::JsonType;

constexpr std::array<std::string_view, 6> kFields = {"id",    "have",           "goals",
                                                     "exact", "hours_per_week", "start"};

class ProfileReader {
 public:
  ProfileReader(std::string_view text, std::string_view file)
      : text_(text), file_(file), reader_(text, detail::JsonLimits{16, 4096}) {}

  std::expected<Profile, std::vector<Diagnostic>> read() {
    try {
      parse();
    } catch (const detail::JsonSyntaxError& e) {
      error(e.offset, e.message);
    }
    if (!diagnostics_.empty()) return std::unexpected(std::move(diagnostics_));
    return std::move(profile_);
  }

 private:
  void error(std::size_t offset, std::string message) {
    diagnostics_.push_back(
        make_diagnostic(Severity::error, file_, text_, offset, std::move(message)));
  }

  bool expect(JsonType wanted, std::string_view field) {
    const JsonType found = reader_.peek();
    if (found == wanted) return true;
    error(reader_.offset(), fmt::format("profile: '{}' must be {}, found {}", field,
                                        detail::to_string(wanted), detail::to_string(found)));
    reader_.skip_value();
    return false;
  }

  std::optional<std::vector<std::string>> names(std::string_view field) {
    if (!expect(JsonType::array, field)) return std::nullopt;
    std::vector<std::string> out;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (expect(JsonType::string, field)) out.emplace_back(reader_.read_string());
    }
    return out;
  }

  void parse() {
    if (const JsonType type = reader_.peek(); type != JsonType::object) {
      const std::size_t offset = reader_.offset();
      reader_.skip_value();  // malformed JSON says so first
      reader_.finish();
      error(offset,
            fmt::format("a profile must be a JSON object, found {}", detail::to_string(type)));
      return;
    }
    reader_.begin_object();
    std::vector<std::string> seen;
    std::string_view key;
    std::size_t key_offset;
    while (reader_.next_member(key, key_offset)) {
      const std::string name(key);
      if (std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
        error(
            key_offset,
            fmt::format("profile: unknown field '{}'{}", name,
                        did_you_mean(closest_matches(
                            name, std::vector<std::string_view>(kFields.begin(), kFields.end())))));
        reader_.skip_value();
        continue;
      }
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        error(key_offset, fmt::format("profile: duplicate key '{}'", name));
        reader_.skip_value();
        continue;
      }
      seen.push_back(name);
      const std::size_t offset = reader_.offset();
      if (name == "id") {
        if (expect(JsonType::string, name)) profile_.id = std::string(reader_.read_string());
      } else if (name == "have") {
        profile_.have = names(name);
      } else if (name == "goals") {
        profile_.goals = names(name);
      } else if (name == "exact") {
        if (expect(JsonType::boolean, name)) profile_.exact = reader_.read_bool();
      } else if (name == "hours_per_week") {
        if (!expect(JsonType::number, name)) continue;
        const std::string_view digits = reader_.read_number();
        double value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || !std::isfinite(value) || value < 0.1 || value > 168) {
          error(offset, fmt::format("profile: 'hours_per_week' must be between 0.1 and 168, "
                                    "found {}",
                                    digits));
        } else {
          profile_.hours_per_week = value;
        }
      } else if (name == "start") {
        if (!expect(JsonType::string, name)) continue;
        const std::string_view text = reader_.read_string();
        profile_.start = parse_date(text);
        if (!profile_.start) {
          error(offset, fmt::format("profile: 'start' must be a date as YYYY-MM-DD, found '{}'",
                                    terminal_safe(text)));
        }
      }
    }
    reader_.finish();
    if (profile_.start && !profile_.hours_per_week) {
      error(0, "profile: 'start' needs 'hours_per_week'");
    }
  }

  std::string_view text_;
  std::string_view file_;
  JsonReader reader_;
  Profile profile_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::expected<Profile, std::vector<Diagnostic>> parse_profile(std::string_view text,
                                                              std::string_view file) {
  return ProfileReader(text, file).read();
}

std::vector<std::string> parse_name_list(std::string_view text) {
  std::vector<std::string> names;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    line = line.substr(0, line.find('#'));
    std::size_t start = 0;
    while (start <= line.size()) {
      std::size_t end = line.find(',', start);
      if (end == std::string_view::npos) end = line.size();
      std::string_view name = line.substr(start, end - start);
      const auto first = name.find_first_not_of(" \t\r");
      if (first != std::string_view::npos) {
        const auto last = name.find_last_not_of(" \t\r");
        names.emplace_back(name.substr(first, last - first + 1));
      }
      start = end + 1;
    }
    line_start = line_end + 1;
  }
  return names;
}

}  // namespace mlroadmap
