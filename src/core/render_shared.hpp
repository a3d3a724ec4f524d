#pragma once
// What the renderers share: terminal styling, and counts, hours, pay, weeks and stages in words.

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap {

/// Wraps text in ANSI styles when colour is on; passes it through otherwise.
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

/// "1 hour", "2.5 hours".
std::string hours_text(double hours);

/// "1 skill", "3 skills".
std::string plural(std::size_t n, std::string_view one, std::string_view many);

/// "USD 70,000-90,000 (entry level), ... (United States)" in one line.
std::string salary_line(const Salary& salary);

/// 120000 as "120,000".
std::string thousands(std::int64_t value);

/// "week 3", "weeks 1-4", or the days they cover ("2027-01-04 to 2027-01-31") when the plan
/// has a start date.
std::string weeks_text(const Plan& plan, WeekSpan weeks);

/// "Stage 1: start now", "Stage 2".
std::string stage_title(std::uint32_t stage);

/// How a kind of step is named beside its name: "project", "education", "career step"; empty
/// for a plain skill.
std::string_view kind_label(SkillKind kind);

/// The names of the other members a step was chosen among, "Python, Julia"; empty when the
/// step was not chosen from any_of groups. Names are raw: the caller escapes them.
std::vector<std::string_view> alternative_names(const SkillGraph& graph, const Plan& plan,
                                                std::size_t step);

/// Text that reads as plain text wherever it sits in a Markdown line (render_markdown.cpp).
std::string markdown_escape(std::string_view text);

}  // namespace mlroadmap
