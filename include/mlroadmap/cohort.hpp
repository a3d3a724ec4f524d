#pragma once
// What the plans of a cohort add up to: which skills most learners still need, and how many
// hours each learner has ahead.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap {

/// One learner of a cohort: the profile's id (a string, or a JSON number's text when
/// `id_is_number`; empty when it has none), and the size of their plan.
struct CohortLearner {
  std::string id;
  bool id_is_number = false;
  std::size_t steps = 0;
  double hours = 0;
};

/// A skill some learners still need: how many plans contain it, and their hours for it.
struct CohortSkill {
  SkillIndex skill;
  std::size_t learners = 0;
  double hours = 0;
};

/// A cohort's report: how many profiles were read and how many failed, the skills by how
/// many learners need them (most first, then by id), and the learners in input order.
struct CohortReport {
  std::size_t profiles = 0;
  std::size_t failed = 0;
  std::vector<CohortSkill> skills;
  std::vector<CohortLearner> learners;

  /// The profiles that were planned: what a skill's share is a fraction of.
  std::size_t planned() const { return profiles - failed; }
};

/// Counts the plans of a cohort as they come, in any number of parts (one a worker) joined
/// in input order: the report is the same however the profiles were split.
class CohortTally {
 public:
  explicit CohortTally(const SkillGraph& graph);

  void add_plan(const Plan& plan, CohortLearner learner);
  void add_failure() { ++failed_; }
  /// Adds another part's counts; its learners come after this one's.
  void join(CohortTally&& later);
  /// The report, its skills sorted.
  CohortReport finish() const;

 private:
  const SkillGraph* graph_;
  std::vector<std::uint32_t> learners_by_skill_;
  std::vector<CohortLearner> learners_;
  std::size_t failed_ = 0;
};

}  // namespace mlroadmap
