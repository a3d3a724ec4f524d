#include <fmt/format.h>

#include <algorithm>

#include "mlroadmap/render.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string bold(std::string_view s) const { return wrap("\x1b[1m", s); }
  std::string dim(std::string_view s) const { return wrap("\x1b[2m", s); }
  std::string heading(std::string_view s) const { return wrap("\x1b[1;36m", s); }

 private:
  std::string wrap(std::string_view code, std::string_view s) const {
    if (!color_) return std::string(s);
    return fmt::format("{}{}\x1b[0m", code, s);
  }
  bool color_;
};

std::string name_list(const SkillGraph& graph, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills) {
    if (!out.empty()) out += ", ";
    out += terminal_safe(graph.skill(s).name);
  }
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string render_plan_text(const SkillGraph& graph, const Plan& plan, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  const bool paced = plan.hours_per_week > 0;
  std::string out;

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
  field("Have:", plan.have.empty() ? "nothing yet" : name_list(graph, plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    field("Covered:", name_list(graph, implied));
  }
  if (plan.steps.empty()) {
    out += "\nNothing left to learn for this goal.\n";
    return out;
  }
  std::string totals = fmt::format("{}, {} hours, {}", plural(plan.steps.size(), "skill", "skills"),
                                   format_number(plan.total_hours),
                                   plural(plan.stage_count, "stage", "stages"));
  field("To learn:", totals);
  if (paced) {
    field("Pace:", fmt::format("{} hours a week: about {}", format_number(plan.hours_per_week),
                               plural(weeks_for(plan.total_hours, plan.hours_per_week), "week",
                                      "weeks")));
  }

  // The name column is as wide as the longest name, but leaves room for hours, weeks and the
  // longest category within the width; a longer name takes a line of its own.
  std::size_t name_width = 0;
  std::size_t category_width = 0;
  for (const PlanStep& step : plan.steps) {
    name_width = std::max(name_width, display_width(terminal_safe(graph.skill(step.skill).name)));
    category_width = std::max(category_width,
                              display_width(terminal_safe(graph.category_of(step.skill).name)));
  }
  const std::size_t number_width = fmt::formatted_size("{}", plan.steps.size());
  const std::size_t indent = number_width + 4;
  const std::size_t fixed = indent + 2 + 7 + (paced ? 13 : 0) + 2 + category_width;
  const std::size_t room = fixed < width ? width - fixed : 0;
  name_width = std::min({name_width, std::max<std::size_t>(room, 20), std::size_t{40}});

  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    if (i == 0 || plan.steps[i - 1].stage != step.stage) {
      std::size_t count = 0;
      double hours = 0;
      for (std::size_t j = i; j < plan.steps.size() && plan.steps[j].stage == step.stage; ++j) {
        ++count;
        hours += graph.skill(plan.steps[j].skill).hours;
      }
      const std::string title = step.stage == 1 ? "Stage 1: start now"
                                                : fmt::format("Stage {}", step.stage);
      out += fmt::format("\n{} {}\n", paint.bold(title),
                         paint.dim(fmt::format("({}, {} hours)", plural(count, "skill", "skills"),
                                               format_number(hours))));
    }
    const Skill& skill = graph.skill(step.skill);
    const std::string name = terminal_safe(skill.name);
    std::string line = fmt::format("  {:>{}}. {}", i + 1, number_width, paint.bold(name));
    const std::size_t used = display_width(name);
    if (used > name_width) {
      // A long name takes its own line; the columns stay aligned on the next.
      line += "\n" + std::string(indent + name_width, ' ');
    } else {
      line.append(name_width - used, ' ');
    }
    std::string meta = fmt::format("{:>5} h", format_number(skill.hours));
    if (paced) {
      const WeekSpan weeks = week_span(step.start_hour, step.end_hour, plan.hours_per_week);
      meta += fmt::format("  {:<11}", weeks.first == weeks.last
                                          ? fmt::format("week {}", weeks.first)
                                          : fmt::format("weeks {}-{}", weeks.first, weeks.last));
    }
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
    if (!waits.empty()) {
      std::string after = "after: ";
      for (std::size_t k = 0; k < waits.size(); ++k) {
        if (k > 0) after += ", ";
        after += terminal_safe(graph.skill(plan.steps[waits[k].step].skill).name);
      }
      out += std::string(indent, ' ') +
             paint.dim(wrap_text(after, width, indent, indent + 7)) + "\n";
    }
  }
  return out;
}

}  // namespace mlroadmap
