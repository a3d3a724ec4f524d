// mlroadmap merge: an overlay and everything it extends as one self-contained graph file.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/overlay.hpp"

namespace mlroadmap::cli {

void setup_merge(CommandFlags& command, MergeOptions& options) {
  add_graph_options(command, options.graph);
  command.group("Output options");
  command.add(options.output.path, {.names = "-o,--output",
                                    .help = "Write to FILE (replaced whole, never half-written)",
                                    .takes = Takes::file});
}

int run_merge(const MergeOptions& options) {
  LoadOptions limits;
  limits.max_file_bytes = options.graph.max_bytes;
  const std::string path = graph_path(options.graph);
  MergedGraph merged = path.empty() ? MergedGraph{std::string(builtin_graph_text()), {}}
                                    : merge_graph_file(path, limits);
  print_diagnostics(merged.diagnostics);
  if (has_errors(merged.diagnostics)) return kDataError;
  return emit(options.output, merged.text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
