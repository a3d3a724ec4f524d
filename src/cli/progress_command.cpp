// progress: how far along the plan of their profile a learner is.

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "learner.hpp"
#include "mlroadmap/request.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap::cli {

void setup_progress(CommandFlags& command, ProgressOptions& options) {
  command.group("Plan options");
  add_profile_options(command, options.profile, options.no_profile);
  add_progress_option(command, options.progress, &options.no_progress);
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
                     {OutputFormat::text, OutputFormat::json, OutputFormat::markdown});
}

int run_progress(const ProgressOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto date = today();
  if (!date) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  Sources sources{graph_source(options.graph),
                  profile_path(options.profile, options.no_profile),
                  progress_read_path(options.progress, options.no_progress)};
  Profile profile;
  if (!sources.profile.empty()) {
    auto loaded = load_profile(sources.profile);
    if (!loaded) return kDataError;
    profile = std::move(*loaded);
    if (sources.profile == "-") sources.profile = "<stdin>";
  }
  if (profile.graph_version && !graph->version().empty() &&
      *profile.graph_version != graph->version()) {
    print_note(fmt::format("the profile was written against graph {}, this graph is {}: the "
                           "plan measured against may have changed",
                           *profile.graph_version, graph->version()));
  }
  // The plan the profile describes, without the marks: only marks move the measure.
  const auto request = resolve_request(*graph, profile);
  if (!request) {
    print_diagnostics(request.error());
    return kUsageError;
  }
  const Plan plan = make_plan(*graph, *request);
  if (const auto problem = schedule_problem(plan)) {
    print_error(*problem);
    return kUsageError;
  }
  ProgressState state;
  if (!sources.progress.empty()) {
    const auto log = load_progress(sources.progress, !options.progress.empty());
    if (!log) return kDataError;
    state = replay_progress(*graph, log->events);
  }
  const ProgressReport report = make_progress_report(plan, state, *date);
  std::string text;
  switch (*format) {
    case OutputFormat::json: text = render_progress_json(*graph, plan, report, sources); break;
    case OutputFormat::markdown: text = render_progress_markdown(*graph, plan, report); break;
    default: text = render_progress_text(*graph, plan, report, text_style(options.output)); break;
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
