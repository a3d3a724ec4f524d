#include <fmt/format.h>

#include <algorithm>

#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "step_table.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

std::string name_list(const SkillGraph& graph, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills) {
    if (!out.empty()) out += ", ";
    out += terminal_safe(graph.skill(s).name);
  }
  return out;
}

std::string goal_names(const SkillGraph& graph, const Plan& plan) {
  if (plan.goals.empty()) return "every skill in the graph";
  std::string goals;
  for (const Goal& goal : plan.goals) {
    if (!goals.empty()) goals += ", ";
    goals += terminal_safe(goal_name(graph, goal));
  }
  return goals;
}

// What every part of the listing reads.
struct PlanListing {
  const SkillGraph& graph;
  const Plan& plan;
  const PlanSchedule& schedule;
  const Painter& paint;
  std::size_t width;
  bool paced;
  bool quiet;
};

// A labelled line of the heading; a long value wraps under itself.
void add_field(std::string& out, std::size_t width, std::string_view label,
               std::string_view value) {
  out += fmt::format("{:<10} {}\n", label, wrap_text(value, width, 11, 11));
}

// What is left to learn, and at what pace until when.
void add_totals(std::string& out, const PlanListing& doc) {
  const Plan& plan = doc.plan;
  add_field(out, doc.width, "To learn:",
            fmt::format("{}, {}, {}", plural(plan.steps.size(), "skill", "skills"),
                        hours_text(plan.total_hours), plural(plan.stage_count, "stage", "stages")));
  if (!doc.paced) return;
  add_field(out, doc.width, "Pace:",
            fmt::format("{} hours a week: {}", format_number(plan.hours_per_week),
                        plural(doc.schedule.weeks, "week", "weeks")));
  if (plan.start) {
    const DateSpan dates = dates_of({1, doc.schedule.weeks}, *plan.start);
    add_field(out, doc.width, "Finish:",
              fmt::format("{} (starting {})", format_date(dates.last), format_date(dates.first)));
  }
}

// The title; the summary: goals, where the learner starts, what is left and when it ends;
// then the pay of goal roles.
void add_heading(std::string& out, const PlanListing& doc) {
  const SkillGraph& graph = doc.graph;
  const Plan& plan = doc.plan;
  const std::string goals = goal_names(graph, plan);
  out += doc.paint.heading(fmt::format("Roadmap to {}", goals)) + "\n\n";
  add_field(out, doc.width, "Goal:", goals);
  add_field(out, doc.width,
            "Have:", plan.have.empty() ? "nothing yet" : name_list(graph, plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    add_field(out, doc.width, "Covered:", name_list(graph, implied));
  }
  if (!plan.steps.empty()) add_totals(out, doc);
  for (const Goal& goal : plan.goals) {
    if (goal.kind != Goal::Kind::role) continue;
    const Role& role = graph.role(goal.index);
    if (role.salary && !role.salary->bands.empty()) {
      add_field(out, doc.width, "Pay:", salary_line(*role.salary));
    }
  }
}

// What follows a step's name: the goal marker, its kind when not a plain skill, and the
// alternatives it was chosen among: " (goal) [project] (or Python, Julia)".
std::string name_extra(const SkillGraph& graph, const Plan& plan, std::size_t i) {
  std::string extra;
  if (plan.steps[i].is_goal) extra += " (goal)";
  if (plan.learning(i)) extra += " (learning)";
  if (const std::string_view kind = kind_label(graph.skill(plan.steps[i].skill).kind);
      !kind.empty()) {
    extra += fmt::format(" [{}]", kind);
  }
  const std::vector<std::string_view> others = alternative_names(graph, plan, i);
  for (std::size_t k = 0; k < others.size(); ++k) {
    extra += (k == 0 ? " (or " : ", ") + terminal_safe(others[k]);
  }
  if (!others.empty()) extra += ")";
  return extra;
}

// When a step is due at the plan's pace: the last day of its last week, or that week's number.
// Only the end is shown, so consecutive steps that share a week never read as overlapping.
std::string due_text(const Plan& plan, WeekSpan weeks) {
  if (plan.start) return "by " + format_date(dates_of(weeks, *plan.start).last);
  return fmt::format("by week {}", weeks.last);
}

detail::TableRow step_row(const PlanListing& doc, std::size_t i) {
  const SkillIndex skill = doc.plan.steps[i].skill;
  detail::TableRow row;
  row.number = i + 1;
  row.name = terminal_safe(doc.graph.skill(skill).name);
  row.extra = name_extra(doc.graph, doc.plan, i);
  row.cells.push_back(fmt::format("{} h", format_number(doc.graph.skill(skill).hours)));
  if (doc.paced) row.cells.push_back(due_text(doc.plan, doc.schedule.steps[i]));
  row.last = terminal_safe(doc.graph.category_of(skill).name);
  return row;
}

void add_stage_heading(std::string& out, const PlanListing& doc, const StageTotals& stage) {
  std::string detail =
      fmt::format("({}, {}", plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
  if (doc.paced) detail += ", " + due_text(doc.plan, doc.schedule.stages[stage.stage - 1]);
  out += fmt::format("\n{} {}\n", doc.paint.bold(stage_title(stage.stage)),
                     doc.paint.dim(detail + ")"));
}

// Under a step, the steps it waits for.
void add_waits_line(std::string& out, const PlanListing& doc, std::size_t indent, std::size_t i) {
  const auto waits = doc.plan.waits_for(i);
  if (waits.empty()) return;
  std::string after = "after: ";
  for (std::size_t k = 0; k < waits.size(); ++k) {
    if (k > 0) after += ", ";
    after += terminal_safe(doc.graph.skill(doc.plan.steps[waits[k].step].skill).name);
    if (waits[k].recommended) after += " (recommended)";
  }
  out += std::string(indent, ' ') +
         doc.paint.dim(wrap_text(after, doc.width, indent, indent + 7)) + "\n";
}

void add_steps(std::string& out, const PlanListing& doc, const TextStyle& style) {
  std::vector<detail::TableRow> rows;
  rows.reserve(doc.plan.steps.size());
  for (std::size_t i = 0; i < doc.plan.steps.size(); ++i) rows.push_back(step_row(doc, i));
  // Every stage shares the columns, so a stage listed alone lines up as in the whole plan.
  const detail::StepTable table(rows, {doc.width, style.quiet});
  for (const StageTotals& stage : stage_totals(doc.plan)) {
    if (style.stage != 0 && stage.stage != style.stage) continue;
    if (!style.quiet) add_stage_heading(out, doc, stage);
    for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
      out += table.render(rows[i], doc.paint);
      if (style.waits && !style.quiet) add_waits_line(out, doc, table.indent(), i);
    }
  }
}

}  // namespace

std::string render_plan_text(const SkillGraph& graph, const Plan& plan, const TextStyle& style) {
  const Painter paint(style.color);
  const PlanSchedule schedule = schedule_plan(plan);
  const PlanListing doc{graph,
                        plan,
                        schedule,
                        paint,
                        std::max<std::size_t>(style.width, 40),
                        plan.hours_per_week > 0,
                        style.quiet};
  std::string out;
  if (!style.quiet) {
    add_heading(out, doc);
    if (plan.steps.empty()) {
      out += "\nNothing left to learn for this goal.\n";
      return out;
    }
  }
  add_steps(out, doc, style);
  return out;
}

}  // namespace mlroadmap
