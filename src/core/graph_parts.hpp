#pragma once
// The core's own access to a SkillGraph's parts: the key that opens them, and the requests for
// a skill's requirement lists ahead of their use that walks in an order of their own make.

#include "machinery.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap {

namespace detail {
struct GraphKey {};
}  // namespace detail

inline SkillGraph::Parts& parts_of(SkillGraph& graph) { return graph.parts(detail::GraphKey{}); }
inline const SkillGraph::Parts& parts_of(const SkillGraph& graph) {
  return graph.parts(detail::GraphKey{});
}

/// Asks for where a skill's requirements start: the first of two steps, a few skills apart,
/// that bring a skill's requirements in without waiting for either.
inline void prefetch_requirement_start(const SkillGraph& graph, SkillIndex skill) {
  detail::prefetch(parts_of(graph).requirement_begin.data() + skill);
}
/// Asks for a skill's requirement items, once prefetch_requirement_start has brought in where
/// they start.
inline void prefetch_requirements(const SkillGraph& graph, SkillIndex skill) {
  const SkillGraph::Parts& p = parts_of(graph);
  detail::prefetch(p.requirement_items.data() + p.requirement_begin[skill]);
}

}  // namespace mlroadmap
