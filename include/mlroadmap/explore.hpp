#pragma once
// Questions a learner asks around a plan: why is this here, what can I start, what does a
// role take, what does a skill unlock.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap {

/// One link of a chain: `skill` needs the next skill of the chain, for `why`.
struct ChainLink {
  SkillIndex skill;
  std::string_view why;  ///< the reason `skill` gives for needing the next one; may be empty
  bool any_of = false;   ///< the next one was picked from an any_of group
};

/// Why a skill is (or is not) part of a plan.
struct NeedExplanation {
  enum class Kind {
    needed,      ///< in the plan: `chains` lead from goals down to it
    have,        ///< the learner has it
    covered,     ///< covered by `covered_by`, which the learner has
    not_needed,  ///< the goals do not need it
  };
  Kind kind = Kind::not_needed;
  std::optional<SkillIndex> covered_by;
  /// Each chain runs from a goal step down to the skill (the last link is the skill itself),
  /// through requirements only.
  std::vector<std::vector<ChainLink>> chains;
  /// The plan's skills that only recommend this one first (order-only links), in plan order.
  std::vector<SkillIndex> recommended_before;
  /// For a skill taken from any_of groups: the rule that chose it, and the other members.
  std::optional<ChosenBy> chosen_by;
  std::vector<SkillIndex> alternatives;
};

/// Explains `skill` for `plan`, giving at most `max_chains` of the shortest chains.
NeedExplanation explain_need(const SkillGraph& graph, const Plan& plan, const PlanRequest& request,
                             SkillIndex skill, std::size_t max_chains = 3);

/// A step that can start now, with how much of the rest of the plan waits on it.
struct StartableStep {
  std::uint32_t step;
  std::size_t unlocks;  ///< plan steps that wait on it, directly or not
};

/// The plan's first-stage steps, those that unlock most of the rest first (ties in plan order).
std::vector<StartableStep> startable_steps(const Plan& plan);

/// What a role takes from nothing.
struct RoleCost {
  std::size_t steps = 0;
  double hours = 0;
};
RoleCost role_cost(const SkillGraph& graph, RoleIndex role);

/// A role with what it takes from nothing, as the list of roles shows it.
struct CostedRole {
  RoleIndex role;
  RoleCost cost;
};
/// Every role of the graph in graph order, each with what it takes from nothing.
std::vector<CostedRole> role_costs(const SkillGraph& graph);

/// The skills that list `skill` among their prerequisites, in graph order.
std::vector<SkillIndex> dependents_of(const SkillGraph& graph, SkillIndex skill);

}  // namespace mlroadmap
