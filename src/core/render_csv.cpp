// Plans as CSV rows: `plan --format csv`, and `batch --format csv` with a profile's id first.

#include <fmt/format.h>

#include "csv_cells.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap {

namespace {

using detail::append_csv_cell;

constexpr std::string_view kStepColumns = "stage,position,id,name,category,kind,hours,waits_for";
constexpr std::string_view kWeekColumns = ",first_week,last_week";
constexpr std::string_view kDateColumns = ",first_date,last_date";

// Which schedule columns a row has: none, weeks, or weeks and dates; `always` writes them
// all, empty where the plan has no pace or start (every row of a batch has one header).
struct ScheduleColumns {
  bool weeks = false;
  bool dates = false;
  bool always = false;
};

void append_number(std::string& out, double value) {
  fmt::format_to(std::back_inserter(out), "{}", value);
}

// The cells of step `i`, without a line end.
void append_step(std::string& out, const SkillGraph& graph, const Plan& plan,
                 const PlanSchedule& schedule, std::size_t i, ScheduleColumns columns) {
  const PlanStep& step = plan.steps[i];
  const Skill& skill = graph.skill(step.skill);
  fmt::format_to(std::back_inserter(out), "{},{},", step.stage, i + 1);
  append_csv_cell(out, skill.id);
  out += ',';
  append_csv_cell(out, skill.name);
  out += ',';
  append_csv_cell(out, graph.category_of(step.skill).id);
  out += ',';
  out += to_string(skill.kind);
  out += ',';
  append_number(out, skill.hours);
  out += ',';
  std::string waits;
  for (const PlanLink& link : plan.waits_for(i)) {
    if (!waits.empty()) waits += ';';
    waits += graph.skill(plan.steps[link.step].skill).id;
  }
  append_csv_cell(out, waits);
  const bool paced = plan.hours_per_week > 0;
  if (columns.weeks || columns.always) {
    if (paced) {
      fmt::format_to(std::back_inserter(out), ",{},{}", schedule.steps[i].first,
                     schedule.steps[i].last);
    } else {
      out += ",,";
    }
  }
  if (columns.dates || columns.always) {
    if (paced && plan.start) {
      const DateSpan dates = dates_of(schedule.steps[i], *plan.start);
      fmt::format_to(std::back_inserter(out), ",{},{}", format_date(dates.first),
                     format_date(dates.last));
    } else {
      out += ",,";
    }
  }
}

void append_record_start(std::string& out, RecordId id, std::size_t line) {
  append_csv_cell(out, id.text);
  fmt::format_to(std::back_inserter(out), ",{},", line);
}

}  // namespace

std::string render_plan_csv(const SkillGraph& graph, const Plan& plan) {
  const ScheduleColumns columns{plan.hours_per_week > 0, plan.hours_per_week > 0 && plan.start,
                                false};
  std::string out(kStepColumns);
  if (columns.weeks) out += kWeekColumns;
  if (columns.dates) out += kDateColumns;
  out += '\n';
  const PlanSchedule schedule = schedule_plan(plan);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    append_step(out, graph, plan, schedule, i, columns);
    out += '\n';
  }
  return out;
}

std::string render_batch_csv_header() {
  return fmt::format("profile_id,line,{}{}{},code,message\n", kStepColumns, kWeekColumns,
                     kDateColumns);
}

std::string render_batch_csv_plan(const SkillGraph& graph, const Plan& plan, RecordId id,
                                  std::size_t line) {
  std::string out;
  out.reserve(64 + plan.steps.size() * 96);
  if (plan.steps.empty()) {
    append_record_start(out, id, line);
    out += ",,,,,,,,,,,,,\n";  // the step, schedule, code and message cells, empty
    return out;
  }
  const PlanSchedule schedule = schedule_plan(plan);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    append_record_start(out, id, line);
    append_step(out, graph, plan, schedule, i, ScheduleColumns{false, false, true});
    out += ",,\n";
  }
  return out;
}

std::string render_batch_csv_failure(RecordId id, std::size_t line,
                                     const std::vector<Diagnostic>& problems) {
  std::string out;
  append_record_start(out, id, line);
  out += ",,,,,,,,,,,,";  // the step and schedule cells, empty
  out += problems.empty() ? std::string_view("bad_value") : to_string(problems.front().code);
  out += ',';
  std::string messages;
  for (const Diagnostic& d : problems) {
    if (!messages.empty()) messages += "; ";
    messages += d.message;
  }
  append_csv_cell(out, messages);
  out += '\n';
  return out;
}

}  // namespace mlroadmap
