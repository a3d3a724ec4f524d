#pragma once
// A graph that extends another, which may extend another in turn: the chain of files read
// (each base named relative to the file that extends it, or the built-in graph), checked for
// loops, and merged from the first base on into one text, with the map of where each of its
// parts was written.

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/load_options.hpp"
#include "source_map.hpp"

namespace mlroadmap::detail {

/// The value of `extends` that names the graph compiled into the program.
inline constexpr std::string_view kExtendsBuiltin = "builtin";

/// A merged graph: its text (no `extends` left), the map back to the files of the chain, and
/// the merge's own messages. The text is only worth loading when they hold no error.
struct MergedText {
  std::string text;
  SourceMap map;
  std::vector<Diagnostic> diagnostics;
  std::deque<std::string> owned;  ///< the texts of the bases read, which the map points into
};

/// Merges the overlay `text`, named `file_name`, over the chain of graphs it extends;
/// `builtin` is the graph "builtin" names.
MergedText merge_overlays(std::string_view text, std::string_view file_name,
                          const LoadOptions& limits, SourceFile builtin);

/// The name of the graph that `extends` names, from the file `from` (relative to its folder
/// when `from` is a real file); `builtin` for "builtin".
std::string base_name(std::string_view from, std::string_view extends, std::string_view builtin);

/// Puts diagnostics in the order of the files (as `files` lists them), then of lines.
void sort_by_place(std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& files);

}  // namespace mlroadmap::detail
