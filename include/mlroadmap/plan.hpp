#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "mlroadmap/calendar_date.hpp"
#include "mlroadmap/goal.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap {

namespace detail {
struct PlanKey;  // defined inside the core: only the planner writes a plan's links
}  // namespace detail

/// What the planner is asked: what the learner has and where they want to go.
struct PlanRequest {
  std::vector<SkillIndex> have;
  std::vector<Goal> goals;    ///< empty: the default role, or every skill when there is none
  /// Skills to take from any_of groups when the learner has no member and none is planned,
  /// first listed first: before a group's `default` and before the fewest hours.
  std::vector<SkillIndex> prefer;
  bool exact = false;         ///< true: a skill you have does not cover its prerequisites
  double hours_per_week = 0;  ///< more than 0: give each step its weeks
  std::optional<CalendarDate> start;  ///< with a pace: give each step its dates
  /// false: the steps alone, without what each waits for and unlocks. Enough for a list of
  /// ids, and a large plan is made in less time and memory.
  bool links = true;
  /// Skills the learner has started: each is marked, and placed first in its stage.
  std::vector<SkillIndex> learning;
};

/// A plan step another step waits for, and which link of the waiting skill it is.
struct PlanLink {
  std::uint32_t step;
  /// Index into the waiting skill's requirements, or into its recommendations when
  /// `recommended` (for the link's `why`).
  std::uint32_t index : 31;
  /// 1: an order-only link, a skill recommended before the waiting one; 0: a requirement.
  std::uint32_t recommended : 1 = 0;
};

/// The reason the graph gives for a link, empty when it gives none. `waiting` is the skill of
/// the step that waits.
inline std::string_view link_why(const SkillGraph& graph, SkillIndex waiting,
                                 const PlanLink& link) {
  if (link.recommended) return graph.recommended(waiting)[link.index].why;
  return graph.requirement(waiting, link.index).why;
}

/// Which rule picked a step from an any_of group: a member the learner has (`have`) or that is
/// already in the plan (`plan`), one the learner prefers (`prefer`), the group's `default`,
/// or the member needing the fewest further hours (`fewest_hours`).
enum class ChosenBy : std::uint8_t { have, plan, prefer, group_default, fewest_hours };
/// The rule's name in outputs: "have", "plan", "prefer", "default" or "fewest_hours".
std::string_view to_string(ChosenBy rule);

/// A step taken from one or more any_of groups: the rule that picked it (for the first group
/// that did) and the other members of all those groups, which the learner could take instead.
struct StepChoice {
  std::uint32_t step;
  ChosenBy chosen_by;
  std::vector<SkillIndex> alternatives;
};

/// One skill to learn, in plan order. 24 bytes: a plan of a million steps holds a million.
struct PlanStep {
  SkillIndex skill;
  std::uint32_t stage : 31;  ///< 1-based: 1 can start now; else 1 + the latest stage waited for
  bool is_goal : 1;          ///< a goal skill itself, not only a prerequisite
  double start_hour;         ///< hours of the plan before this step
  double end_hour;           ///< start_hour + the skill's hours
};
static_assert(sizeof(PlanStep) == 24);

/// A valid topological order of everything still to learn for the goals, grouped in stages.
struct Plan {
  std::vector<Goal> goals;          ///< as resolved (the default role when none was asked)
  std::vector<SkillIndex> have;     ///< as given, without repeats
  std::vector<SkillIndex> covered;  ///< skills the goals need that are already covered
  std::vector<PlanStep> steps;
  std::uint32_t stage_count = 0;
  double total_hours = 0;
  double hours_per_week = 0;
  std::optional<CalendarDate> start;
  bool exact = false;
  bool has_links = true;  ///< false when the request asked for the steps alone
  /// The steps chosen from any_of groups, by step (none when every skill is a goal).
  std::vector<StepChoice> choices;

  /// The steps the learner has started, in plan order.
  std::vector<std::uint32_t> learning_steps;

  /// How a step was chosen from any_of groups, or nullptr when it was not.
  const StepChoice* choice(std::size_t step) const;
  /// Whether the learner has started a step.
  bool learning(std::size_t step) const;

  /// The plan steps a step waits for, in the order its skill lists them (none without links).
  std::span<const PlanLink> waits_for(std::size_t step) const {
    if (!has_links) return {};
    return std::span(links_.waits.data() + links_.waits_begin[step],
                     links_.waits_begin[step + 1] - links_.waits_begin[step]);
  }
  /// The plan steps that wait for a step, in plan order (none without links).
  std::span<const std::uint32_t> unlocks(std::size_t step) const {
    if (!has_links) return {};
    return std::span(links_.unlocks.data() + links_.unlocks_begin[step],
                     links_.unlocks_begin[step + 1] - links_.unlocks_begin[step]);
  }

  /// The links between steps, laid end to end; written by the planner alone: reaching them
  /// takes a detail::PlanKey, which only the core can name.
  struct Links {
    std::vector<std::uint32_t> waits_begin{0};
    std::vector<PlanLink> waits;
    std::vector<std::uint32_t> unlocks_begin{0};
    std::vector<std::uint32_t> unlocks;
  };
  Links& links(const detail::PlanKey&) { return links_; }

 private:
  Links links_;
};

/// The covered skills the learner did not name: what their skills already imply.
std::vector<SkillIndex> implied_cover(const Plan& plan);

/// Size of one stage of a plan.
struct StageTotals {
  std::uint32_t stage;
  std::size_t first_step;  ///< index of its first step; its steps are contiguous
  std::size_t steps;
  double hours;
};
std::vector<StageTotals> stage_totals(const Plan& plan);

/// The steps that wait for `step`, each with the reason it gives (empty when none is given)
/// and whether it only recommends `step` first.
struct NeededBy {
  std::uint32_t step;
  std::string_view why;
  bool recommended = false;
};
std::vector<NeededBy> needed_by(const SkillGraph& graph, const Plan& plan, std::size_t step);

/// Plans `request` on `graph`. Needs no I/O and cannot fail: the loader has already checked
/// the graph, and the request holds valid indices.
Plan make_plan(const SkillGraph& graph, const PlanRequest& request);

}  // namespace mlroadmap
