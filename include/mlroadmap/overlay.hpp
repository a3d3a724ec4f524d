#pragma once
// Overlays: a graph file that starts with "extends" names another graph ("builtin", or a path
// relative to itself) and changes it by id: adds, patches and removes categories, skills and
// roles. Loading such a file (load_graph_file) loads the merged graph; this makes the merged
// graph's text, one self-contained graph file without "extends", to inspect, diff or pin.

#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/load_options.hpp"

namespace mlroadmap {

/// A graph file with everything it extends merged in.
struct MergedGraph {
  std::string text;  ///< the merged graph; empty when it has errors
  /// Every problem of the merge and of the merged graph, each placed in the file that wrote it.
  std::vector<Diagnostic> diagnostics;
};

/// Merges the graph `text`, named `file_name` (bases are found relative to it), with every
/// graph it extends; a graph that extends nothing comes back as it is, once it loads.
MergedGraph merge_graph(std::string_view text, std::string_view file_name,
                        const LoadOptions& limits = {});

/// Reads the graph file at `path` ("-" reads standard input) and merges it as merge_graph does.
MergedGraph merge_graph_file(const std::string& path, const LoadOptions& limits = {});

}  // namespace mlroadmap
