#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/explore.hpp"
#include "mlroadmap/names.hpp"

namespace mlroadmap::cli {

void setup_show(CommandFlags& command, ShowOptions& options) {
  command.add(options.skill, {.names = "name",
                              .help = "A skill's id, name or alias; a role's id or name; or a "
                                      "category's (skills first when a name is both)",
                              .takes = Takes::subject,
                              .required = true});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_show(const ShowOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto subject = resolve_subject(*graph, options.skill);
  if (!subject) {
    print_error(subject.error());
    return kUsageError;
  }
  const bool json = *format == OutputFormat::json;
  const TextStyle style = text_style(options.output);
  std::string text;
  switch (subject->kind) {
    case Subject::Kind::skill:
      text = json ? render_skill_json(*graph, subject->index)
                  : render_skill_text(*graph, subject->index, style);
      break;
    case Subject::Kind::role: {
      std::vector<CostedRole> role;
      for (const CostedRole& r : role_costs(*graph)) {
        if (r.role == subject->index) role.push_back(r);
      }
      text = json ? render_roles_json(*graph, role) : render_roles_text(*graph, role, style);
      break;
    }
    case Subject::Kind::category:
      text = json ? render_skills_json(*graph, subject->index)
                  : render_skills_text(*graph, subject->index, style);
      break;
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
