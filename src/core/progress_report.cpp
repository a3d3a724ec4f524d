// How far along its plan a learner is: percent, hours, stages, recent work, and the finish.

#include <algorithm>
#include <cmath>

#include "mlroadmap/progress.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap {

namespace {

int percent_of(double part, double whole) {
  if (whole <= 0) return 100;
  return static_cast<int>(std::lround(100.0 * part / whole));
}

// The finish at the plan's pace: from today for what remains, from the original start for the
// whole, and how many weeks the one is ahead of the other.
void project_finish(const Plan& plan, ProgressReport& report) {
  report.hours_per_week = plan.hours_per_week;
  if (plan.hours_per_week <= 0) return;
  const std::uint32_t weeks_left = weeks_for(report.remaining_hours, plan.hours_per_week);
  report.finish = weeks_left == 0 ? report.today
                                  : dates_of({1, weeks_left}, report.today).last;
  if (!plan.start) return;
  report.start = plan.start;
  const std::uint32_t weeks = weeks_for(plan.total_hours, plan.hours_per_week);
  report.planned_finish = weeks == 0 ? *plan.start : dates_of({1, weeks}, *plan.start).last;
  const long days = days_between(*report.finish, *report.planned_finish);
  // Whole weeks, rounded towards on schedule: six days early is not yet a week ahead.
  report.weeks_ahead = days / 7;
}

void count_stage(ProgressReport& report, const PlanStep& step, bool finished) {
  if (report.stages.empty() || report.stages.back().stage != step.stage) {
    report.stages.push_back({step.stage, 0, 0, 0, 0});
  }
  ProgressReport::Stage& stage = report.stages.back();
  const double hours = step.end_hour - step.start_hour;
  ++stage.steps;
  stage.hours += hours;
  if (finished) {
    ++stage.finished;
    stage.finished_hours += hours;
  }
}

}  // namespace

ProgressReport make_progress_report(const Plan& plan, const ProgressState& state,
                                    CalendarDate today) {
  ProgressReport report;
  report.today = today;
  report.steps = plan.steps.size();
  report.total_hours = plan.total_hours;
  report.unknown = state.unknown;
  report.recent = {{7, {}, 0}, {30, {}, 0}};
  double finished_hours = 0;
  for (const PlanStep& step : plan.steps) {
    const SkillProgress* p = state.find(step.skill);
    const SkillState s = p != nullptr ? p->state : SkillState::todo;
    const bool finished = s == SkillState::done || s == SkillState::skipped;
    const double hours = step.end_hour - step.start_hour;
    if (s == SkillState::done) report.done.push_back(step.skill);
    if (s == SkillState::skipped) report.skipped.push_back(step.skill);
    if (s == SkillState::learning) report.learning.push_back(step.skill);
    if (finished) finished_hours += hours;
    count_stage(report, step, finished);
    if (s != SkillState::done) continue;
    const long age = days_between(p->date, today);
    for (ProgressReport::Recent& recent : report.recent) {
      if (age >= 0 && age < static_cast<long>(recent.days)) {
        recent.done.push_back(step.skill);
        recent.hours += hours;
      }
    }
  }
  const std::size_t finished = report.done.size() + report.skipped.size();
  report.percent = percent_of(static_cast<double>(finished), static_cast<double>(report.steps));
  report.percent_hours = percent_of(finished_hours, plan.total_hours);
  report.remaining_hours = std::max(0.0, plan.total_hours - finished_hours);
  project_finish(plan, report);
  return report;
}

}  // namespace mlroadmap
