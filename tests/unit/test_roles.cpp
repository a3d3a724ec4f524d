#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/explore.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

SkillGraph load(std::string_view text) { return testing::graph_of(text, "g.json"); }

// Two targets sharing a prerequisite, and a role that grows into the other.
const char* const kShared = R"j({"categories": [{"id": "c", "name": "C"}], "skills": [
  {"id": "a", "name": "A", "category": "c", "hours": 10},
  {"id": "b", "name": "B", "category": "c", "hours": 5, "prerequisites": ["a"]},
  {"id": "c", "name": "C", "category": "c", "hours": 2.5, "prerequisites": ["a"]}
], "roles": [
  {"id": "junior", "name": "Junior", "skills": ["a"], "grows_into": ["senior"]},
  {"id": "senior", "name": "Senior", "skills": ["b", "c"]}
]})j";

}  // namespace

TEST_CASE("role costs are every role in graph order, each planned from nothing") {
  const SkillGraph g = fixture();
  const std::vector<CostedRole> roles = role_costs(g);
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].role == 0);
  CHECK(g.role(roles[0].role).id == "ml-engineer");
  // python, linear algebra, numpy, sql, pandas, statistics, calculus, ML basics, one framework
  // (the cheaper PyTorch of the any_of group) and deep learning.
  CHECK(roles[0].cost.steps == 10);
  CHECK(roles[0].cost.hours == 387);
  CHECK(roles[1].role == 1);
  CHECK(g.role(roles[1].role).id == "analyst");
  CHECK(roles[1].cost.steps == 6);
  CHECK(roles[1].cost.hours == 197);
  for (const CostedRole& r : roles) {
    const RoleCost alone = role_cost(g, r.role);
    CHECK(alone.steps == r.cost.steps);
    CHECK(alone.hours == r.cost.hours);
  }
}

TEST_CASE("a prerequisite shared by a role's targets is counted once") {
  const SkillGraph g = load(kShared);
  const std::vector<CostedRole> roles = role_costs(g);
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].cost.steps == 1);
  CHECK(roles[0].cost.hours == 10);
  CHECK(roles[1].cost.steps == 3);
  CHECK(roles[1].cost.hours == 17.5);
}

TEST_CASE("a graph without roles has no role costs") {
  const SkillGraph g = load(R"j({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "a", "name": "A", "category": "c", "hours": 1}]})j");
  CHECK(role_costs(g).empty());
  CHECK(render_roles_text(g, role_costs(g), TextStyle{}) == "This graph has no roles.\n");
  CHECK(render_roles_text(g, role_costs(g), TextStyle{false, 80, true}).empty());
}

TEST_CASE("the roles renderers show the costs they are given") {
  const SkillGraph g = load(kShared);
  // Figures no plan of this graph gives: the renderer must take them as they are.
  const std::vector<CostedRole> given{{1, {7, 12.5}}};
  CHECK(render_roles_text(g, given, TextStyle{}) ==
        "Senior (senior)\n"
        "  Takes:     7 skills from nothing, 12.5 hours (2 target skills)\n");
  CHECK(render_roles_text(g, given, TextStyle{false, 80, true}) == "senior\n");
  const auto doc = nlohmann::json::parse(render_roles_json(g, given));
  REQUIRE(doc["roles"].size() == 1);
  CHECK(doc["roles"][0]["id"] == "senior");
  CHECK(doc["roles"][0]["from_nothing"]["steps"] == 7);
  CHECK(doc["roles"][0]["from_nothing"]["hours"] == 12.5);
}

TEST_CASE("the roles text lists each role with its cost and what it leads to") {
  const SkillGraph g = load(kShared);
  CHECK(render_roles_text(g, role_costs(g), TextStyle{}) ==
        "Junior (junior)\n"
        "  Takes:     1 skill from nothing, 10 hours (1 target skill)\n"
        "  Leads to:  Senior\n"
        "\n"
        "Senior (senior)\n"
        "  Takes:     3 skills from nothing, 17.5 hours (2 target skills)\n");
}
