#pragma once

#include <cstdint>
#include <span>

#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// Marks what the skills in `have` cover: each of them and, unless `exact`, everything they
/// require through plain requirements, transitively. Members of an any_of group stay uncovered:
/// knowing a skill does not say which member was used for it. `covered` holds one byte per
/// skill; only bytes that are 0 are written (to 1), so a caller may keep marks of its own in
/// the others, and marks left by an earlier call are not walked again.
void mark_covered(const SkillGraph& graph, std::span<const SkillIndex> have, bool exact,
                  std::span<std::uint8_t> covered);

}  // namespace mlroadmap
