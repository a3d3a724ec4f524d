#include <catch2/catch.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

// The id of the skill `name` resolves to, or the message saying why it does not.
std::string skill(const SkillGraph& g, std::string_view name) {
  const auto resolved = resolve_skill(g, name);
  return resolved ? std::string(g.skill(*resolved).id) : "error: " + resolved.error();
}

// "role ID" or "skill ID" for the goal `name` resolves to, or the message.
std::string goal(const SkillGraph& g, std::string_view name) {
  const auto resolved = resolve_goal(g, name);
  if (!resolved) return "error: " + resolved.error();
  if (resolved->kind == Goal::Kind::role) return "role " + std::string(g.role(resolved->index).id);
  return "skill " + std::string(g.skill(resolved->index).id);
}

std::string category(const SkillGraph& g, std::string_view name) {
  const auto resolved = resolve_category(g, name);
  return resolved ? std::string(g.categories()[*resolved].id) : "error: " + resolved.error();
}

}  // namespace

TEST_CASE("a skill is found by id, name or alias, in any ASCII case") {
  const SkillGraph g = fixture();
  CHECK(skill(g, "python") == "python");
  CHECK(skill(g, "Python") == "python");
  CHECK(skill(g, "PY") == "python");
  CHECK(skill(g, "linalg") == "linear-algebra");
  CHECK(skill(g, "Linear Algebra") == "linear-algebra");
  CHECK(skill(g, "LINEAR-ALGEBRA") == "linear-algebra");
  CHECK(skill(g, "tf") == "tensorflow");
  CHECK(skill(g, "NumPy") == "numpy");
}

TEST_CASE("an unknown skill is an error naming the closest skills") {
  const SkillGraph g = fixture();
  CHECK(skill(g, "pyton") == "error: unknown skill 'pyton' (did you mean 'python'?)");
  CHECK(skill(g, "tensorflw") == "error: unknown skill 'tensorflw' (did you mean 'tensorflow'?)");
  CHECK(skill(g, "Linear algebr") ==
        "error: unknown skill 'Linear algebr' (did you mean 'Linear algebra'?)");
  CHECK(skill(g, "quantum chemistry") == "error: unknown skill 'quantum chemistry'");
  CHECK(skill(g, "") == "error: unknown skill ''");
  // Names are not trimmed: a space is part of the name asked for.
  CHECK(skill(g, " python") == "error: unknown skill ' python' (did you mean 'python'?)");
}

TEST_CASE("a role given where a skill is expected says that only --goal takes roles") {
  const SkillGraph g = fixture();
  CHECK(skill(g, "analyst") ==
        "error: unknown skill 'analyst'; 'analyst' is a role, which only --goal accepts");
  CHECK(skill(g, "ML Engineer") ==
        "error: unknown skill 'ML Engineer'; 'ML Engineer' is a role, which only --goal accepts");
}

TEST_CASE("a name echoed in an error cannot carry terminal control characters") {
  const SkillGraph g = fixture();
  CHECK(skill(g, "py\x1b[2Jthon") == "error: unknown skill 'py [2Jthon'");
  CHECK(goal(g, "a\nb") == "error: unknown role or skill 'a b'");
  CHECK(category(g, "\x07math") == "error: unknown category ' math' (did you mean 'math'?)");
}

TEST_CASE("a goal is a role or a skill, roles first") {
  const SkillGraph g = fixture();
  CHECK(goal(g, "analyst") == "role analyst");
  CHECK(goal(g, "Data Analyst") == "role analyst");
  CHECK(goal(g, "ml-engineer") == "role ml-engineer");
  CHECK(goal(g, "numpy") == "skill numpy");
  CHECK(goal(g, "torch") == "skill pytorch");
  CHECK(goal(g, "ml-enginer") ==
        "error: unknown role or skill 'ml-enginer' (did you mean 'ml-engineer'?)");
  CHECK(goal(g, "Data Analysts") ==
        "error: unknown role or skill 'Data Analysts' (did you mean 'Data Analyst'?)");
  CHECK(goal(g, "astronaut") == "error: unknown role or skill 'astronaut'");
}

TEST_CASE("a role shadows a skill of the same name when asked as a goal") {
  auto result = load_graph(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "statistics", "name": "Statistics", "category": "c"},
    {"id": "modelling", "name": "Modelling", "category": "c"}],
  "roles": [{"id": "modeller", "name": "Modelling", "skills": ["statistics"]}]})",
                           "graph.json");
  for (const Diagnostic& d : result.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  CHECK(goal(g, "modelling") == "role modeller");
  CHECK(skill(g, "modelling") == "modelling");
}

TEST_CASE("a category is found by id or name, in any ASCII case") {
  const SkillGraph g = fixture();
  CHECK(category(g, "math") == "math");
  CHECK(category(g, "MATH & statistics") == "math");
  CHECK(category(g, "Machine Learning") == "ml");
  CHECK(category(g, "mth") == "error: unknown category 'mth' (did you mean 'math'?)");
  CHECK(category(g, "python") == "error: unknown category 'python'");
}
