// A graph's `version`: which edition of its content it is, carried into plan JSON.
#include <catch2/catch.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;
using mlroadmap::testing::graph_of;

namespace {

constexpr std::string_view kSkills =
    R"("categories": [{"id": "c", "name": "C"}],
"skills": [{"id": "a", "name": "A", "category": "c", "hours": 1}]})";

}  // namespace

TEST_CASE("version: a string naming the edition of the graph's content") {
  CHECK(graph_of(std::string(R"({"version": "2026.11", )") + std::string(kSkills)).version() ==
        "2026.11");
  CHECK(graph_of(std::string(R"({"schema_version": 1, "version": "v2+esco-1.2", )") +
                 std::string(kSkills))
            .version() == "v2+esco-1.2");
  CHECK(graph_of("{" + std::string(kSkills)).version().empty());
  CHECK(graph_of(std::string(R"({"version": null, )") + std::string(kSkills)).version().empty());
}

TEST_CASE("version: anything but a non-empty string is an error") {
  CHECK(problems(R"({"version": 2026.11, "categories": [], "skills": []})") ==
        "graph.json:1:13: error: graph: 'version' must be a string, found a number\n");
  CHECK(problems(R"({"version": "", "categories": [], "skills": []})") ==
        "graph.json:1:13: error: graph: 'version' must not be empty\n");
}

TEST_CASE("version: plan JSON carries it beside the title, only when the graph has one") {
  const SkillGraph with =
      graph_of(std::string(R"({"title": "T", "version": "2026.11", )") + std::string(kSkills));
  CHECK(render_plan_json(with, make_plan(with, PlanRequest{}), true)
            .starts_with(R"({"schema_version":2,"graph":"T","graph_version":"2026.11","goals":)"));
  const SkillGraph without = graph_of(std::string(R"({"title": "T", )") + std::string(kSkills));
  CHECK(render_plan_json(without, make_plan(without, PlanRequest{}), true)
            .starts_with(R"({"schema_version":2,"graph":"T","goals":)"));
}

TEST_CASE("version: the built-in graph names its edition") {
  const GraphLoadResult builtin = load_builtin_graph();
  REQUIRE(builtin.graph);
  CHECK_FALSE(builtin.graph->version().empty());
}
