#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mlroadmap {

/// A day of the Gregorian calendar.
struct CalendarDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
  auto operator<=>(const CalendarDate&) const = default;
};

/// `YYYY-MM-DD` as a real date (2026-02-30 is not one); nullopt otherwise.
std::optional<CalendarDate> parse_date(std::string_view text);
std::string format_date(CalendarDate date);
CalendarDate add_days(CalendarDate date, long days);
/// Days from `from` to `to`: negative when `to` is earlier.
long days_between(CalendarDate from, CalendarDate to);

}  // namespace mlroadmap
