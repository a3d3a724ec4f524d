// libFuzzer target: any bytes as a skill graph (and as a profile), and as an overlay on the
// built-in graph. Whatever loads is planned from several starting points and rendered in every
// format, so the loader, the merge, the planner and the renderers all see hostile input. An
// overlay that loads must merge into one graph file (as `mlroadmap merge` writes it) that loads
// again as the same graph and plans as the overlay does. See docs/fuzzing.md.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mlroadmap/explore.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/overlay.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/render.hpp"
#include "overlay_apply.hpp"
#include "overlay_references.hpp"

namespace {

// The input is read as a file in tests/fuzz/bases, so that `extends` may name the graphs there
// (an overlay of the built-in graph, a loop) and the fixtures beside them: chains of overlays.
#ifndef MLROADMAP_FUZZ_BASES
#error "MLROADMAP_FUZZ_BASES names tests/fuzz/bases"
#endif
const std::string kFile = std::string(MLROADMAP_FUZZ_BASES) + "/fuzz.json";

mlroadmap::LoadOptions fuzz_limits() {
  mlroadmap::LoadOptions limits;
  limits.lint = true;
  limits.max_file_bytes = std::size_t{1} << 20;  // a base may be any file, /dev/zero too
  return limits;
}

// Every step comes after each step it waits for, required or recommended, in a later stage;
// a choice names a step of the plan. A plan that breaks this is a bug: stop the run.
void check_order(const mlroadmap::Plan& plan) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    for (const mlroadmap::PlanLink& link : plan.waits_for(i)) {
      if (link.step >= i || plan.steps[link.step].stage >= plan.steps[i].stage) std::abort();
    }
  }
  for (const mlroadmap::StepChoice& choice : plan.choices) {
    if (choice.step >= plan.steps.size()) std::abort();
  }
}

// Every offset of a merged text maps to a place inside one of the texts it was made from.
void check_map(const mlroadmap::detail::Splice& merged) {
  const auto& files = merged.map().files();
  for (std::size_t i = 0; i <= merged.text().size(); i += 7) {
    const auto place = merged.map().place_of(i);
    if (place.file >= files.size() || place.offset > files[place.file].text.size()) std::abort();
  }
}

// The bytes as an overlay on the built-in graph, which is read once for every run.
void fuzz_overlay(std::string_view text) {
  using namespace mlroadmap;
  using namespace mlroadmap::detail;
  static const std::string_view base = builtin_graph_text();
  static const JsonLimits limits;
  static const GraphShape shape = scan_graph(base, limits);
  const std::vector<SourceFile> files{{"base.json", base}, {"fuzz.json", text}};
  const SourceMap base_map = SourceMap::identity(files, 0);
  const SourceMap overlay_map = SourceMap::identity(files, 1);
  try {
    std::vector<ShapeProblem> problems;
    const OverlayShape overlay = read_overlay(text, scan_graph(text, limits).top, limits, problems);
    std::vector<Diagnostic> diagnostics;
    StepResult step = apply_overlay(
        StepInput{base, base_map, shape, text, overlay_map, 1, overlay, limits}, diagnostics);
    step.merged.map().set_files(files);
    check_map(step.merged);
    Splice merged = drop_references(step.merged.text(), step.merged.map(), step.removals, limits,
                                    true, diagnostics);
    merged.map().set_files(files);
    check_map(merged);
    (void)render_diagnostics_text(diagnostics);
    const GraphLoadResult result = load_graph(merged.text(), "merged.json");
    if (!result.graph) return;
    const Plan plan = make_plan(*result.graph, PlanRequest{});
    check_order(plan);
    (void)render_plan_json(*result.graph, plan);
  } catch (const JsonSyntaxError&) {
  }
}

// The plan from a few starting points, each the same for both graphs (the same skills in the
// same order), as JSON.
std::string plan_from(const mlroadmap::SkillGraph& graph, int start) {
  using namespace mlroadmap;
  PlanRequest request;
  if (start > 0 && graph.skill_count() > 0) {
    request.have = {static_cast<SkillIndex>(graph.skill_count() / 2)};
    request.exact = start == 2;
  }
  if (start == 2 && !graph.roles().empty()) {
    request.goals = {Goal{Goal::Kind::role, static_cast<RoleIndex>(graph.roles().size() - 1)}};
  }
  return render_plan_json(graph, make_plan(graph, request), true);
}

