#pragma once
// Whole-graph structural checks used by the loader.

#include <vector>

#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// A closed path of requirements: path[0] requires path[1] ... and the last requires path[0].
struct DependencyCycle {
  std::vector<SkillIndex> path;  ///< closed: the first skill is repeated at the end
};

/// The order of the skills by their requirements, or the cycles that forbid one.
struct DependencyOrder {
  /// At most the limit asked for; empty for a graph without cycles.
  std::vector<DependencyCycle> cycles;
  /// Without cycles: every skill once, each after all it requires (each member of an any_of
  /// group counts as required). Empty when there are cycles.
  std::vector<SkillIndex> order;
};

/// A topological order by Kahn's algorithm; when some skills never become ready, the cycles a
/// depth-first walk (roots in file order) meets among them, at most `cycle_limit`.
DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit);

}  // namespace mlroadmap
