#include "mlroadmap/explore.hpp"

#include <algorithm>
#include <deque>

namespace mlroadmap {

namespace {

// Which skill the learner has that covers `skill` through plain requirements (the first in
// the order they were given).
std::optional<SkillIndex> find_cover(const SkillGraph& graph, const PlanRequest& request,
                                     SkillIndex skill) {
  if (request.exact) return std::nullopt;
  for (const SkillIndex had : request.have) {
    std::vector<SkillIndex> stack{had};
    std::vector<bool> seen(graph.skill_count(), false);
    while (!stack.empty()) {
      const SkillIndex s = stack.back();
      stack.pop_back();
      for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
        const Requirement requirement = graph.requirement(s, r);
        if (requirement.any_of) continue;
        const SkillIndex next = requirement.options.front();
        if (next == skill) return had;
        if (!seen[next]) {
          seen[next] = true;
          stack.push_back(next);
        }
      }
    }
  }
  return std::nullopt;
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
  std::size_t target = plan.steps.size();
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    if (plan.steps[i].skill == skill) target = i;
  }
  if (target == plan.steps.size()) return answer;
  answer.kind = NeedExplanation::Kind::needed;

  // Breadth first from the skill up through the steps waiting on it: the first goals reached
  // end the shortest chains. parent[s] is the step one link closer to the skill.
  constexpr std::uint32_t kNone = 0xFFFF'FFFFu;
  std::vector<std::uint32_t> parent(plan.steps.size(), kNone);
  std::deque<std::uint32_t> queue{static_cast<std::uint32_t>(target)};
  parent[target] = static_cast<std::uint32_t>(target);
  std::vector<std::uint32_t> goals_reached;
  while (!queue.empty() && goals_reached.size() < max_chains) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    if (plan.steps[s].is_goal) goals_reached.push_back(s);
    for (const std::uint32_t up : plan.unlocks(s)) {
      if (parent[up] == kNone) {
        parent[up] = s;
        queue.push_back(up);
      }
    }
  }
  for (const std::uint32_t goal : goals_reached) {
    std::vector<ChainLink> chain;
    for (std::uint32_t s = goal; s != target; s = parent[s]) {
      const std::uint32_t next = parent[s];
      ChainLink link{plan.steps[s].skill, {}, false};
      for (const PlanLink& wait : plan.waits_for(s)) {
        if (wait.step != next) continue;
        const Requirement requirement = graph.requirement(plan.steps[s].skill, wait.requirement);
        link.why = requirement.why;
        link.any_of = requirement.any_of;
      }
      chain.push_back(link);
    }
    chain.push_back({skill, {}, false});
    answer.chains.push_back(std::move(chain));
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
