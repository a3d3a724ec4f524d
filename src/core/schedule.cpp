#include "mlroadmap/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "mlroadmap/plan.hpp"

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
    const auto last = std::chrono::sys_days{to_days(*plan.start)} +
                      std::chrono::days{static_cast<long>(7 * weeks - 1)};
    if (std::chrono::year_month_day{last}.year() > std::chrono::year{9999}) {
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
