#include <fmt/format.h>

#include <algorithm>

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
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

void write_goals(detail::JsonWriter& json, const SkillGraph& graph, const Plan& plan) {
  json.key("goals");
  json.begin_array();
  for (const Goal& goal : plan.goals) json.value(goal_id(graph, goal));
  json.end_array();
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
  json.member("schema_version", std::int64_t{1});
  json.member("skill", graph.skill(skill).id);
  write_goals(json, graph, plan);
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

std::string render_next_text(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  std::string out;
  if (plan.steps.empty()) {
    return wrap_text(fmt::format("Nothing left to learn for {}.", goals_text(graph, plan)), width,
                     0, 0) +
           "\n";
  }
  if (!style.quiet) {
    const auto startable = static_cast<std::size_t>(std::count_if(
        plan.steps.begin(), plan.steps.end(), [](const PlanStep& s) { return s.stage == 1; }));
    out +=
        wrap_text(fmt::format("{} of the {} toward {} can start now{}:", startable,
                              plural(plan.steps.size(), "step", "steps"), goals_text(graph, plan),
                              next.size() < startable ? fmt::format("; the first {}", next.size())
                                                      : std::string()),
                  width, 0, 0) +
        "\n\n";
  }
  std::size_t name_width = 0;
  for (const StartableStep& s : next) {
    name_width = std::max(name_width,
                          display_width(terminal_safe(graph.skill(plan.steps[s.step].skill).name)));
  }
  name_width = std::min<std::size_t>(name_width, 36);
  for (std::size_t i = 0; i < next.size(); ++i) {
    const Skill& skill = graph.skill(plan.steps[next[i].step].skill);
    if (style.quiet) {
      out += fmt::format("{}\n", skill.id);
      continue;
    }
    const std::string name = terminal_safe(skill.name);
    std::string line = fmt::format("  {:>2}. {}", i + 1, paint.bold(name));
    line.append(name_width > display_width(name) ? name_width - display_width(name) : 0, ' ');
    line += paint.dim(fmt::format("  {:>5} h  unlocks {}", format_number(skill.hours),
                                  plural(next[i].unlocks, "later step", "later steps")));
    out += line + "\n";
  }
  return out;
}

std::string render_next_json(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  write_goals(json, graph, plan);
  json.member("plan_steps", static_cast<std::int64_t>(plan.steps.size()));
  json.key("next");
  json.begin_array();
  for (const StartableStep& s : next) {
    const Skill& skill = graph.skill(plan.steps[s.step].skill);
    json.begin_object();
    json.member("id", skill.id);
    json.member("name", skill.name);
    json.member("hours", skill.hours);
    json.member("unlocks", static_cast<std::int64_t>(s.unlocks));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

}  // namespace mlroadmap
