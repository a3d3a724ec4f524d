#include <fmt/format.h>

#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// Escapes text so that, wherever it sits inside a line, it reads as plain text: no emphasis,
// links, images, HTML, code spans, table cells or line structure can come from the data.
std::string markdown_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '~':
      case '!':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '&': {
        const char next = i + 1 < text.size() ? text[i + 1] : ' ';
        const bool entity =
            next == '#' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        out += entity ? "\\&" : "&";
        break;
      }
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
          out += ' ';
        } else {
          out += c;
        }
      }
    }
  }
  return out;
}

// A link destination that cannot end early or smuggle markup.
std::string markdown_url(std::string_view url) {
  std::string out;
  for (const char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' ||
        c == '"' || c == '\'' || c == '`') {
      out += fmt::format("%{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_plan_markdown(const SkillGraph& graph, const Plan& plan) {
  std::string out;
  const bool paced = plan.hours_per_week > 0;
  const PlanSchedule schedule = schedule_plan(plan);
  const auto when = [&](WeekSpan weeks) {
    if (plan.start) {
      const DateSpan dates = dates_of(weeks, *plan.start);
      return fmt::format("{} to {}", format_date(dates.first), format_date(dates.last));
    }
    return weeks.first == weeks.last ? fmt::format("week {}", weeks.first)
                                     : fmt::format("weeks {}-{}", weeks.first, weeks.last);
  };
  std::string goals;
  for (const Goal& goal : plan.goals) {
    if (!goals.empty()) goals += ", ";
    goals += markdown_text(goal_name(graph, goal));
  }
  if (plan.goals.empty()) goals = "every skill in the graph";
  const auto names = [&](const std::vector<SkillIndex>& skills) {
    std::string list;
    for (const SkillIndex s : skills) {
      if (!list.empty()) list += ", ";
      list += markdown_text(graph.skill(s).name);
    }
    return list;
  };
  const auto stage_title = [](std::uint32_t stage) {
    return stage == 1 ? std::string("Stage 1: start now") : fmt::format("Stage {}", stage);
  };

  out += fmt::format("# Roadmap to {}\n\n", goals);
  out += fmt::format("- **Goal:** {}\n", goals);
  for (const Goal& goal : plan.goals) {
    if (goal.kind != Goal::Kind::role) continue;
    const Role& role = graph.role(goal.index);
    if (!role.summary.empty())
      out += fmt::format("- **The role:** {}\n", markdown_text(role.summary));
    if (role.salary && !role.salary->bands.empty()) {
      out += fmt::format("- **Pay:** {}", markdown_text(salary_line(*role.salary)));
      if (!role.salary->source.empty()) {
        out += fmt::format("; source: {}", markdown_text(role.salary->source));
      }
      out += "\n";
    }
  }
  out += fmt::format("- **Starting from:** {}\n",
                     plan.have.empty() ? "nothing yet" : names(plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    out += fmt::format("- **Also covered:** {}\n", names(implied));
  }
  out += fmt::format("- **To learn:** {}, {}, {}\n", plural(plan.steps.size(), "skill", "skills"),
                     hours_text(plan.total_hours), plural(plan.stage_count, "stage", "stages"));
  if (paced) {
    out += fmt::format("- **Pace:** {} hours a week: {}", format_number(plan.hours_per_week),
                       plural(schedule.weeks, "week", "weeks"));
    if (plan.start && schedule.weeks > 0) out += fmt::format(", {}", when({1, schedule.weeks}));
    out += "\n";
  }
  if (plan.steps.empty()) {
    out += "\nNothing left to learn for this goal.\n";
    return out;
  }

  const auto stages = stage_totals(plan);
  out += "\n## Contents\n\n";
  for (const StageTotals& stage : stages) {
    const std::string title = stage_title(stage.stage);
    std::string anchor;
    for (const char c : title) {
      if (c == ' ')
        anchor += '-';
      else if (c != ':')
        anchor += ascii_lower(c);
    }
    out += fmt::format("- [{}](#{}): {}, {}\n", title, anchor,
                       plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
  }
  out += "\n## Map\n\nArrows run from a skill to what it unlocks.\n\n```mermaid\n";
  out += render_plan_mermaid(graph, plan);
  out += "```\n";

  for (const StageTotals& stage : stages) {
    out += fmt::format("\n## {}\n\n{}, {}", stage_title(stage.stage),
                       plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
    if (paced) out += ", " + when(schedule.stages[stage.stage - 1]);
    out += ".\n";
    for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
      const PlanStep& step = plan.steps[i];
      const Skill& skill = graph.skill(step.skill);
      std::string meta = fmt::format("{}, {} h", markdown_text(graph.category_of(step.skill).name),
                                     format_number(skill.hours));
      if (paced) meta += ", " + when(schedule.steps[i]);
      out += fmt::format("\n- [ ] **{}** ({})\n", markdown_text(skill.name), meta);
      if (const std::string_view summary = graph.summary(step.skill); !summary.empty()) {
        out += fmt::format("\n  {}\n\n", markdown_text(summary));
      }
      std::string why;
      if (step.is_goal) why = "a goal in itself";
      for (const NeededBy& by : needed_by(graph, plan, i)) {
        if (!why.empty()) why += "; ";
        why += "needed for " + markdown_text(graph.skill(plan.steps[by.step].skill).name);
        if (!by.why.empty()) why += fmt::format(" ({})", markdown_text(by.why));
      }
      out += fmt::format("  - Why: {}\n", why);
      const auto waits = plan.waits_for(i);
      if (!waits.empty()) {
        out += "  - Waits for: ";
        for (std::size_t k = 0; k < waits.size(); ++k) {
          if (k > 0) out += ", ";
          out += markdown_text(graph.skill(plan.steps[waits[k].step].skill).name);
        }
        out += "\n";
      }
      const auto resources = graph.resources(step.skill);
      if (!resources.empty()) {
        out += "  - Resources:\n";
        for (const Resource& r : resources) {
          out += fmt::format("    - [{}](<{}>)", markdown_text(r.title), markdown_url(r.url));
          std::string kind = markdown_text(r.type);
          if (!r.free) kind += kind.empty() ? "paid" : ", paid";
          if (!kind.empty()) out += fmt::format(" ({})", kind);
          out += "\n";
        }
      }
      if (const std::string_view milestone = graph.milestone(step.skill); !milestone.empty()) {
        out += fmt::format("  - Milestone: {}\n", markdown_text(milestone));
      }
    }
  }
  return out;
}

}  // namespace mlroadmap
