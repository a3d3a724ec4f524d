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

std::string when(const Plan& plan, WeekSpan weeks) {
  if (plan.start) {
    const DateSpan dates = dates_of(weeks, *plan.start);
    return fmt::format("{} to {}", format_date(dates.first), format_date(dates.last));
  }
  return weeks.first == weeks.last ? fmt::format("week {}", weeks.first)
                                   : fmt::format("weeks {}-{}", weeks.first, weeks.last);
}

}  // namespace

std::string render_plan_text(const SkillGraph& graph, const Plan& plan, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  const bool paced = plan.hours_per_week > 0;
  const PlanSchedule schedule = schedule_plan(plan);
  std::string out;

  if (!style.quiet) {
    std::string goals;
    for (const Goal& goal : plan.goals) {
      if (!goals.empty()) goals += ", ";
      goals += terminal_safe(goal_name(graph, goal));
    }
    if (plan.goals.empty()) goals = "every skill in the graph";
    const auto field = [&](std::string_view label, std::string_view value) {
      out += fmt::format("{:<10} {}\n", label, wrap_text(value, width, 11, 11));
    };
    out += paint.heading(fmt::format("Roadmap to {}", goals)) + "\n\n";
    field("Goal:", goals);
    for (const Goal& goal : plan.goals) {
      if (goal.kind != Goal::Kind::role) continue;
      const Role& role = graph.role(goal.index);
      if (role.salary && !role.salary->bands.empty()) field("Pay:", salary_line(*role.salary));
    }
    field("Have:", plan.have.empty() ? "nothing yet" : name_list(graph, plan.have));
    if (const auto implied = implied_cover(plan); !implied.empty()) {
      field("Covered:", name_list(graph, implied));
    }
    if (plan.steps.empty()) {
      out += "\nNothing left to learn for this goal.\n";
      return out;
    }
    field("To learn:",
          fmt::format("{}, {}, {}", plural(plan.steps.size(), "skill", "skills"),
                      hours_text(plan.total_hours), plural(plan.stage_count, "stage", "stages")));
    if (paced) {
      std::string pace = fmt::format("{} hours a week: {}", format_number(plan.hours_per_week),
                                     plural(schedule.weeks, "week", "weeks"));
      if (plan.start) {
        const DateSpan dates = dates_of({1, schedule.weeks}, *plan.start);
        pace += fmt::format(", {} to {}", format_date(dates.first), format_date(dates.last));
      }
      field("Pace:", pace);
    }
  }

  // The name column is as wide as the longest name, but leaves room for hours, weeks and the
  // longest category within the width; a longer name takes a line of its own.
  std::size_t name_width = 0;
  std::size_t category_width = 0;
  for (const PlanStep& step : plan.steps) {
    name_width = std::max(name_width, display_width(terminal_safe(graph.skill(step.skill).name)));
    category_width =
        std::max(category_width, display_width(terminal_safe(graph.category_of(step.skill).name)));
  }
  const std::size_t number_width = fmt::formatted_size("{}", plan.steps.size());
  const std::size_t indent = number_width + 4;
  const std::size_t when_width = !paced ? 0 : plan.start ? 26 : 13;
  const std::size_t fixed = indent + 2 + 7 + when_width + 2 + category_width;
  const std::size_t room = fixed < width ? width - fixed : 0;
  name_width = std::min({name_width, std::max<std::size_t>(room, 20), std::size_t{40}});

  const auto stages = stage_totals(plan);
  for (const StageTotals& stage : stages) {
    if (!style.quiet) {
      const std::string title =
          stage.stage == 1 ? "Stage 1: start now" : fmt::format("Stage {}", stage.stage);
      std::string detail =
          fmt::format("({}, {}", plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
      if (paced) detail += ", " + when(plan, schedule.stages[stage.stage - 1]);
      out += fmt::format("\n{} {}\n", paint.bold(title), paint.dim(detail + ")"));
    }
    for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
      const PlanStep& step = plan.steps[i];
      const Skill& skill = graph.skill(step.skill);
      const std::string name = terminal_safe(skill.name);
      std::string line = fmt::format("  {:>{}}. {}", i + 1, number_width, paint.bold(name));
      const std::size_t used = display_width(name);
      if (used > name_width) {
        line += "\n" + std::string(indent + name_width, ' ');
      } else {
        line.append(name_width - used, ' ');
      }
      std::string meta = fmt::format("{:>5} h", format_number(skill.hours));
      if (paced) meta += fmt::format("  {:<{}}", when(plan, schedule.steps[i]), when_width - 2);
      std::string tail = terminal_safe(graph.category_of(step.skill).name);
      if (step.is_goal) tail += " (goal)";
      // The category goes last and moves under the name when the line would pass the width.
      const std::size_t column = indent + name_width + 2 + display_width(meta) + 2;
      out += line + "  " + paint.dim(meta);
      if (column + display_width(tail) > width) {
        out += "\n" + std::string(indent, ' ') + paint.dim(tail) + "\n";
      } else {
        out += "  " + paint.dim(tail) + "\n";
      }
      const auto waits = plan.waits_for(i);
      if (waits.empty() || style.quiet) continue;
      std::string after = "after: ";
      for (std::size_t k = 0; k < waits.size(); ++k) {
        if (k > 0) after += ", ";
        after += terminal_safe(graph.skill(plan.steps[waits[k].step].skill).name);
      }
      out +=
          std::string(indent, ' ') + paint.dim(wrap_text(after, width, indent, indent + 7)) + "\n";
    }
  }
  return out;
}

}  // namespace mlroadmap
