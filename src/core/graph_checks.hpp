#pragma once
// Whole-graph structural checks used by the loader.

#include <vector>

#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// A closed path of requirements: path[0] requires path[1] ... and the last requires path[0].
struct DependencyCycle {
  std::vector<SkillIndex> path;  ///< closed: the first skill is repeated at the end
};

/// What one depth-first walk of the requirements finds.
struct DependencyOrder {
  /// At most the limit asked for; empty for a graph without cycles.
  std::vector<DependencyCycle> cycles;
  /// Without cycles: every skill once, each after all it requires (each member of an any_of
  /// group counts as required). Meaningless when there are cycles.
  std::vector<SkillIndex> order;
};

/// Walks the graph depth first, roots in file order, and returns the skills in the order the
/// walk finishes them (a topological order) and the cycles it meets.
DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit);

}  // namespace mlroadmap
