#include "plan_command.hpp"

#include "exit_codes.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap::cli {

void setup_plan(CLI::App& app, PlanOptions& options) {
  CLI::App* plan = app.add_subcommand(
      "plan", "Plan what to learn for a goal: every unmet prerequisite, in order, by stage");
  plan->add_option("--have", options.have,
                   "Skills you already have (ids, names or aliases; comma lists, repeatable)")
      ->type_name("SKILLS");
  plan->add_option("--goal", options.goals,
                   "Role or skill to aim for (repeatable; default: the graph's default role)")
      ->type_name("GOAL");
  plan->add_flag("--exact", options.exact,
                 "A skill you have covers only itself, not its prerequisites");
  plan->add_option("--hours-per-week", options.hours_per_week,
                   "Study pace: give every step its weeks")
      ->check(CLI::Range(0.1, 168.0))
      ->type_name("N");
  add_graph_options(*plan, options.graph);
  add_output_options(*plan, options.output);
}

int run_plan(const PlanOptions& options) {
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;

  PlanRequest request;
  request.exact = options.exact;
  request.hours_per_week = options.hours_per_week;
  bool unknown = false;
  for (const std::string& name : split_names(options.have)) {
    const auto skill = resolve_skill(*graph, name);
    if (skill) {
      request.have.push_back(*skill);
    } else {
      print_error(skill.error());
      unknown = true;
    }
  }
  for (const std::string& name : split_names(options.goals)) {
    const auto goal = resolve_goal(*graph, name);
    if (!goal) {
      print_error(goal.error());
      unknown = true;
    } else if (std::find(request.goals.begin(), request.goals.end(), *goal) ==
               request.goals.end()) {
      request.goals.push_back(*goal);
    }
  }
  if (unknown) return kUsageError;

  const Plan plan = make_plan(*graph, request);
  std::string text;
  switch (resolve_format(options.output)) {
    case OutputFormat::json: text = render_plan_json(*graph, plan); break;
    case OutputFormat::markdown: text = render_plan_markdown(*graph, plan); break;
    case OutputFormat::text: {
      const bool to_terminal = options.output.path.empty() || options.output.path == "-";
      TextStyle style;
      style.color = to_terminal && use_color(options.output.color, 1);
      style.width = to_terminal ? terminal_width() : 80;
      text = render_plan_text(*graph, plan, style);
      break;
    }
  }
  return emit(options.output, text) ? kSuccess : kDataError;
}

}  // namespace mlroadmap::cli
