#include <fmt/format.h>

#include <algorithm>

#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
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

// The title, the goals with the pay of goal roles, and where the learner starts.
void add_heading(std::string& out, const PlanListing& doc) {
  const SkillGraph& graph = doc.graph;
  const Plan& plan = doc.plan;
  const std::string goals = goal_names(graph, plan);
  out += doc.paint.heading(fmt::format("Roadmap to {}", goals)) + "\n\n";
  add_field(out, doc.width, "Goal:", goals);
  for (const Goal& goal : plan.goals) {
    if (goal.kind != Goal::Kind::role) continue;
    const Role& role = graph.role(goal.index);
    if (role.salary && !role.salary->bands.empty()) {
      add_field(out, doc.width, "Pay:", salary_line(*role.salary));
    }
  }
  add_field(out, doc.width,
            "Have:", plan.have.empty() ? "nothing yet" : name_list(graph, plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    add_field(out, doc.width, "Covered:", name_list(graph, implied));
  }
}

// What is left to learn, and at what pace.
void add_totals(std::string& out, const PlanListing& doc) {
  const Plan& plan = doc.plan;
  add_field(out, doc.width, "To learn:",
            fmt::format("{}, {}, {}", plural(plan.steps.size(), "skill", "skills"),
                        hours_text(plan.total_hours), plural(plan.stage_count, "stage", "stages")));
  if (!doc.paced) return;
  std::string pace = fmt::format("{} hours a week: {}", format_number(plan.hours_per_week),
                                 plural(doc.schedule.weeks, "week", "weeks"));
  if (plan.start) pace += ", " + weeks_text(plan, {1, doc.schedule.weeks});
  add_field(out, doc.width, "Pace:", pace);
}

// Where the columns of the step lines start and how wide they are.
struct StepColumns {
  std::size_t number;  ///< digits of the last step's number
  std::size_t indent;  ///< where names start
  std::size_t name;
  std::size_t when;  ///< weeks or dates, with the two spaces before them; 0 without a pace
};

// The name column is as wide as the longest name, but leaves room for hours, weeks and the
// longest category within the width; a longer name takes a line of its own.
// What follows a step's name: its kind when not a plain skill, and the alternatives it was
// chosen among: " [project]", " (or Python, Julia)".
std::string name_extra(const SkillGraph& graph, const Plan& plan, std::size_t i) {
  std::string extra;
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

StepColumns step_columns(const PlanListing& doc) {
  const SkillGraph& graph = doc.graph;
  std::size_t name_width = 0;
  std::size_t category_width = 0;
  for (std::size_t i = 0; i < doc.plan.steps.size(); ++i) {
    const PlanStep& step = doc.plan.steps[i];
    name_width = std::max(name_width, display_width(terminal_safe(graph.skill(step.skill).name)) +
                                          display_width(name_extra(graph, doc.plan, i)));
    category_width =
        std::max(category_width, display_width(terminal_safe(graph.category_of(step.skill).name)));
  }
  StepColumns columns;
  columns.number = fmt::formatted_size("{}", doc.plan.steps.size());
  columns.indent = columns.number + 4;
  columns.when = !doc.paced ? 0 : doc.plan.start ? 26 : 13;
  const std::size_t fixed = columns.indent + 2 + 7 + columns.when + 2 + category_width;
  const std::size_t room = fixed < doc.width ? doc.width - fixed : 0;
  columns.name = std::min({name_width, std::max<std::size_t>(room, 20), std::size_t{40}});
  return columns;
}

void add_stage_heading(std::string& out, const PlanListing& doc, const StageTotals& stage) {
  std::string detail =
      fmt::format("({}, {}", plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
  if (doc.paced) detail += ", " + weeks_text(doc.plan, doc.schedule.stages[stage.stage - 1]);
  out += fmt::format("\n{} {}\n", doc.paint.bold(stage_title(stage.stage)),
                     doc.paint.dim(detail + ")"));
}

// The step's number and name, padded to the name column or, when longer, on a line of its own.
std::string name_cell(const PlanListing& doc, const StepColumns& columns, std::size_t i) {
  const std::string name = terminal_safe(doc.graph.skill(doc.plan.steps[i].skill).name);
  const std::string extra = name_extra(doc.graph, doc.plan, i);
  std::string cell =
      fmt::format("  {:>{}}. {}{}", i + 1, columns.number, doc.paint.bold(name), extra);
  const std::size_t used = display_width(name) + display_width(extra);
  if (used > columns.name) {
    cell += "\n" + std::string(columns.indent + columns.name, ' ');
  } else {
    cell.append(columns.name - used, ' ');
  }
  return cell;
}

// Hours, and with a pace the step's weeks or dates.
std::string meta_cell(const PlanListing& doc, const StepColumns& columns, std::size_t i) {
  std::string meta =
      fmt::format("{:>5} h", format_number(doc.graph.skill(doc.plan.steps[i].skill).hours));
  if (doc.paced) {
    meta += fmt::format("  {:<{}}", weeks_text(doc.plan, doc.schedule.steps[i]), columns.when - 2);
  }
  return meta;
}

void add_waits_line(std::string& out, const PlanListing& doc, const StepColumns& columns,
                    std::size_t i) {
  const auto waits = doc.plan.waits_for(i);
  if (waits.empty() || doc.quiet) return;
  std::string after = "after: ";
  for (std::size_t k = 0; k < waits.size(); ++k) {
    if (k > 0) after += ", ";
    after += terminal_safe(doc.graph.skill(doc.plan.steps[waits[k].step].skill).name);
    if (waits[k].recommended) after += " (recommended)";
  }
  out += std::string(columns.indent, ' ') +
         doc.paint.dim(wrap_text(after, doc.width, columns.indent, columns.indent + 7)) + "\n";
}

void add_step(std::string& out, const PlanListing& doc, const StepColumns& columns, std::size_t i) {
  const PlanStep& step = doc.plan.steps[i];
  const std::string meta = meta_cell(doc, columns, i);
  std::string tail = terminal_safe(doc.graph.category_of(step.skill).name);
  if (step.is_goal) tail += " (goal)";
  // The category goes last and moves under the name when the line would pass the width.
  const std::size_t column = columns.indent + columns.name + 2 + display_width(meta) + 2;
  out += name_cell(doc, columns, i) + "  " + doc.paint.dim(meta);
  if (column + display_width(tail) > doc.width) {
    out += "\n" + std::string(columns.indent, ' ') + doc.paint.dim(tail) + "\n";
  } else {
    out += "  " + doc.paint.dim(tail) + "\n";
  }
  add_waits_line(out, doc, columns, i);
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
    add_totals(out, doc);
  }
  const StepColumns columns = step_columns(doc);
  for (const StageTotals& stage : stage_totals(plan)) {
    if (!style.quiet) add_stage_heading(out, doc, stage);
    for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
      add_step(out, doc, columns, i);
    }
  }
  return out;
}

}  // namespace mlroadmap
