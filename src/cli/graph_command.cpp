#include "commands.hpp"
#include "exit_codes.hpp"
#include "learner.hpp"

namespace mlroadmap::cli {

void setup_graph(CommandFlags& command, GraphCommandOptions& options) {
  add_plan_input_options(command, options.input, false);
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
                     {OutputFormat::dot, OutputFormat::mermaid, OutputFormat::json});
}

int run_graph(const GraphCommandOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const PlanInputOptions& input = options.input;
  // The whole graph unless a plan is asked for: by flags, a progress file named, or the
  // learner's profile.
  const bool whole = input.have.empty() && input.have_files.empty() && input.goals.empty() &&
                     input.prefer.empty() && input.progress.empty() &&
                     profile_path(input.profile, input.no_profile).empty();
  std::string text;
  if (whole) {
    text = *format == OutputFormat::dot       ? render_graph_dot(*graph)
           : *format == OutputFormat::mermaid ? render_graph_mermaid(*graph)
                                              : render_graph_json(*graph);
  } else {
    const auto request = plan_request_for(*graph, input);
    if (!request) return request.error();
    const Plan plan = make_plan(*graph, *request);
    text = *format == OutputFormat::dot       ? render_plan_dot(*graph, plan)
           : *format == OutputFormat::mermaid ? render_plan_mermaid(*graph, plan)
                                              : render_plan_graph_json(*graph, plan);
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
