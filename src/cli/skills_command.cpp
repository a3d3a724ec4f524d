#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/names.hpp"

namespace mlroadmap::cli {

void setup_skills(CLI::App& command, SkillsOptions& options) {
  command.add_option("--category", options.category, "Only this category (id or name)")
      ->type_name("CATEGORY");
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_skills(const SkillsOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  std::optional<CategoryIndex> category;
  if (!options.category.empty()) {
    const auto found = resolve_category(*graph, options.category);
    if (!found) {
      print_error(found.error());
      return kUsageError;
    }
    category = *found;
  }
  const std::string text = *format == OutputFormat::json
                               ? render_skills_json(*graph, category)
                               : render_skills_text(*graph, category, text_style(options.output));
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
