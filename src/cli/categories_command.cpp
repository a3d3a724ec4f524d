#include "commands.hpp"
#include "exit_codes.hpp"

namespace mlroadmap::cli {

void setup_categories(CommandFlags& command, CategoriesOptions& options) {
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_categories(const CategoriesOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const std::string text = *format == OutputFormat::json
                               ? render_categories_json(*graph)
                               : render_categories_text(*graph, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
