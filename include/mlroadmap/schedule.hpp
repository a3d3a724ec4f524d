#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlroadmap {

struct Plan;

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

/// The weeks a stretch of hours falls in at a given pace: 1-based, inclusive.
struct WeekSpan {
  std::uint32_t first;
  std::uint32_t last;
};
WeekSpan week_span(double start_hour, double end_hour, double hours_per_week);

/// Whole weeks needed for `hours` at `hours_per_week`.
std::uint32_t weeks_for(double hours, double hours_per_week);

/// The days a span of weeks covers when week 1 starts on `start`.
struct DateSpan {
  CalendarDate first;
  CalendarDate last;
};
DateSpan dates_of(WeekSpan weeks, CalendarDate start);

/// Weeks of a plan worked through in order at its pace: each step's, each stage's, the whole.
/// Only meaningful when the plan has a pace (hours_per_week > 0).
struct PlanSchedule {
  std::vector<WeekSpan> steps;
  std::vector<WeekSpan> stages;  ///< index: stage - 1
  std::uint32_t weeks = 0;
};
PlanSchedule schedule_plan(const Plan& plan);

/// Why a plan's schedule cannot be given (more than 10,000 years, or past 9999-12-31), or
/// nullopt when it can.
std::optional<std::string> schedule_problem(const Plan& plan);

}  // namespace mlroadmap
