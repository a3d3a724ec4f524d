// A cohort's report (`report`): a text table, JSON, CSV and Markdown.

#include <fmt/format.h>

#include "csv_cells.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

double share_of(const CohortReport& report, const CohortSkill& skill) {
  return report.planned() == 0
             ? 0.0
             : static_cast<double>(skill.learners) / static_cast<double>(report.planned());
}

std::string percent(double share) { return format_number(share * 100) + "%"; }

std::string hours_text(double hours) { return format_number(hours); }

std::string learner_label(const CohortLearner& learner) {
  return learner.id.empty() ? std::string("(no id)") : terminal_safe(learner.id);
}

void write_learner_id(detail::JsonWriter& json, const CohortLearner& learner) {
  json.key("id");
  if (learner.id.empty()) {
    json.null();
  } else if (learner.id_is_number) {
    json.number_text(learner.id);
  } else {
    json.value(learner.id);
  }
}

}  // namespace

std::string render_report_text(const SkillGraph& graph, const CohortReport& report,
                               const TextStyle& style) {
  std::string out;
  const auto heading = [&](std::string_view text) {
    if (style.quiet) return;
    out += style.color ? fmt::format("\x1b[1m{}\x1b[0m\n", text) : fmt::format("{}\n", text);
  };
  if (!style.quiet) {
    fmt::format_to(std::back_inserter(out), "{} profiles, {} planned, {} failed\n\n",
                   report.profiles, report.planned(), report.failed);
  }
  heading("Skills learners still need (most first)");
  std::size_t id_width = 2;
  for (const CohortSkill& s : report.skills) {
    id_width = std::max(id_width, display_width(terminal_safe(graph.skill(s.skill).id)));
  }
  id_width = std::min<std::size_t>(id_width, 32);
  if (!style.quiet) {
    fmt::format_to(std::back_inserter(out), "{:<{}}  {:>8}  {:>6}  {:>9}  {}\n", "id", id_width,
                   "learners", "share", "hours", "name");
  }
  for (const CohortSkill& s : report.skills) {
    const Skill& skill = graph.skill(s.skill);
    fmt::format_to(std::back_inserter(out), "{:<{}}  {:>8}  {:>6}  {:>9}  {}\n",
                   terminal_safe(skill.id), id_width, s.learners, percent(share_of(report, s)),
                   hours_text(s.hours), terminal_safe(skill.name));
  }
  if (style.quiet) return out;
  out += '\n';
  heading("Learners");
  fmt::format_to(std::back_inserter(out), "{:<24}  {:>5}  {:>9}\n", "id", "steps", "hours");
  for (const CohortLearner& l : report.learners) {
    fmt::format_to(std::back_inserter(out), "{:<24}  {:>5}  {:>9}\n", learner_label(l), l.steps,
                   hours_text(l.hours));
  }
  return out;
}

std::string render_report_json(const SkillGraph& graph, const CohortReport& report) {
  std::string out;
  out.reserve(256 + report.skills.size() * 96 + report.learners.size() * 48);
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.member("profiles", static_cast<std::int64_t>(report.profiles));
  json.member("failed", static_cast<std::int64_t>(report.failed));
  json.key("skills");
  json.begin_array();
  for (const CohortSkill& s : report.skills) {
    json.begin_object();
    json.member("id", graph.skill(s.skill).id);
    json.member("name", graph.skill(s.skill).name);
    json.member("learners", static_cast<std::int64_t>(s.learners));
    json.member("share", share_of(report, s));
    json.member("hours", s.hours);
    json.end_object();
  }
  json.end_array();
  json.key("learners");
  json.begin_array();
  for (const CohortLearner& l : report.learners) {
    json.begin_object();
    write_learner_id(json, l);
    json.member("steps", static_cast<std::int64_t>(l.steps));
    json.member("hours", l.hours);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

std::string render_report_csv(const SkillGraph& graph, const CohortReport& report) {
  std::string out = "id,name,learners,share,hours\n";
  for (const CohortSkill& s : report.skills) {
    detail::append_csv_cell(out, graph.skill(s.skill).id);
    out += ',';
    detail::append_csv_cell(out, graph.skill(s.skill).name);
    fmt::format_to(std::back_inserter(out), ",{},{},{}\n", s.learners, share_of(report, s),
                   s.hours);
  }
  return out;
}

std::string render_report_markdown(const SkillGraph& graph, const CohortReport& report) {
  const auto cell = [](std::string_view text) {
    std::string out;
    for (const char c : terminal_safe(text)) {
      if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[') {
        out += '\\';
      }
      out += c;
    }
    return out;
  };
  std::string out = "# Cohort report\n\n";
  fmt::format_to(std::back_inserter(out), "{} profiles, {} planned, {} failed.\n\n",
                 report.profiles, report.planned(), report.failed);
  out += "## Skills learners still need\n\n| Skill | Id | Learners | Share | Hours |\n";
  out += "|---|---|---:|---:|---:|\n";
  for (const CohortSkill& s : report.skills) {
    const Skill& skill = graph.skill(s.skill);
    fmt::format_to(std::back_inserter(out), "| {} | `{}` | {} | {} | {} |\n", cell(skill.name),
                   skill.id, s.learners, percent(share_of(report, s)), hours_text(s.hours));
  }
  out += "\n## Learners\n\n| Learner | Steps | Hours |\n|---|---:|---:|\n";
  for (const CohortLearner& l : report.learners) {
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} |\n",
                   l.id.empty() ? std::string("(no id)") : cell(l.id), l.steps,
                   hours_text(l.hours));
  }
  return out;
}

}  // namespace mlroadmap
