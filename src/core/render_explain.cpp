#include <fmt/format.h>

#include <algorithm>

#include "json_vocabulary.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "step_table.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

std::string goals_text(const SkillGraph& graph, const Plan& plan) {
  if (plan.goals.empty()) return "every skill in the graph";
  std::string out;
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    if (i > 0) out += i + 1 == plan.goals.size() ? " and " : ", ";
    out += terminal_safe(goal_name(graph, plan.goals[i]));
  }
  return out;
}

std::string_view kind_name(NeedExplanation::Kind kind) {
  switch (kind) {
    case NeedExplanation::Kind::needed: return "needed";
    case NeedExplanation::Kind::have: return "have";
    case NeedExplanation::Kind::covered: return "covered";
    case NeedExplanation::Kind::not_needed: return "not_needed";
  }
  return "not_needed";
}

// Why a step was taken among its alternatives, in words.
std::string_view rule_words(ChosenBy rule) {
  switch (rule) {
    case ChosenBy::have: return "you have it";
    case ChosenBy::plan: return "the plan needs it anyway";
    case ChosenBy::prefer: return "you prefer it";
    case ChosenBy::group_default: return "the graph names it the default";
    case ChosenBy::fewest_hours: break;
  }
  return "it needs the fewest further hours";
}

// The choice among alternatives and the order-only links, after the chains.
void add_choice_and_recommendations(std::string& out, const SkillGraph& graph,
                                    const std::string& name, const NeedExplanation& answer,
                                    std::size_t width) {
  if (answer.chosen_by) {
    std::vector<std::string> others;
    for (const SkillIndex s : answer.alternatives) {
      others.push_back(terminal_safe(graph.skill(s).name));
    }
    out += "\n" +
           wrap_text(fmt::format("{} was chosen over {} because {}.", name,
                                 fmt::join(others, ", "), rule_words(*answer.chosen_by)),
                     width, 0, 0) +
           "\n";
  }
  if (!answer.recommended_before.empty()) {
    std::vector<std::string> names;
    for (const SkillIndex s : answer.recommended_before) {
      names.push_back(terminal_safe(graph.skill(s).name));
    }
    out += "\n" +
           wrap_text(fmt::format("It is also recommended before {} (an order only: they do not "
                                 "need it).",
                                 fmt::join(names, ", ")),
                     width, 0, 0) +
           "\n";
  }
}

}  // namespace

std::string render_why_text(const SkillGraph& graph, const Plan& plan, SkillIndex skill,
                            const NeedExplanation& answer, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  const std::string name = terminal_safe(graph.skill(skill).name);
  const std::string goals = goals_text(graph, plan);
  switch (answer.kind) {
    case NeedExplanation::Kind::have:
      return wrap_text(fmt::format("You already have {}.", name), width, 0, 0) + "\n";
    case NeedExplanation::Kind::covered:
      return wrap_text(fmt::format("{} is already covered: you have {}, which builds on it.", name,
                                   terminal_safe(graph.skill(*answer.covered_by).name)),
                       width, 0, 0) +
             "\n";
    case NeedExplanation::Kind::not_needed:
      return wrap_text(fmt::format("{} is not needed for {}.", name, goals), width, 0, 0) + "\n";
    case NeedExplanation::Kind::needed: break;
  }
  std::string out;
  std::size_t index = 0;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    if (plan.steps[i].skill == skill) index = i;
  }
  const PlanStep& step = plan.steps[index];
  if (!style.quiet) {
    out += wrap_text(fmt::format("{} is step {} of {} (stage {}) toward {}.", name, index + 1,
                                 plan.steps.size(), step.stage, goals),
                     width, 0, 0) +
           "\n";
  }
  for (const auto& chain : answer.chains) {
    out += "\n";
    if (chain.size() == 1) {
      out += paint.bold(name) + " is itself a goal.\n";
      continue;
    }
    out += paint.bold(terminal_safe(graph.skill(chain.front().skill).name)) + " (a goal)\n";
    for (std::size_t k = 0; k + 1 < chain.size(); ++k) {
      std::string line =
          fmt::format("needs {}", terminal_safe(graph.skill(chain[k + 1].skill).name));
      if (chain[k].any_of) line += " (picked from its alternatives)";
      if (!chain[k].why.empty()) line += ": " + terminal_safe(chain[k].why);
      out += "  " + wrap_text(line, width, 2, 8) + "\n";
    }
  }
  add_choice_and_recommendations(out, graph, name, answer, width);
  return out;
}

