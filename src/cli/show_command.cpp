#include "commands.hpp"
#include "exit_codes.hpp"

namespace mlroadmap::cli {

void setup_show(CommandFlags& command, ShowOptions& options) {
  command.add(options.skill, {.names = "skill",
                              .help = "Skill id, name or alias",
                              .takes = Takes::skill,
                              .required = true});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_show(const ShowOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto skill = skill_named(*graph, options.skill);
  if (!skill) return kUsageError;
  const std::string text = *format == OutputFormat::json
                               ? render_skill_json(*graph, *skill)
                               : render_skill_text(*graph, *skill, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
