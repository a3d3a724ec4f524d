#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/explore.hpp"

namespace mlroadmap::cli {

void setup_roles(CommandFlags& command, RolesOptions& options) {
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_roles(const RolesOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto roles = role_costs(*graph);
  const std::string text = *format == OutputFormat::json
                               ? render_roles_json(*graph, roles)
                               : render_roles_text(*graph, roles, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
