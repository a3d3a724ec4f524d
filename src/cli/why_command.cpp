#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/explore.hpp"

namespace mlroadmap::cli {

void setup_why(CommandFlags& command, WhyOptions& options) {
  command.add(options.skill, {.names = "skill",
                              .help = "Skill id, name or alias",
                              .takes = Takes::skill,
                              .required = true});
  add_plan_input_options(command, options.input, false);
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_why(const WhyOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto skill = skill_named(*graph, options.skill);
  const auto request = plan_request_for(*graph, options.input);
  if (!skill) return kUsageError;
  if (!request) return request.error();
  const Plan plan = make_plan(*graph, *request);
  const NeedExplanation answer = explain_need(*graph, plan, *request, *skill);
  const std::string text =
      *format == OutputFormat::json
          ? render_why_json(*graph, plan, *skill, answer)
          : render_why_text(*graph, plan, *skill, answer, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
