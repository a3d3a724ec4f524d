#pragma once
// Whole-graph structural checks used by the loader: the order of skills by their
// requirements, the cycles that forbid one, and skills no role reaches.

#include <vector>

#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// A closed path of links: path[0] requires (or recommends) path[1] ... and the last path[0].
struct DependencyCycle {
  std::vector<SkillIndex> path;  ///< closed: the first skill is repeated at the end
  /// Per link, path[i] to path[i + 1]: whether it is a recommendation rather than a requirement.
  std::vector<bool> recommended;
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
/// `all_resolved`: every reference of the graph resolved, so no walk need look for one that
/// did not.
DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit,
                                   bool all_resolved);

namespace detail {

class GraphBuilder;
class Messages;

/// Reports each dependency cycle at the first skill on it, among the references that resolved
/// (after other errors too); without any, the builder keeps the topological order, which the
/// planner works in.
void check_cycles(GraphBuilder& builder, Messages& messages);

/// Warns about each skill that no role needs: it never shows up in a role's plan, which is
/// usually a forgotten role entry.
void check_reachable(const GraphBuilder& builder, Messages& messages);

}  // namespace detail

}  // namespace mlroadmap