// An overlay that loaded merges without a problem into a graph file that loads again as the
// same graph, and plans as the overlay does.
void check_merge(std::string_view text, const mlroadmap::SkillGraph& graph) {
  using namespace mlroadmap;
  if (text.find("extends") == std::string_view::npos) return;
  const MergedGraph merged = merge_graph(text, kFile, fuzz_limits());
  if (merged.text.empty() || has_errors(merged.diagnostics)) std::abort();
  const GraphLoadResult again = load_graph(merged.text, "merged.json", fuzz_limits());
  if (!again.graph) std::abort();
  if (render_graph_json(graph) != render_graph_json(*again.graph)) std::abort();
  for (int start = 0; start < 3; ++start) {
    if (plan_from(graph, start) != plan_from(*again.graph, start)) std::abort();
  }
}

// The same bytes loaded without linting, which lays an overlay over its base as the base is
// read wherever it can: the graph the merge on text gives (linting always merges on text), with
// the same plans, and never a graph where that one fails.
void check_layer(std::string_view text, const mlroadmap::GraphLoadResult& linted) {
  using namespace mlroadmap;
  if (text.find("extends") == std::string_view::npos) return;
  LoadOptions limits = fuzz_limits();
  limits.lint = false;
  const GraphLoadResult plain = load_graph(text, kFile, limits);
  if (plain.graph.has_value() != linted.graph.has_value()) std::abort();
  if (!plain.graph) return;
  if (render_graph_json(*plain.graph) != render_graph_json(*linted.graph)) std::abort();
  for (int start = 0; start < 3; ++start) {
    if (plan_from(*plain.graph, start) != plan_from(*linted.graph, start)) std::abort();
  }
}

// A paced, dated plan from nothing, rendered in every format.
mlroadmap::Plan plan_whole(const mlroadmap::SkillGraph& graph,
                           const mlroadmap::PlanRequest& request) {
  using namespace mlroadmap;
  Plan plan = make_plan(graph, request);
  check_order(plan);
  (void)render_plan_text(graph, plan, TextStyle{true, 60, false});
  (void)render_plan_json(graph, plan);
  (void)render_plan_markdown(graph, plan);
  (void)render_plan_dot(graph, plan);
  (void)render_plan_mermaid(graph, plan);
  (void)render_next_text(graph, plan, startable_steps(plan), TextStyle{});
  return plan;
}

// A skill of the input's choosing explained and shown, then plans toward the first roles from
// it, exact or not, preferring another skill of its choosing (which steers any_of groups).
void plan_from_some(const mlroadmap::SkillGraph& graph, const mlroadmap::Plan& plan,
                    mlroadmap::PlanRequest request, std::size_t size) {
  using namespace mlroadmap;
  const SkillIndex some = static_cast<SkillIndex>(size % graph.skill_count());
  (void)render_why_text(graph, plan, some, explain_need(graph, plan, request, some), TextStyle{});
  (void)render_why_json(graph, plan, some, explain_need(graph, plan, request, some));
  (void)render_skill_json(graph, some);
  (void)render_skill_text(graph, some, TextStyle{});
  request.have = {some};
  request.exact = (size & 1) != 0;
  request.prefer = {static_cast<SkillIndex>((size / 2) % graph.skill_count())};
  for (RoleIndex r = 0; r < graph.roles().size() && r < 3; ++r) {
    request.goals = {Goal{Goal::Kind::role, r}};
    const Plan toward = make_plan(graph, request);
    check_order(toward);
    (void)render_plan_json(graph, toward, true);
    (void)render_plan_text(graph, toward, TextStyle{false, 80, false});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mlroadmap;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz_overlay(text);
  (void)parse_profile(text, "fuzz.json");
  const GraphLoadResult result = load_graph(text, kFile, fuzz_limits());
  (void)render_diagnostics_text(result.diagnostics);
  check_layer(text, result);
  if (!result.graph) return 0;
  const SkillGraph& graph = *result.graph;
  if (graph.skill_count() > 2000) return 0;  // keep each run quick
  check_merge(text, graph);
  PlanRequest request;
  request.hours_per_week = 7.5;
  request.start = CalendarDate{2027, 1, 4};
  const Plan plan = plan_whole(graph, request);
  if (graph.skill_count() > 0) plan_from_some(graph, plan, request, size);
  (void)render_graph_dot(graph);
  (void)render_graph_mermaid(graph);
  (void)render_roles_json(graph, role_costs(graph));
  (void)render_skills_text(graph, std::nullopt, TextStyle{});
  return 0;
}
