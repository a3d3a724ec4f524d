#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/calendar_date.hpp"
#include "mlroadmap/diagnostic.hpp"

namespace mlroadmap {

/// What a person (or a pipeline) keeps instead of repeating flags: names as typed, not yet
/// resolved against a graph.
struct Profile {
  /// A string id as given, or the text of a numeric one (`id_is_number`), kept as written.
  std::optional<std::string> id;
  bool id_is_number = false;
  std::optional<std::vector<std::string>> have;
  std::optional<std::vector<std::string>> goals;
  std::optional<std::vector<std::string>> prefer;
  std::optional<bool> exact;
  std::optional<double> hours_per_week;
  std::optional<CalendarDate> start;
};

/// Reads a profile: a JSON object with `have`, `goals`, `prefer` (arrays of names), `exact`,
/// `hours_per_week`, `start` (YYYY-MM-DD) and `id`, all optional. Every problem is a diagnostic
/// naming `file`, line and column.
std::expected<Profile, std::vector<Diagnostic>> parse_profile(std::string_view text,
                                                              std::string_view file);

/// The same, keeping what could be read beside the problems: a batch record gives back the
/// id of a profile it cannot plan. `problems` is empty when the profile is good.
struct ProfileRead {
  Profile profile;
  std::vector<Diagnostic> problems;
};
ProfileRead read_profile(std::string_view text, std::string_view file);

/// Names in a plain list: one per line or comma-separated; blank lines and `#` comments skipped.
std::vector<std::string> parse_name_list(std::string_view text);

}  // namespace mlroadmap
