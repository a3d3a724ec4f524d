#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/names.hpp"

namespace mlroadmap::cli {

void setup_skills(CommandFlags& command, SkillsOptions& options) {
  command.add(options.category,
              {.names = "--category", .help = "Only this category: its id, name or a word of its name", .takes = Takes::category});
  command.add(options.categories, {.names = "--categories",
                                   .help = "List the categories instead, as the categories "
                                           "command does"});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
                     {OutputFormat::text, OutputFormat::json, OutputFormat::markdown});
}

int run_skills(const SkillsOptions& options) {
  if (options.categories) return run_categories({options.graph, options.output});
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
  std::string text;
  if (*format == OutputFormat::json) {
    text = render_skills_json(*graph, category);
  } else if (*format == OutputFormat::markdown) {
    text = render_skills_markdown(*graph, category);
  } else {
    text = render_skills_text(*graph, category, text_style(options.output));
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
