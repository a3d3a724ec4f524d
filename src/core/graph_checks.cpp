#include "graph_checks.hpp"

#include <cstdint>

namespace mlroadmap {

std::vector<DependencyCycle> find_dependency_cycles(const SkillGraph& graph, std::size_t limit) {
  enum : std::uint8_t { unvisited, on_path, done };
  const std::size_t n = graph.skill_count();
  std::vector<std::uint8_t> state(n, unvisited);
  std::vector<DependencyCycle> cycles;

  // An explicit stack: a deep chain of prerequisites must not overflow the call stack.
  struct Frame {
    SkillIndex skill;
    std::uint32_t requirement;
    std::uint32_t option;
  };
  std::vector<Frame> stack;
  for (SkillIndex root = 0; root < n && cycles.size() < limit; ++root) {
    if (state[root] != unvisited) continue;
    stack.push_back({root, 0, 0});
    state[root] = on_path;
    while (!stack.empty() && cycles.size() < limit) {
      Frame& top = stack.back();
      if (top.requirement == graph.requirement_count(top.skill)) {
        state[top.skill] = done;
        stack.pop_back();
        continue;
      }
      const Requirement requirement = graph.requirement(top.skill, top.requirement);
      if (top.option == requirement.options.size()) {
        ++top.requirement;
        top.option = 0;
        continue;
      }
      const SkillIndex next = requirement.options[top.option++];
      if (state[next] == unvisited) {
        state[next] = on_path;
        stack.push_back({next, 0, 0});
      } else if (state[next] == on_path) {
        DependencyCycle cycle;
        std::size_t start = stack.size();
        while (stack[start - 1].skill != next) --start;
        for (std::size_t i = start - 1; i < stack.size(); ++i) cycle.path.push_back(stack[i].skill);
        cycle.path.push_back(next);
        cycles.push_back(std::move(cycle));
      }
    }
    stack.clear();
  }
  return cycles;
}

}  // namespace mlroadmap
