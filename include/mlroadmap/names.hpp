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

/// The category a person means: its id, its name, or a word of its name ("mlops" for "System
/// design & production (MLOps)"), any ASCII case. A word of several names is ambiguous: the
/// message lists them.
std::expected<CategoryIndex, std::string> resolve_category(const SkillGraph& graph,
                                                           std::string_view name);

/// Anything `show` can tell about: a skill, a role or a category.
struct Subject {
  enum class Kind { skill, role, category };
  Kind kind;
  std::size_t index;  ///< a SkillIndex, RoleIndex or CategoryIndex
};

/// What a person means by `name`: a skill first, then a role, then a category (as
/// resolve_category reads it); else a message with the closest names of all three.
std::expected<Subject, std::string> resolve_subject(const SkillGraph& graph,
                                                    std::string_view name);

}  // namespace mlroadmap
