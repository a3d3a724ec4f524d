#include <fmt/format.h>

#include "mlroadmap/render.hpp"
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
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '#': case '|': case '~': case '!': case '{': case '}':
        out += '\\';
        out += c;
        break;
      case '&': {
        const char next = i + 1 < text.size() ? text[i + 1] : ' ';
        const bool entity = next == '#' || (next >= 'a' && next <= 'z') ||
                            (next >= 'A' && next <= 'Z');
        out += entity ? "\\&" : "&";
        break;
      }
      case '\n': case '\r': case '\t':
        out += ' ';
        break;
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

  out += fmt::format("# Roadmap to {}\n\n", goals);
  out += fmt::format("- **Goal:** {}\n", goals);
  out += fmt::format("- **Starting from:** {}\n", plan.have.empty() ? "nothing yet" : names(plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    out += fmt::format("- **Also covered:** {}\n", names(implied));
  }
  out += fmt::format("- **To learn:** {} skills, {} hours, {} stages\n", plan.steps.size(),
                     format_number(plan.total_hours), plan.stage_count);
  if (paced) {
    out += fmt::format("- **Pace:** {} hours a week, about {} weeks\n",
                       format_number(plan.hours_per_week),
                       weeks_for(plan.total_hours, plan.hours_per_week));
  }
  if (plan.steps.empty()) {
    out += "\nNothing left to learn for this goal.\n";
    return out;
  }

  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    if (i == 0 || plan.steps[i - 1].stage != step.stage) {
      out += step.stage == 1 ? "\n## Stage 1: start now\n"
                             : fmt::format("\n## Stage {}\n", step.stage);
    }
    const Skill& skill = graph.skill(step.skill);
    std::string meta = fmt::format("{}, {} h", markdown_text(graph.category_of(step.skill).name),
                                   format_number(skill.hours));
    if (paced) {
      const WeekSpan weeks = week_span(step.start_hour, step.end_hour, plan.hours_per_week);
      meta += weeks.first == weeks.last ? fmt::format(", week {}", weeks.first)
                                        : fmt::format(", weeks {}-{}", weeks.first, weeks.last);
    }
    if (step.is_goal) meta += ", goal";
    out += fmt::format("\n- [ ] **{}** ({})\n", markdown_text(skill.name), meta);
    if (const std::string_view summary = graph.summary(step.skill); !summary.empty()) {
      out += fmt::format("\n  {}\n\n", markdown_text(summary));
    }
    const auto waits = plan.waits_for(i);
    if (!waits.empty()) {
      out += "  - Waits for: ";
      for (std::size_t k = 0; k < waits.size(); ++k) {
        if (k > 0) out += "; ";
        out += markdown_text(graph.skill(plan.steps[waits[k].step].skill).name);
        const std::string_view why = graph.requirement(step.skill, waits[k].requirement).why;
        if (!why.empty()) out += fmt::format(" ({})", markdown_text(why));
      }
      out += "\n";
    }
    const auto resources = graph.resources(step.skill);
    if (!resources.empty()) {
      out += "  - Resources:\n";
      for (const Resource& r : resources) {
        out += fmt::format("    - [{}](<{}>)", markdown_text(r.title), markdown_url(r.url));
        if (!r.type.empty()) out += fmt::format(" ({}{})", markdown_text(r.type), r.free ? "" : ", paid");
        out += "\n";
      }
    }
    if (const std::string_view milestone = graph.milestone(step.skill); !milestone.empty()) {
      out += fmt::format("  - Milestone: {}\n", markdown_text(milestone));
    }
  }
  return out;
}

}  // namespace mlroadmap
