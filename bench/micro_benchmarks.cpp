// Google Benchmark micro-benchmarks on the built-in graph: load, name resolution, planning and
// each renderer. Build with -DMLROADMAP_BUILD_BENCHMARKS=ON; run build/bench/micro_benchmarks.

#include <benchmark/benchmark.h>

#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

namespace {

using namespace mlroadmap;

const SkillGraph& graph() {
  static const SkillGraph g = std::move(*load_builtin_graph().graph);
  return g;
}

PlanRequest graduate() {
  PlanRequest request;
  request.have = {*graph().find_skill("python"), *graph().find_skill("sql")};
  request.hours_per_week = 10;
  return request;
}

void BM_LoadBuiltinGraph(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_builtin_graph());
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * builtin_graph_text().size()));
}
BENCHMARK(BM_LoadBuiltinGraph);

void BM_ResolveNames(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(resolve_skill(graph(), "Scikit-Learn"));
    benchmark::DoNotOptimize(resolve_skill(graph(), "torch"));
    benchmark::DoNotOptimize(resolve_goal(graph(), "nlp-engineer"));
  }
}
BENCHMARK(BM_ResolveNames);

void BM_ResolveTypo(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(resolve_skill(graph(), "pytroch"));
}
BENCHMARK(BM_ResolveTypo);

void BM_PlanFromNothing(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(make_plan(graph(), PlanRequest{}));
}
BENCHMARK(BM_PlanFromNothing);

void BM_PlanGraduate(benchmark::State& state) {
  const PlanRequest request = graduate();
  for (auto _ : state) benchmark::DoNotOptimize(make_plan(graph(), request));
}
BENCHMARK(BM_PlanGraduate);

template <typename Render>
void render_benchmark(benchmark::State& state, Render render) {
  const Plan plan = make_plan(graph(), graduate());
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = render(plan);
    bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_RenderText(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_text(graph(), p, TextStyle{}); });
}
BENCHMARK(BM_RenderText);

void BM_RenderJson(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_json(graph(), p); });
}
BENCHMARK(BM_RenderJson);

void BM_RenderJsonCompact(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_json(graph(), p, true); });
}
BENCHMARK(BM_RenderJsonCompact);

void BM_RenderMarkdown(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_markdown(graph(), p); });
}
BENCHMARK(BM_RenderMarkdown);

void BM_RenderDot(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_dot(graph(), p); });
}
BENCHMARK(BM_RenderDot);

void BM_RenderMermaid(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_mermaid(graph(), p); });
}
BENCHMARK(BM_RenderMermaid);

void BM_RenderIds(benchmark::State& state) {
  render_benchmark(state, [](const Plan& p) { return render_plan_ids(graph(), p); });
}
BENCHMARK(BM_RenderIds);

}  // namespace

BENCHMARK_MAIN();
