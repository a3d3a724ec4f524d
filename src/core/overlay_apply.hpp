#pragma once
// One overlay laid over one graph, as edits of the graph's text: items added, patched field by
// field (RFC 7396: null deletes, objects merge, anything else replaces), their lists edited in
// place, items removed, and the default role moved. overlay_references then drops what named
// a removed item.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json_edits.hpp"
#include "mlroadmap/diagnostic.hpp"
#include "overlay_doc.hpp"

namespace mlroadmap::detail {

/// An item the overlay removed, and where it said so.
struct Removal {
  ItemKind kind;
  std::string id;
  SourcePlace place;
};

/// The texts one step reads: the graph (merged so far) and the overlay, each with its map.
struct StepInput {
  std::string_view base;
  const SourceMap& base_map;
  const GraphShape& base_shape;
  std::string_view overlay;
  const SourceMap& overlay_map;
  std::uint32_t overlay_file;
  const OverlayShape& overlay_shape;
  JsonLimits limits;
};

/// The graph with the overlay laid over it.
struct StepResult {
  Splice merged;
  std::vector<Removal> removals;
};

/// Lays the overlay over the graph; problems go to `diagnostics`.
StepResult apply_overlay(const StepInput& input, std::vector<Diagnostic>& diagnostics);

/// One item of the graph, the object at `begin` of input.base that ends before `end`, with the
/// overlay's `item` laid over it as apply_overlay lays it (an empty item only strips the
/// default, when `strip_default`): the item's text as merged. input.base_shape is not read.
Splice patch_one_item(const StepInput& input, ItemKind kind, std::size_t begin, std::size_t end,
                      const OverlayItem& item, bool strip_default,
                      std::vector<Diagnostic>& diagnostics);

}  // namespace mlroadmap::detail
