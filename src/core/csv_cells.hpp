#pragma once
// What reading and writing CSV cells share inside the core.

#include <string>
#include <string_view>

namespace mlroadmap::detail {

/// UTF-8's byte order mark, which only the start of a file may hold.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// The profile fields in the order of csv_profile_fields().
enum CsvField : int { kId, kHave, kGoals, kPrefer, kExact, kHoursPerWeek, kStart };

/// The text without spaces, tabs and line breaks around it.
inline std::string_view trim_cell(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

/// Appends one cell of a comma-separated row (RFC 4180): quoted when it holds a comma, a
/// quote or a line break, and prefixed with ' when it starts with =, +, -, @, a tab or a
/// carriage return, so that a spreadsheet never runs it as a formula.
void append_csv_cell(std::string& out, std::string_view cell);

}  // namespace mlroadmap::detail
