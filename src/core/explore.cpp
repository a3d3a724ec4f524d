#include "mlroadmap/explore.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <span>

#include "mlroadmap/coverage.hpp"

namespace mlroadmap {

namespace {

// Which skill the learner has that covers `skill` (the first in the order they were given).
std::optional<SkillIndex> find_cover(const SkillGraph& graph, const PlanRequest& request,
                                     SkillIndex skill) {
  if (request.exact) return std::nullopt;
  // Marks left by the skills tried before stay: what they cover does not lead to `skill`.
  std::vector<std::uint8_t> covered(graph.skill_count(), 0);
  for (const SkillIndex& had : request.have) {
    mark_covered(graph, std::span(&had, 1), false, covered);
    if (covered[skill]) return had;
  }
  return std::nullopt;
}

// The plan step that learns `skill`, or nullopt when the plan does not hold it.
std::optional<std::uint32_t> step_of(const Plan& plan, SkillIndex skill) {
  std::optional<std::uint32_t> step;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    if (plan.steps[i].skill == skill) step = static_cast<std::uint32_t>(i);
  }
  return step;
}

// The goal steps nearest above a step, and how each was reached: parent[s] is the step one
// link closer to the step searched from.
struct ChainSearch {
  std::vector<std::uint32_t> parent;
  std::vector<std::uint32_t> goals_reached;
};

// Whether step `up` needs step `s` (rather than only recommending it first).
bool needs(const Plan& plan, std::uint32_t up, std::uint32_t s) {
  const auto waits = plan.waits_for(up);
  return std::any_of(waits.begin(), waits.end(),
                     [&](const PlanLink& l) { return l.step == s && !l.recommended; });
}

// Breadth first from `target` up through the steps that need it: the first goals reached end
// the shortest chains.
ChainSearch search_up(const Plan& plan, std::uint32_t target, std::size_t max_chains) {
  constexpr std::uint32_t kNone = ~std::uint32_t{0};  // not reached yet
  ChainSearch search{std::vector<std::uint32_t>(plan.steps.size(), kNone), {}};
  std::deque<std::uint32_t> queue{target};
  search.parent[target] = target;
  while (!queue.empty() && search.goals_reached.size() < max_chains) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    if (plan.steps[s].is_goal) search.goals_reached.push_back(s);
    for (const std::uint32_t up : plan.unlocks(s)) {
      if (search.parent[up] == kNone && needs(plan, up, s)) {
        search.parent[up] = s;
        queue.push_back(up);
      }
    }
  }
  return search;
}

// The chain from a goal step down to `target`, each link with the reason it gives for the next.
std::vector<ChainLink> chain_down(const SkillGraph& graph, const Plan& plan,
                                  const std::vector<std::uint32_t>& parent, std::uint32_t goal,
                                  std::uint32_t target) {
  std::vector<ChainLink> chain;
  for (std::uint32_t s = goal; s != target; s = parent[s]) {
    const std::uint32_t next = parent[s];
    ChainLink link{plan.steps[s].skill, {}, false};
    for (const PlanLink& wait : plan.waits_for(s)) {
      if (wait.step != next || wait.recommended) continue;
      const Requirement requirement = graph.requirement(plan.steps[s].skill, wait.index);
      link.why = requirement.why;
      link.any_of = requirement.any_of;
    }
    chain.push_back(link);
  }
  chain.push_back({plan.steps[target].skill, {}, false});
  return chain;
}

}  // namespace

NeedExplanation explain_need(const SkillGraph& graph, const Plan& plan, const PlanRequest& request,
                             SkillIndex skill, std::size_t max_chains) {
  NeedExplanation answer;
  if (std::find(plan.have.begin(), plan.have.end(), skill) != plan.have.end()) {
    answer.kind = NeedExplanation::Kind::have;
    return answer;
  }
  if (const auto cover = find_cover(graph, request, skill)) {
    answer.kind = NeedExplanation::Kind::covered;
    answer.covered_by = cover;
    return answer;
  }
  const auto target = step_of(plan, skill);
  if (!target) return answer;
  answer.kind = NeedExplanation::Kind::needed;
  const ChainSearch search = search_up(plan, *target, max_chains);
  for (const std::uint32_t goal : search.goals_reached) {
    answer.chains.push_back(chain_down(graph, plan, search.parent, goal, *target));
  }
  for (const std::uint32_t up : plan.unlocks(*target)) {
    if (!needs(plan, up, *target)) answer.recommended_before.push_back(plan.steps[up].skill);
  }
  if (const StepChoice* choice = plan.choice(*target)) {
    answer.chosen_by = choice->chosen_by;
    answer.alternatives = choice->alternatives;
  }
  return answer;
}

std::vector<StartableStep> startable_steps(const Plan& plan) {
  // Steps reachable upward from each first-stage step; plans are small enough per learner
  // for a walk per step, and the walk is linear in the plan's edges.
  std::vector<StartableStep> out;
  std::vector<std::uint32_t> mark(plan.steps.size(), 0);
  std::uint32_t epoch = 0;
  for (std::uint32_t i = 0; i < plan.steps.size() && plan.steps[i].stage == 1; ++i) {
    ++epoch;
    std::size_t count = 0;
    std::vector<std::uint32_t> stack{i};
    while (!stack.empty()) {
      const std::uint32_t s = stack.back();
      stack.pop_back();
      for (const std::uint32_t up : plan.unlocks(s)) {
        if (mark[up] == epoch) continue;
        mark[up] = epoch;
        ++count;
        stack.push_back(up);
      }
    }
    out.push_back({i, count});
  }
  std::stable_sort(out.begin(), out.end(), [](const StartableStep& a, const StartableStep& b) {
    return a.unlocks > b.unlocks;
  });
  return out;
}

RoleCost role_cost(const SkillGraph& graph, RoleIndex role) {
  PlanRequest request;
  request.goals.push_back({Goal::Kind::role, role});
  const Plan plan = make_plan(graph, request);
  return {plan.steps.size(), plan.total_hours};
}

std::vector<CostedRole> role_costs(const SkillGraph& graph) {
  std::vector<CostedRole> out;
  out.reserve(graph.roles().size());
  for (RoleIndex r = 0; r < graph.roles().size(); ++r) out.push_back({r, role_cost(graph, r)});
  return out;
}

std::vector<SkillIndex> dependents_of(const SkillGraph& graph, SkillIndex skill) {
  std::vector<SkillIndex> out;
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
      const auto options = graph.requirement(s, r).options;
      if (std::find(options.begin(), options.end(), skill) != options.end()) {
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

}  // namespace mlroadmap
