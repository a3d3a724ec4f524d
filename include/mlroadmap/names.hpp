#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "mlroadmap/goal.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// The skill a person means by `name` (id, name or alias, any ASCII case), or a message saying
/// it is unknown, with the closest names.
std::expected<SkillIndex, std::string> resolve_skill(const SkillGraph& graph,
                                                     std::string_view name);

/// The role or skill a person means as a goal; roles are tried first.
std::expected<Goal, std::string> resolve_goal(const SkillGraph& graph, std::string_view name);

/// The category a person means (id or name, any ASCII case).
std::expected<CategoryIndex, std::string> resolve_category(const SkillGraph& graph,
                                                           std::string_view name);

}  // namespace mlroadmap
