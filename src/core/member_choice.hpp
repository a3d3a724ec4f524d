#pragma once
// Which member of an any_of group a plan takes, and the record of what each group chose, for
// the learner to see the alternatives. The rules, in order: a member the learner has, one
// already in the plan, one the learner prefers, the group's default, the fewest further hours.

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap::detail {

/// A group's member and the rule that picked it.
struct MemberPick {
  SkillIndex member;
  ChosenBy rule;
};

class MemberChooser {
 public:
  /// `covered` and `in_plan` are the planner's per-skill marks, read as they change: a skill is
  /// covered when covered[s] != 0 and planned when (in_plan[s] & planned) != 0.
  MemberChooser(const SkillGraph& graph, std::span<const SkillIndex> prefer,
                const std::vector<std::uint8_t>& covered, const std::vector<std::uint8_t>& in_plan,
                std::uint8_t planned);

  MemberPick choose(const Requirement& group);

 private:
  bool planned(SkillIndex s) const { return (in_plan_[s] & planned_) != 0; }
  /// The member the learner ranks first among those they prefer, if any.
  const SkillIndex* preferred(std::span<const SkillIndex> members) const;
  /// The member a group not yet met would take by the rules after the learner's skills and the
  /// plan: preferred, default, else the fewest own hours (for estimates of nested groups).
  SkillIndex likely_member(const Requirement& group) const;
  double further_hours(SkillIndex member);

  const SkillGraph& graph_;
  const std::vector<std::uint8_t>& covered_;
  const std::vector<std::uint8_t>& in_plan_;
  std::uint8_t planned_;
  std::vector<std::uint32_t> prefer_rank_;  // per skill, 0 when not preferred; empty without any
  std::vector<std::uint32_t> visit_mark_;
  std::uint32_t epoch_ = 0;
};

/// What groups chose, kept by skill while a plan is collected, then handed to the plan by step.
class ChoiceRecords {
 public:
  /// Group `members` took `pick`; a member the learner has makes no step, so no record.
  /// `skill_count` is the graph's.
  void note(const MemberPick& pick, std::span<const SkillIndex> members, std::size_t skill_count);
  /// The records as the plan's choices, by step: `step_of(skill)` is a chosen skill's step.
  template <typename StepOf>
  std::vector<StepChoice> by_step(StepOf step_of) {
    std::vector<StepChoice> out;
    out.reserve(records_.size());
    for (Record& r : records_) {
      out.push_back({step_of(r.skill), r.rule, std::move(r.alternatives)});
    }
    std::sort(out.begin(), out.end(),
              [](const StepChoice& a, const StepChoice& b) { return a.step < b.step; });
    records_.clear();
    record_of_.clear();
    return out;
  }
  bool empty() const { return records_.empty(); }

 private:
  struct Record {
    SkillIndex skill;
    ChosenBy rule;
    std::vector<SkillIndex> alternatives;
  };
  std::vector<Record> records_;
  std::vector<std::uint32_t> record_of_;  // per skill, 1 + its record's index; 0 for none
};

}  // namespace mlroadmap::detail
