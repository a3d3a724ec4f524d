// The progress report as text, JSON and Markdown.

#include <fmt/format.h>

#include "json_writer.hpp"
#include "mlroadmap/progress.hpp"
#include "render_shared.hpp"
#include "render_sources.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

constexpr std::size_t kBarWidth = 20;

std::string goal_list(const SkillGraph& graph, const Plan& plan) {
  if (plan.goals.empty()) return "every skill in the graph";
  std::string goals;
  for (const Goal& goal : plan.goals) {
    if (!goals.empty()) goals += ", ";
    goals += goal_name(graph, goal);
  }
  return goals;
}

template <typename Escape>
std::string names(const SkillGraph& graph, const std::vector<SkillIndex>& skills, Escape escape) {
  std::string out;
  for (const SkillIndex s : skills) {
    if (!out.empty()) out += ", ";
    out += escape(graph.skill(s).name);
  }
  return out;
}

std::string bar(std::size_t finished, std::size_t steps) {
  const std::size_t filled = steps == 0 ? kBarWidth : (finished * kBarWidth + steps / 2) / steps;
  return std::string(filled, '#') + std::string(kBarWidth - filled, '-');
}

int stage_percent(const ProgressReport::Stage& stage) {
  return stage.steps == 0 ? 100
                          : static_cast<int>((200 * stage.finished + stage.steps) /
                                             (2 * stage.steps));
}

std::string finished_line(const ProgressReport& report) {
  return fmt::format("{} of {} ({}%), {} of {} ({}%)",
                     report.done.size() + report.skipped.size(),
                     plural(report.steps, "skill", "skills"), report.percent,
                     format_number(report.total_hours - report.remaining_hours),
                     hours_text(report.total_hours), report.percent_hours);
}

std::string recent_line(const ProgressReport::Recent& recent) {
  return fmt::format("{}, {}", plural(recent.done.size(), "skill", "skills"),
                     hours_text(recent.hours));
}

// "2027-06-30 at 10 hours a week, 3 weeks ahead of the plan from 2026-12-07 (2027-07-21)".
std::string finish_line(const ProgressReport& report) {
  std::string line = fmt::format("{} at {} hours a week", format_date(*report.finish),
                                 format_number(report.hours_per_week));
  if (!report.weeks_ahead) return line;
  const long weeks = *report.weeks_ahead;
  const std::string against = fmt::format("the plan from {}, which ends {}",
                                          format_date(*report.start),
                                          format_date(*report.planned_finish));
  if (weeks == 0) return line + ", on schedule with " + against;
  return fmt::format("{}, {} {} {}", line, plural(static_cast<std::size_t>(weeks < 0 ? -weeks : weeks), "week", "weeks"),
                     weeks > 0 ? "ahead of" : "behind", against);
}

void add_field(std::string& out, std::size_t width, std::string_view label,
               std::string_view value) {
  out += fmt::format("{:<13} {}\n", label, wrap_text(value, width, 14, 14));
}

void write_ids(detail::JsonWriter& json, const SkillGraph& graph, std::string_view name,
               const std::vector<SkillIndex>& skills) {
  json.key(name);
  json.begin_array();
  for (const SkillIndex s : skills) json.value(graph.skill(s).id);
  json.end_array();
}

void write_recent(detail::JsonWriter& json, const SkillGraph& graph,
                  const ProgressReport::Recent& recent) {
  json.key(fmt::format("last_{}_days", recent.days));
  json.begin_object();
  write_ids(json, graph, "done", recent.done);
  json.member("hours", recent.hours);
  json.end_object();
}

void write_report_stages(detail::JsonWriter& json, const ProgressReport& report) {
  json.key("stages");
  json.begin_array();
  for (const ProgressReport::Stage& stage : report.stages) {
    json.begin_object();
    json.member("stage", stage.stage);
    json.member("steps", static_cast<std::int64_t>(stage.steps));
    json.member("finished", static_cast<std::int64_t>(stage.finished));
    json.member("hours", stage.hours);
    json.member("finished_hours", stage.finished_hours);
    json.end_object();
  }
  json.end_array();
}

void write_schedule(detail::JsonWriter& json, const ProgressReport& report) {
  if (!report.finish) return;
  json.member("hours_per_week", report.hours_per_week);
  json.member("finish", format_date(*report.finish));
  if (!report.weeks_ahead) return;
  json.member("start", format_date(*report.start));
  json.member("planned_finish", format_date(*report.planned_finish));
  json.member("weeks_ahead", static_cast<std::int64_t>(*report.weeks_ahead));
}

}  // namespace

