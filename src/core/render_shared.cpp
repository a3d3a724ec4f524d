#include "render_shared.hpp"

#include "text.hpp"

namespace mlroadmap {

std::string hours_text(double hours) {
  return fmt::format("{} {}", format_number(hours), hours == 1 ? "hour" : "hours");
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string thousands(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string salary_line(const Salary& salary) {
  std::string out;
  for (const SalaryBand& band : salary.bands) {
    if (!out.empty()) out += "; ";
    out += terminal_safe(band.level) + " ";
    if (band.min && band.max) {
      out += fmt::format("{}-{}", thousands(*band.min), thousands(*band.max));
    } else if (band.min) {
      out += thousands(*band.min) + "+";
    } else if (band.max) {
      out += "up to " + thousands(*band.max);
    }
  }
  std::string scope = terminal_safe(salary.currency);
  if (!scope.empty()) scope += " a year";
  if (!salary.region.empty()) scope += (scope.empty() ? "" : ", ") + terminal_safe(salary.region);
  if (!scope.empty()) out += " (" + scope + ")";
  return out;
}

std::string weeks_text(const Plan& plan, WeekSpan weeks) {
  if (plan.start) {
    const DateSpan dates = dates_of(weeks, *plan.start);
    return fmt::format("{} to {}", format_date(dates.first), format_date(dates.last));
  }
  return weeks.first == weeks.last ? fmt::format("week {}", weeks.first)
                                   : fmt::format("weeks {}-{}", weeks.first, weeks.last);
}

std::string stage_title(std::uint32_t stage) {
  return stage == 1 ? std::string("Stage 1: start now") : fmt::format("Stage {}", stage);
}

std::string_view kind_label(SkillKind kind) {
  switch (kind) {
    case SkillKind::project: return "project";
    case SkillKind::education: return "education";
    case SkillKind::career: return "career step";
    case SkillKind::skill: break;
  }
  return {};
}

std::vector<std::string_view> alternative_names(const SkillGraph& graph, const Plan& plan,
                                                std::size_t step) {
  std::vector<std::string_view> names;
  if (plan.choices.empty()) return names;
  if (const StepChoice* choice = plan.choice(step)) {
    for (const SkillIndex s : choice->alternatives) names.push_back(graph.skill(s).name);
  }
  return names;
}

}  // namespace mlroadmap
