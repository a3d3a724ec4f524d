#pragma once
// Whole-graph structural checks used by the loader.

#include <vector>

#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// A closed path of requirements: path[0] requires path[1] ... and the last requires path[0].
struct DependencyCycle {
  std::vector<SkillIndex> path;  ///< closed: the first skill is repeated at the end
};

/// Cycles found by a depth-first walk in file order (each member of an any_of group counts as
/// an edge), at most `limit` of them. Empty for a graph without cycles.
std::vector<DependencyCycle> find_dependency_cycles(const SkillGraph& graph, std::size_t limit);

}  // namespace mlroadmap
