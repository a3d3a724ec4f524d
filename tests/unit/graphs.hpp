#pragma once
// Graphs and plan requests the unit tests share. Include after catch2/catch.hpp.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "fixtures.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap::testing {

/// tests/fixtures/small.json, which must load.
inline SkillGraph fixture() {
  auto result = load_graph_file(fixture_path("small.json"));
  REQUIRE(result.graph);
  return std::move(*result.graph);
}

/// A graph written in a test, which must load; its messages are shown when it does not.
inline SkillGraph graph_of(std::string_view text, std::string_view name = "graph.json") {
  auto result = load_graph(text, name);
  for (const Diagnostic& d : result.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(result.graph);
  return std::move(*result.graph);
}

/// Every message loading `text` as graph.json gives, one formatted line each, in file order.
inline std::string problems(std::string_view text) {
  std::string out;
  for (const Diagnostic& d : load_graph(text, "graph.json").diagnostics) {
    out += format_diagnostic(d) + "\n";
  }
  return out;
}

/// A request from names, each of which must resolve.
inline PlanRequest request(const SkillGraph& g, std::initializer_list<std::string_view> have,
                           std::initializer_list<std::string_view> goals = {}) {
  PlanRequest r;
  for (const auto name : have) r.have.push_back(resolve_skill(g, name).value());
  for (const auto name : goals) r.goals.push_back(resolve_goal(g, name).value());
  return r;
}

}  // namespace mlroadmap::testing
