#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mlroadmap/calendar_date.hpp"

namespace mlroadmap {

struct Plan;

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
