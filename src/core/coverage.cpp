#include "mlroadmap/coverage.hpp"

#include <vector>

namespace mlroadmap {

void mark_covered(const SkillGraph& graph, std::span<const SkillIndex> have, bool exact,
                  std::span<std::uint8_t> covered) {
  std::vector<SkillIndex> stack;
  for (const SkillIndex s : have) {
    if (covered[s]) continue;
    covered[s] = 1;
    stack.push_back(s);
  }
  if (exact) return;
  while (!stack.empty()) {
    const SkillIndex s = stack.back();
    stack.pop_back();
    // Read once: the marks are bytes, which the compiler must assume may alias the graph.
    const std::size_t count = graph.requirement_count(s);
    for (std::size_t r = 0; r < count; ++r) {
      const Requirement requirement = graph.requirement(s, r);
      if (requirement.any_of) continue;
      for (const SkillIndex option : requirement.options) {
        if (!covered[option]) {
          covered[option] = 1;
          stack.push_back(option);
        }
      }
    }
  }
}

}  // namespace mlroadmap
