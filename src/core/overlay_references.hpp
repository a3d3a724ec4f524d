#pragma once
// After an overlay removed items: every reference to them dropped from the merged text, each
// drop (when linting, as validate does) a warning placed at the reference and naming the
// removal; an any_of group left empty, or a skill left in a removed category, is an error.

#include <string_view>
#include <vector>

#include "overlay_apply.hpp"

namespace mlroadmap::detail {

/// `text` (which `map` maps) without the references to `removals`; with `lint`, each drop is
/// a warning.
Splice drop_references(std::string_view text, const SourceMap& map,
                       const std::vector<Removal>& removals, JsonLimits limits, bool lint,
                       std::vector<Diagnostic>& diagnostics);

}  // namespace mlroadmap::detail
