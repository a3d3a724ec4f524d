#include <fmt/format.h>

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
  command.add(options.stage, {.names = "--stage",
                              .help = "List only stage N of the plan, after the same summary "
                                      "(text output)",
                              .takes = Takes::count,
                              .min = 1});
  command.add(options.waits, {.names = "-l,--long",
                              .help = "Under each step, list the steps it waits for (text "
                                      "output)"});
}

namespace {

// --stage and --long shape the text listing: with another format, or past the plan's last
// stage, they are a usage error.
bool listing_options_fit(const PlanOptions& options, OutputFormat format, const Plan& plan) {
  if (format != OutputFormat::text && (options.stage > 0 || options.waits)) {
    print_error(fmt::format("{} shapes the text listing; the {} output always holds the whole "
                            "plan",
                            options.stage > 0 ? "--stage" : "--long", format_name(format)));
    return false;
  }
  if (options.stage > plan.stage_count && !plan.steps.empty()) {
    print_error(fmt::format("the plan has {} stage{}; --stage {} is past the last",
                            plan.stage_count, plan.stage_count == 1 ? "" : "s", options.stage));
    return false;
  }
  return true;
}

}  // namespace

int run_plan(const PlanOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  Sources sources{graph_source(options.graph), {}, {}};
  auto request = plan_request_for(*graph, options.input, &sources);
  if (!request) return request.error();
  request->links = *format != OutputFormat::ids;  // a list of ids shows no links

  const Plan plan = make_plan(*graph, *request);
  if (const auto problem = schedule_problem(plan)) {
    print_error(*problem);
    return kUsageError;
  }
  if (!listing_options_fit(options, *format, plan)) return kUsageError;
  // JSON and ids can be very large: they stream out in pieces rather than as one string.
  if (*format == OutputFormat::json || *format == OutputFormat::ids) {
    OutputStream out(options.output.path);
    if (!out.open()) return kDataError;
    const TextSink sink = [&](std::string_view piece) { out.write(piece); };
    if (*format == OutputFormat::json)
      render_plan_json(*graph, plan, sources, sink);
    else
      render_plan_ids(*graph, plan, sink);
    return out.commit() ? kSuccess : kDataError;
  }
  std::string text;
  switch (*format) {
    case OutputFormat::markdown:
      text = render_plan_markdown(*graph, plan, document_origin(options, sources));
      break;
    case OutputFormat::dot: text = render_plan_dot(*graph, plan); break;
    case OutputFormat::mermaid: text = render_plan_mermaid(*graph, plan); break;
    case OutputFormat::csv: text = render_plan_csv(*graph, plan); break;
    default: {
      TextStyle style = text_style(options.output);
      style.stage = static_cast<std::uint32_t>(options.stage);
      style.waits = options.waits;
      text = render_plan_text(*graph, plan, style);
      break;
    }
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
