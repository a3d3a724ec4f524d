#include "graph_checks.hpp"

#include <cstdint>

namespace mlroadmap {

DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit) {
  enum : std::uint8_t { unvisited, on_path, done };
  const std::size_t n = graph.skill_count();
  std::vector<std::uint8_t> state(n, unvisited);
  DependencyOrder result;
  result.order.reserve(n);

  // An explicit stack: a deep chain of prerequisites must not overflow the call stack.
  struct Frame {
    SkillIndex skill;
    std::uint32_t requirement;
    std::uint32_t requirement_count;
    std::uint32_t option;
  };
  std::vector<Frame> stack;
  const auto enter = [&](SkillIndex s) {
    state[s] = on_path;
    stack.push_back({s, 0, static_cast<std::uint32_t>(graph.requirement_count(s)), 0});
  };
  for (SkillIndex root = 0; root < n && result.cycles.size() < cycle_limit; ++root) {
    if (state[root] != unvisited) continue;
    enter(root);
    while (!stack.empty() && result.cycles.size() < cycle_limit) {
      Frame& top = stack.back();
      if (top.requirement == top.requirement_count) {
        state[top.skill] = done;
        result.order.push_back(top.skill);
        stack.pop_back();
        continue;
      }
      const Requirement requirement = graph.requirement(top.skill, top.requirement);
      if (requirement.options.empty()) {  // only in a graph that failed to load
        ++top.requirement;
        continue;
      }
      const SkillIndex next = requirement.options[top.option];
      if (++top.option == requirement.options.size()) {
        ++top.requirement;
        top.option = 0;
      }
      if (state[next] == unvisited) {
        enter(next);
      } else if (state[next] == on_path) {
        DependencyCycle cycle;
        std::size_t start = stack.size();
        while (stack[start - 1].skill != next) --start;
        for (std::size_t i = start - 1; i < stack.size(); ++i) cycle.path.push_back(stack[i].skill);
        cycle.path.push_back(next);
        result.cycles.push_back(std::move(cycle));
      }
    }
    stack.clear();
  }
  return result;
}

}  // namespace mlroadmap
