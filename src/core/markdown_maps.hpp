#pragma once
// The maps of a Markdown plan, drawn for people rather than tools: an overview of the stages,
// then a map of each stage with the earlier skills it waits for. No map holds more than
// kMaxMapNodes boxes or kMaxMapEdges arrows: a larger stage is drawn in parts.

#include <cstddef>
#include <string>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap::detail {

inline constexpr std::size_t kMaxMapNodes = 60;
/// Below Mermaid's own default limit of 500 edges, which renderers keep.
inline constexpr std::size_t kMaxMapEdges = 400;

/// A run of a stage's steps drawn as one map, [first, last), with the steps outside it that
/// they wait for (`context`, in plan order; at most what fits beside them).
struct MapPart {
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<std::uint32_t> context;
  std::size_t context_left_out = 0;  ///< steps waited for that did not fit
};

/// The stage's steps split into parts that each fit in one map.
std::vector<MapPart> split_stage(const Plan& plan, const StageTotals& stage);

/// Mermaid source of the stages in order, each box with its skills and hours; stages are
/// drawn in ranges when there are more than kMaxMapNodes of them.
std::string stage_overview_mermaid(const std::vector<StageTotals>& stages);

/// Mermaid source of one part of a stage, titled `title`.
std::string stage_part_mermaid(const SkillGraph& graph, const Plan& plan, const MapPart& part,
                               const std::string& title);

}  // namespace mlroadmap::detail