std::string render_why_json(const SkillGraph& graph, const Plan& plan, SkillIndex skill,
                            const NeedExplanation& answer) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{2});
  json.member("skill", graph.skill(skill).id);
  detail::write_goals(json, graph, plan);
  json.member("status", kind_name(answer.kind));
  if (answer.covered_by) json.member("covered_by", graph.skill(*answer.covered_by).id);
  json.key("chains");
  json.begin_array();
  for (const auto& chain : answer.chains) {
    json.begin_array();
    for (const ChainLink& link : chain) {
      json.begin_object();
      json.member("id", graph.skill(link.skill).id);
      if (!link.why.empty()) json.member("why", link.why);
      if (link.any_of) json.member("any_of", true);
      json.end_object();
    }
    json.end_array();
  }
  json.end_array();
  if (answer.chosen_by) {
    json.member("chosen_by", to_string(*answer.chosen_by));
    json.key("alternatives");
    json.begin_array();
    for (const SkillIndex s : answer.alternatives) json.value(graph.skill(s).id);
    json.end_array();
  }
  if (!answer.recommended_before.empty()) {
    json.key("recommended_before");
    json.begin_array();
    for (const SkillIndex s : answer.recommended_before) json.value(graph.skill(s).id);
    json.end_array();
  }
  json.end_object();
  return out;
}

namespace {

// "17 of the 107 steps toward X can start now; the first 12:"
std::string next_heading(const SkillGraph& graph, const Plan& plan, std::size_t shown) {
  const auto startable = static_cast<std::size_t>(std::count_if(
      plan.steps.begin(), plan.steps.end(), [](const PlanStep& s) { return s.stage == 1; }));
  const std::string goals = goals_text(graph, plan);
  const std::string first = shown < startable ? fmt::format("; the first {}", shown) : "";
  if (plan.steps.size() == 1) return fmt::format("The one step toward {} can start now:", goals);
  if (startable == plan.steps.size()) {
    return fmt::format("All {} steps toward {} can start now{}:", startable, goals, first);
  }
  return fmt::format("{} of the {} steps toward {} can start now{}:", startable,
                     plan.steps.size(), goals, first);
}

detail::TableRow next_row(const SkillGraph& graph, const Plan& plan, const StartableStep& s,
                          std::size_t number) {
  const PlanStep& step = plan.steps[s.step];
  const Skill& skill = graph.skill(step.skill);
  detail::TableRow row;
  row.number = number;
  row.name = terminal_safe(skill.name);
  if (step.is_goal) row.extra = " (goal)";
  row.cells.push_back(fmt::format("{} h", format_number(skill.hours)));
  if (s.unlocks > 0) {
    row.last = "unlocks " + plural(s.unlocks, "later step", "later steps");
  }
  return row;
}

}  // namespace

std::string render_next_text(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  if (plan.steps.empty()) {
    return wrap_text(fmt::format("Nothing left to learn for {}.", goals_text(graph, plan)), width,
                     0, 0) +
           "\n";
  }
  std::string out;
  if (style.quiet) {
    for (const StartableStep& s : next) out += fmt::format("{}\n", graph.skill(plan.steps[s.step].skill).id);
    return out;
  }
  out += wrap_text(next_heading(graph, plan, next.size()), width, 0, 0) + "\n\n";
  std::vector<detail::TableRow> rows;
  for (std::size_t i = 0; i < next.size(); ++i) rows.push_back(next_row(graph, plan, next[i], i + 1));
  const detail::StepTable table(rows, {width, false});
  for (const detail::TableRow& row : rows) out += table.render(row, paint);
  return out;
}

std::string render_next_json(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{2});
  detail::write_goals(json, graph, plan);
  detail::write_totals(json, plan, schedule_plan(plan));
  json.key("next");
  json.begin_array();
  for (const StartableStep& s : next) {
    const Skill& skill = graph.skill(plan.steps[s.step].skill);
    json.begin_object();
    json.member("id", skill.id);
    json.member("name", skill.name);
    json.member("hours", skill.hours);
    json.member("goal", plan.steps[s.step].is_goal);
    json.member("unlocks", static_cast<std::int64_t>(s.unlocks));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

}  // namespace mlroadmap
