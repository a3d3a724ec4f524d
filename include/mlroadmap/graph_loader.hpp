#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/load_options.hpp"

namespace mlroadmap {

/// The outcome of loading a graph: the graph when there was no error, and every diagnostic
/// (errors and warnings) in file order.
struct GraphLoadResult {
  std::optional<SkillGraph> graph;
  std::vector<Diagnostic> diagnostics;
};

/// Parses and validates a graph held in `text`; `file_name` names it in diagnostics.
GraphLoadResult load_graph(std::string_view text, std::string_view file_name,
                           const LoadOptions& limits = {});

/// Reads and loads the graph file at `path` ("-" reads standard input).
GraphLoadResult load_graph_file(const std::string& path, const LoadOptions& limits = {});

/// The graph compiled into the program from data/ml-engineer.json.
GraphLoadResult load_builtin_graph();
std::string_view builtin_graph_text();
inline constexpr std::string_view kBuiltinGraphName = "<built-in graph>";

}  // namespace mlroadmap
