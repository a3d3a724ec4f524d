#include "mlroadmap/calendar_date.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace mlroadmap {

namespace {

std::chrono::sys_days to_days(CalendarDate date) {
  return std::chrono::sys_days{std::chrono::year{date.year} / std::chrono::month{date.month} /
                               std::chrono::day{date.day}};
}

}  // namespace

std::optional<CalendarDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const char* begin = text.data() + at;
    const auto [end, ec] = std::from_chars(begin, begin + length, value);
    if (ec != std::errc() || end != begin + length) return std::nullopt;
    return value;
  };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return CalendarDate{*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
}

std::string format_date(CalendarDate date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

CalendarDate add_days(CalendarDate date, long days) {
  const std::chrono::year_month_day ymd{to_days(date) + std::chrono::days{days}};
  return CalendarDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day())};
}

long days_between(CalendarDate from, CalendarDate to) {
  return (to_days(to) - to_days(from)).count();
}

}  // namespace mlroadmap
