#include "mlroadmap/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "json_object.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

using detail::JsonReader;
using detail::JsonType;
using namespace std::string_view_literals;

constexpr std::array kFields = {"id"sv,    "have"sv,           "goals"sv, "prefer"sv,
                                "exact"sv, "hours_per_week"sv, "start"sv};

class ProfileReader {
 public:
  ProfileReader(std::string_view text, std::string_view file)
      : json_(text, detail::JsonLimits{16, 4096}),
        messages_(text, file),
        in_(json_, messages_, Severity::error) {}

  ProfileRead read() {
    try {
      parse();
    } catch (const detail::JsonSyntaxError& e) {
      messages_.error(e.offset, e.message, ErrorCode::malformed_json);
    }
    return ProfileRead{std::move(profile_), std::move(messages_.diagnostics())};
  }

 private:
  std::optional<std::vector<std::string>> names(std::string_view field) {
    if (!in_.expect(JsonType::array, "profile", field)) return std::nullopt;
    std::vector<std::string> out;
    json_.begin_array();
    while (json_.next_element()) {
      if (in_.expect(JsonType::string, "profile", field)) out.emplace_back(json_.read_string());
    }
    return out;
  }

  void parse() {
    if (!in_.begin_document("profile")) return;
    json_.begin_object();
    detail::FieldSet<kFields> fields;
    std::string_view key;
    std::size_t key_offset;
    while (json_.next_member(key, key_offset)) {
      if (in_.accept_field(fields, key, key_offset, "profile") ==
          detail::ObjectReader::kSkipField) {
        json_.skip_value();
      } else {
        parse_field(std::string(key));
      }
    }
    json_.finish();
    if (profile_.start && !profile_.hours_per_week) {
      messages_.error(0, "profile: 'start' needs 'hours_per_week'");
    }
  }

  void parse_field(const std::string& name) {
    const std::size_t offset = json_.offset();
    if (name == "id") {
      read_id();
    } else if (name == "have") {
      profile_.have = names(name);
    } else if (name == "goals") {
      profile_.goals = names(name);
    } else if (name == "prefer") {
      profile_.prefer = names(name);
    } else if (name == "exact") {
      if (in_.expect(JsonType::boolean, "profile", name)) profile_.exact = json_.read_bool();
    } else if (name == "hours_per_week") {
      if (in_.expect(JsonType::number, "profile", name)) read_hours_per_week(offset);
    } else if (name == "start") {
      if (!in_.expect(JsonType::string, "profile", name)) return;
      const std::string_view text = json_.read_string();
      profile_.start = parse_date(text);
      if (!profile_.start) {
        messages_.error(offset, fmt::format("profile: 'start' must be a date as YYYY-MM-DD, "
                                            "found '{}'",
                                            terminal_safe(text)));
      }
    }
  }

  // A string, or a number kept as written so that it goes back out the same.
  void read_id() {
    if (json_.peek() == JsonType::number) {
      profile_.id = std::string(json_.read_number());
      profile_.id_is_number = true;
    } else if (json_.peek() != JsonType::string) {
      messages_.error(json_.offset(),
                      fmt::format("profile: 'id' must be a string or a number, found {}",
                                  to_string(json_.peek())));
      json_.skip_value();
    } else {
      profile_.id = std::string(json_.read_string());
    }
  }

  void read_hours_per_week(std::size_t offset) {
    const std::string_view digits = json_.read_number();
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || !std::isfinite(value) || value < 0.1 || value > 168) {
      messages_.error(offset, fmt::format("profile: 'hours_per_week' must be between 0.1 and "
                                          "168, found {}",
                                          digits));
    } else {
      profile_.hours_per_week = value;
    }
  }

  JsonReader json_;
  detail::Messages messages_;
  detail::ObjectReader in_;
  Profile profile_;
};

}  // namespace

std::expected<Profile, std::vector<Diagnostic>> parse_profile(std::string_view text,
                                                              std::string_view file) {
  ProfileRead read = ProfileReader(text, file).read();
  if (!read.problems.empty()) return std::unexpected(std::move(read.problems));
  return std::move(read.profile);
}

ProfileRead read_profile(std::string_view text, std::string_view file) {
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
