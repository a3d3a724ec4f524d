#include "commands.hpp"
#include "document_origin.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap::cli {

void setup_plan(CommandFlags& command, PlanOptions& options) {
  add_plan_input_options(command, options.input, true);
  add_graph_options(command, options.graph);
  add_output_options(
      command, options.output,
      {OutputFormat::text, OutputFormat::json, OutputFormat::markdown, OutputFormat::dot,
       OutputFormat::mermaid, OutputFormat::ids, OutputFormat::csv});
}

int run_plan(const PlanOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  auto request = plan_request_for(*graph, options.input);
  if (!request) return request.error();
  request->links = *format != OutputFormat::ids;  // a list of ids shows no links

  const Plan plan = make_plan(*graph, *request);
  if (const auto problem = schedule_problem(plan)) {
    print_error(*problem);
    return kUsageError;
  }
  // JSON and ids can be very large: they stream out in pieces rather than as one string.
  if (*format == OutputFormat::json || *format == OutputFormat::ids) {
    OutputStream out(options.output.path);
    if (!out.open()) return kDataError;
    const TextSink sink = [&](std::string_view piece) { out.write(piece); };
    if (*format == OutputFormat::json)
      render_plan_json(*graph, plan, sink);
    else
      render_plan_ids(*graph, plan, sink);
    return out.commit() ? kSuccess : kDataError;
  }
  std::string text;
  switch (*format) {
    case OutputFormat::markdown:
      text = render_plan_markdown(*graph, plan, document_origin(options));
      break;
    case OutputFormat::dot: text = render_plan_dot(*graph, plan); break;
    case OutputFormat::mermaid: text = render_plan_mermaid(*graph, plan); break;
    case OutputFormat::csv: text = render_plan_csv(*graph, plan); break;
    default: text = render_plan_text(*graph, plan, text_style(options.output)); break;
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
