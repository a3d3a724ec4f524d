#include "mlroadmap/cohort.hpp"

#include <algorithm>

namespace mlroadmap {

CohortTally::CohortTally(const SkillGraph& graph)
    : graph_(&graph), learners_by_skill_(graph.skill_count(), 0) {}

void CohortTally::add_plan(const Plan& plan, CohortLearner learner) {
  for (const PlanStep& step : plan.steps) ++learners_by_skill_[step.skill];
  learner.steps = plan.steps.size();
  learner.hours = plan.total_hours;
  learners_.push_back(std::move(learner));
}

void CohortTally::join(CohortTally&& later) {
  for (std::size_t s = 0; s < learners_by_skill_.size(); ++s) {
    learners_by_skill_[s] += later.learners_by_skill_[s];
  }
  learners_.insert(learners_.end(), std::make_move_iterator(later.learners_.begin()),
                   std::make_move_iterator(later.learners_.end()));
  failed_ += later.failed_;
  later.learners_.clear();
}

CohortReport CohortTally::finish() const {
  CohortReport report;
  report.failed = failed_;
  report.profiles = failed_ + learners_.size();
  report.learners = learners_;
  for (SkillIndex s = 0; s < learners_by_skill_.size(); ++s) {
    if (learners_by_skill_[s] == 0) continue;
    // Every plan gives a skill the graph's hours, so the sum over learners is a product, the
    // same in any order of adding.
    report.skills.push_back(
        CohortSkill{s, learners_by_skill_[s], learners_by_skill_[s] * graph_->skill(s).hours});
  }
  std::sort(report.skills.begin(), report.skills.end(),
            [this](const CohortSkill& a, const CohortSkill& b) {
              if (a.learners != b.learners) return a.learners > b.learners;
              return graph_->skill(a.skill).id < graph_->skill(b.skill).id;
            });
  return report;
}

}  // namespace mlroadmap
