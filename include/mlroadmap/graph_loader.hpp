#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// How to load: bounds that keep an untrusted graph from exhausting memory or time, and
/// whether to look for what is legal but probably a mistake.
struct LoadOptions {
  std::size_t max_file_bytes = std::size_t{1} << 30;  ///< 1 GiB
  std::size_t max_depth = 64;
  std::size_t max_string_bytes = 64 * 1024;
  std::size_t max_requirements_per_skill = 1000;
  std::size_t max_errors = 100;
  /// Also warn about skills no role reaches, roles without skills, skills without hours and
  /// resources over plain http.
  bool lint = false;
  /// The text stays valid as long as the graph: strings can stay views into it, uncopied.
  bool text_outlives_graph = false;
};

/// The outcome of loading a graph: the graph when there was no error, and every diagnostic
/// (errors and warnings) in file order.
struct GraphLoadResult {
  std::optional<SkillGraph> graph;
  std::vector<Diagnostic> diagnostics;
};

/// Largest number of hours a single skill may take.
inline constexpr double kMaxSkillHours = 10000;

/// Parses and validates a graph held in `text`; `file_name` names it in diagnostics.
GraphLoadResult load_graph(std::string_view text, std::string_view file_name,
                           const LoadOptions& limits = {});

/// Reads and loads the graph file at `path` ("-" reads standard input).
GraphLoadResult load_graph_file(const std::string& path, const LoadOptions& limits = {});

/// The graph compiled into the program from data/ml-engineer.json.
GraphLoadResult load_builtin_graph();
std::string_view builtin_graph_text();
inline constexpr std::string_view kBuiltinGraphName = "<built-in graph>";

/// Whether `id` follows the id syntax: lowercase letters, digits, '-', '.', '+', starting with
/// a letter or digit, at most 64 characters.
bool is_valid_id(std::string_view id);

}  // namespace mlroadmap