std::string render_progress_text(const SkillGraph& graph, const Plan& plan,
                                 const ProgressReport& report, const TextStyle& style) {
  const Painter paint(style.color);
  const auto safe = [](std::string_view s) { return terminal_safe(s); };
  std::string out;
  if (!style.quiet) {
    out += paint.heading(fmt::format("Progress towards {}", terminal_safe(goal_list(graph, plan))));
    out += "\n\n";
  }
  add_field(out, style.width, "Finished:", finished_line(report));
  add_field(out, style.width, "Left:", hours_text(report.remaining_hours));
  if (!report.learning.empty()) {
    add_field(out, style.width, "Learning:", names(graph, report.learning, safe));
  }
  if (!report.skipped.empty()) {
    add_field(out, style.width, "Skipped:", names(graph, report.skipped, safe));
  }
  for (const ProgressReport::Recent& recent : report.recent) {
    add_field(out, style.width, fmt::format("Last {} days:", recent.days), recent_line(recent));
  }
  if (report.finish) add_field(out, style.width, "Finish:", finish_line(report));
  if (!report.unknown.empty()) {
    std::string ids;
    for (const std::string& id : report.unknown) ids += (ids.empty() ? "" : ", ") + safe(id);
    add_field(out, style.width, "Unknown:", ids + " (not in this graph)");
  }
  if (!report.stages.empty()) out += "\n";
  for (const ProgressReport::Stage& stage : report.stages) {
    out += fmt::format("Stage {:<3} [{}] {:>3}%  {} of {}\n", stage.stage,
                       bar(stage.finished, stage.steps), stage_percent(stage), stage.finished,
                       plural(stage.steps, "skill", "skills"));
  }
  return out;
}

std::string render_progress_json(const SkillGraph& graph, const Plan& plan,
                                 const ProgressReport& report, const Sources& sources) {
  std::string out;
  {
    detail::JsonWriter json(out, 2);
    json.begin_object();
    json.member("schema_version", std::int64_t{1});
    json.member("graph", graph.title());
    if (!graph.version().empty()) json.member("graph_version", graph.version());
    detail::write_sources(json, sources);
    json.member("today", format_date(report.today));
    json.key("goals");
    json.begin_array();
    for (const Goal& goal : plan.goals) json.value(goal_id(graph, goal));
    json.end_array();
    json.member("steps", static_cast<std::int64_t>(report.steps));
    json.member("hours", report.total_hours);
    json.member("percent", static_cast<std::int64_t>(report.percent));
    json.member("percent_hours", static_cast<std::int64_t>(report.percent_hours));
    json.member("remaining_hours", report.remaining_hours);
    write_ids(json, graph, "done", report.done);
    write_ids(json, graph, "learning", report.learning);
    write_ids(json, graph, "skipped", report.skipped);
    json.key("unknown");
    json.begin_array();
    for (const std::string& id : report.unknown) json.value(id);
    json.end_array();
    write_report_stages(json, report);
    for (const ProgressReport::Recent& recent : report.recent) write_recent(json, graph, recent);
    write_schedule(json, report);
    json.end_object();
  }
  out += '\n';
  return out;
}

std::string render_progress_markdown(const SkillGraph& graph, const Plan& plan,
                                     const ProgressReport& report) {
  const auto md = [](std::string_view s) { return markdown_escape(s); };
  std::string out = fmt::format("# Progress towards {}\n\n", md(goal_list(graph, plan)));
  out += fmt::format("- **Finished:** {}\n", finished_line(report));
  out += fmt::format("- **Left:** {}\n", hours_text(report.remaining_hours));
  if (!report.done.empty()) out += fmt::format("- **Done:** {}\n", names(graph, report.done, md));
  if (!report.learning.empty()) {
    out += fmt::format("- **Learning:** {}\n", names(graph, report.learning, md));
  }
  if (!report.skipped.empty()) {
    out += fmt::format("- **Skipped:** {}\n", names(graph, report.skipped, md));
  }
  for (const ProgressReport::Recent& recent : report.recent) {
    out += fmt::format("- **Last {} days:** {}\n", recent.days, recent_line(recent));
  }
  if (report.finish) out += fmt::format("- **Finish:** {}\n", finish_line(report));
  if (!report.unknown.empty()) {
    std::string ids;
    for (const std::string& id : report.unknown) ids += (ids.empty() ? "" : ", ") + md(id);
    out += fmt::format("- **Unknown:** {} (not in this graph)\n", ids);
  }
  if (report.stages.empty()) return out;
  out += "\n| Stage | Finished | Skills | Hours |\n|---:|---:|---:|---:|\n";
  for (const ProgressReport::Stage& stage : report.stages) {
    out += fmt::format("| {} | {}% | {} of {} | {} of {} |\n", stage.stage, stage_percent(stage),
                       stage.finished, stage.steps, format_number(stage.finished_hours),
                       format_number(stage.hours));
  }
  return out;
}

}  // namespace mlroadmap
