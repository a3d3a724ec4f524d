#pragma once

#include <cstddef>
#include <string>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap {

/// How text meant for a terminal should look.
struct TextStyle {
  bool color = false;
  std::size_t width = 80;
};

/// The plan for a person at a terminal: goal, starting point, totals, then numbered steps by stage.
std::string render_plan_text(const SkillGraph& graph, const Plan& plan, const TextStyle& style);

/// The plan as a versioned JSON document (docs/plan-json.md).
std::string render_plan_json(const SkillGraph& graph, const Plan& plan);

/// The plan as a CommonMark document with a task list per stage.
std::string render_plan_markdown(const SkillGraph& graph, const Plan& plan);

/// The name of a goal: a role's or a skill's.
std::string_view goal_name(const SkillGraph& graph, const Goal& goal);
std::string_view goal_id(const SkillGraph& graph, const Goal& goal);

}  // namespace mlroadmap
