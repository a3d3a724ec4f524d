#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/names.hpp"

namespace mlroadmap::cli {

void setup_skills(CommandFlags& command, SkillsOptions& options) {
  command.add(options.category,
              {.names = "--category", .help = "Only this category (id or name)", .takes = Takes::category});
  command.add(options.categories, {.names = "--categories",
                                   .help = "List the categories instead, with how many skills "
                                           "each holds"});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_skills(const SkillsOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  if (options.categories) {
    const std::string text = *format == OutputFormat::json
                                 ? render_categories_json(*graph)
                                 : render_categories_text(*graph, text_style(options.output));
    return emit(options.output, text) ? kSuccess : kDataError;
  }
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
