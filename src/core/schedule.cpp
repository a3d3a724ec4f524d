#include "mlroadmap/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "mlroadmap/plan.hpp"

namespace mlroadmap {

WeekSpan week_span(double start_hour, double end_hour, double hours_per_week) {
  const auto first = static_cast<std::uint32_t>(std::floor(start_hour / hours_per_week)) + 1;
  const auto last = static_cast<std::uint32_t>(std::ceil(end_hour / hours_per_week - 1e-9));
  return {first, std::max(first, last)};
}

std::uint32_t weeks_for(double hours, double hours_per_week) {
  if (hours <= 0) return 0;
  return static_cast<std::uint32_t>(std::ceil(hours / hours_per_week - 1e-9));
}

DateSpan dates_of(WeekSpan weeks, CalendarDate start) {
  return {add_days(start, 7L * (weeks.first - 1)), add_days(start, 7L * weeks.last - 1)};
}

std::optional<std::string> schedule_problem(const Plan& plan) {
  if (plan.hours_per_week <= 0) return std::nullopt;
  constexpr double kMaxWeeks = 52.0 * 10000;
  const double weeks = std::ceil(plan.total_hours / plan.hours_per_week);
  if (weeks > kMaxWeeks) {
    return fmt::format("at {} hours a week this plan would take more than 10,000 years",
                       plan.hours_per_week);
  }
  if (plan.start && weeks > 0) {
    const CalendarDate last = add_days(*plan.start, static_cast<long>(7 * weeks - 1));
    if (last.year > 9999) {
      return "this plan would end after 9999-12-31";
    }
  }
  return std::nullopt;
}

PlanSchedule schedule_plan(const Plan& plan) {
  PlanSchedule schedule;
  if (plan.hours_per_week <= 0) return schedule;
  schedule.stages.assign(plan.stage_count, WeekSpan{0, 0});
  for (const PlanStep& step : plan.steps) {
    const WeekSpan weeks = week_span(step.start_hour, step.end_hour, plan.hours_per_week);
    schedule.steps.push_back(weeks);
    WeekSpan& stage = schedule.stages[step.stage - 1];
    if (stage.first == 0) stage.first = weeks.first;
    stage.first = std::min(stage.first, weeks.first);
    stage.last = std::max(stage.last, weeks.last);
  }
  schedule.weeks = weeks_for(plan.total_hours, plan.hours_per_week);
  return schedule;
}

}  // namespace mlroadmap
