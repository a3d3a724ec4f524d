#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/explore.hpp"

namespace mlroadmap::cli {

void setup_next(CommandFlags& command, NextOptions& options) {
  command.group("Options");
  command.add(options.limit, {.names = "-n,--limit",
                              .help = "Show at most N skills (default: every one)",
                              .takes = Takes::count,
                              .min = 1});
  add_plan_input_options(command, options.input, false);
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_next(const NextOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto request = plan_request_for(*graph, options.input);
  if (!request) return request.error();
  const Plan plan = make_plan(*graph, *request);
  std::vector<StartableStep> next = startable_steps(plan);
  if (options.limit > 0 && next.size() > options.limit) next.resize(options.limit);
  const std::string text = *format == OutputFormat::json
                               ? render_next_json(*graph, plan, next)
                               : render_next_text(*graph, plan, next, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
