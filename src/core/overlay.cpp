#include "mlroadmap/overlay.hpp"

#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/input.hpp"
#include "overlay_chain.hpp"

namespace mlroadmap {

MergedGraph merge_graph(std::string_view text, std::string_view file_name,
                        const LoadOptions& limits) {
  // Loading checks the merged graph, and places its messages in the files of the chain.
  GraphLoadResult loaded = load_graph(text, file_name, limits);
  MergedGraph result{{}, std::move(loaded.diagnostics)};
  if (!loaded.graph) return result;
  detail::MergedText merged = detail::merge_overlays(
      text, file_name, limits,
      detail::SourceFile{std::string(kBuiltinGraphName), builtin_graph_text()});
  result.text = std::move(merged.text);
  return result;
}

MergedGraph merge_graph_file(const std::string& path, const LoadOptions& limits) {
  const std::string name = path == "-" ? "<stdin>" : path;
  const auto text = read_input(path, limits.max_file_bytes);
  if (!text) {
    return MergedGraph{{}, {Diagnostic{Severity::error, name, 0, 0, text.error().message(), {}}}};
  }
  return merge_graph(*text, name, limits);
}

}  // namespace mlroadmap
