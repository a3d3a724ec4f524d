#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/explore.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

SkillIndex skill(const SkillGraph& g, std::string_view name) {
  return resolve_skill(g, name).value();
}

// Each chain as "goal <why> next ... skill", links picked from an any_of group marked "|".
std::string chains(const SkillGraph& g, const NeedExplanation& answer) {
  std::string out;
  for (const auto& chain : answer.chains) {
    if (!out.empty()) out += "; ";
    for (std::size_t i = 0; i < chain.size(); ++i) {
      out += std::string(g.skill(chain[i].skill).id);
      if (i + 1 == chain.size()) break;
      out += chain[i].any_of ? " |" : " ";
      if (!chain[i].why.empty()) out += "<" + std::string(chain[i].why) + "> ";
    }
  }
  return out;
}

std::string ids(const SkillGraph& g, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills)
    out += std::string(out.empty() ? "" : " ") + std::string(g.skill(s).id);
  return out;
}

// Startable steps as "id:unlocks", in the order given.
std::string startable(const SkillGraph& g, const Plan& plan) {
  std::string out;
  for (const StartableStep& s : startable_steps(plan)) {
    if (!out.empty()) out += " ";
    out += std::string(g.skill(plan.steps[s.step].skill).id) + ":" + std::to_string(s.unlocks);
  }
  return out;
}

}  // namespace

TEST_CASE("a needed skill is explained by the shortest chain from its goal") {
  const SkillGraph g = fixture();
  const PlanRequest r = request(g, {"python", "sql"});
  const Plan plan = make_plan(g, r);
  const NeedExplanation answer = explain_need(g, plan, r, skill(g, "linalg"));
  CHECK(answer.kind == NeedExplanation::Kind::needed);
  CHECK_FALSE(answer.covered_by);
  CHECK(chains(g, answer) ==
        "deep-learning |<you need a framework to train networks> pytorch numpy "
        "<arrays are vectors and matrices> linear-algebra");
}

TEST_CASE("each goal reached gives a chain, at most as many as asked") {
  const SkillGraph g = fixture();
  const PlanRequest r = request(g, {}, {"numpy", "pandas"});
  const Plan plan = make_plan(g, r);
  CHECK(chains(g, explain_need(g, plan, r, skill(g, "python"))) ==
        "numpy python; pandas numpy python");
  CHECK(chains(g, explain_need(g, plan, r, skill(g, "python"), 1)) == "numpy python");
  // A goal is its own chain of one.
  CHECK(chains(g, explain_need(g, plan, r, skill(g, "pandas"))) == "pandas");
}

TEST_CASE("a skill the learner has, one covered by it, and one not needed") {
  const SkillGraph g = fixture();
  const PlanRequest r = request(g, {"pandas", "python"});
  const Plan plan = make_plan(g, r);

  const NeedExplanation have = explain_need(g, plan, r, skill(g, "python"));
  CHECK(have.kind == NeedExplanation::Kind::have);
  CHECK(have.chains.empty());

  // numpy is under pandas, which was named first; sql too, through a requirement with a why.
  const NeedExplanation covered = explain_need(g, plan, r, skill(g, "numpy"));
  CHECK(covered.kind == NeedExplanation::Kind::covered);
  REQUIRE(covered.covered_by);
  CHECK(g.skill(*covered.covered_by).id == "pandas");
  CHECK(covered.chains.empty());
  CHECK(explain_need(g, plan, r, skill(g, "sql")).kind == NeedExplanation::Kind::covered);

  // The goal is PyTorch's branch of deep learning: TensorFlow is not needed.
  const NeedExplanation not_needed = explain_need(g, plan, r, skill(g, "tensorflow"));
  CHECK(not_needed.kind == NeedExplanation::Kind::not_needed);
  CHECK_FALSE(not_needed.covered_by);
  CHECK(not_needed.chains.empty());
}

TEST_CASE("only plain requirements cover: an any_of member does not, nor anything when exact") {
  const SkillGraph g = fixture();
  // Deep learning needs TensorFlow or PyTorch; having it covers neither.
  const PlanRequest r = request(g, {"deep-learning"}, {"pytorch"});
  const Plan plan = make_plan(g, r);
  CHECK(explain_need(g, plan, r, skill(g, "pytorch")).kind == NeedExplanation::Kind::needed);

  PlanRequest exact = request(g, {"pandas"});
  exact.exact = true;
  const Plan exact_plan = make_plan(g, exact);
  const NeedExplanation numpy = explain_need(g, exact_plan, exact, skill(g, "numpy"));
  CHECK(numpy.kind == NeedExplanation::Kind::needed);
  CHECK(chains(g, numpy) ==
        "deep-learning |<you need a framework to train networks> pytorch numpy");
}

TEST_CASE("startable steps: the first stage, those unlocking most first") {
  const SkillGraph g = fixture();
  CHECK(startable(g, make_plan(g, request(g, {"python", "sql"}))) ==
        "linear-algebra:5 calculus:3 statistics:3");
  CHECK(startable(g, make_plan(g, {})) ==
        "python:5 linear-algebra:5 sql:4 calculus:3 statistics:3");
  CHECK(startable(g, make_plan(g, request(g, {"deep-learning"}))) == "");
}

TEST_CASE("startable steps count what waits on them, not the longest chain") {
  // The planner puts a first (two steps wait behind it, one after the other); x unlocks three.
  const SkillGraph g = graph_of(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "a", "name": "A", "category": "c", "hours": 1},
    {"id": "b", "name": "B", "category": "c", "hours": 1, "prerequisites": ["a"]},
    {"id": "c", "name": "C", "category": "c", "hours": 1, "prerequisites": ["b"]},
    {"id": "x", "name": "X", "category": "c", "hours": 1},
    {"id": "y1", "name": "Y1", "category": "c", "hours": 1, "prerequisites": ["x"]},
    {"id": "y2", "name": "Y2", "category": "c", "hours": 1, "prerequisites": ["x"]},
    {"id": "y3", "name": "Y3", "category": "c", "hours": 1, "prerequisites": ["x"]}]})");
  const Plan plan = make_plan(g, {});
  REQUIRE(plan.steps.size() == 7);
  CHECK(g.skill(plan.steps[0].skill).id == "a");
  CHECK(startable(g, plan) == "x:3 a:2");
}

TEST_CASE("what a role takes from nothing") {
  const SkillGraph g = fixture();
  const RoleCost analyst = role_cost(g, *g.find_role("analyst"));
  CHECK(analyst.steps == 6);  // python, linear algebra, sql, statistics, numpy, pandas
  CHECK(analyst.hours == 60 + 45 + 25 + 35 + 12 + 20);
  const RoleCost engineer = role_cost(g, *g.find_role("ML Engineer"));
  CHECK(engineer.steps == 10);
  CHECK(engineer.hours == 387);
}

TEST_CASE("the skills that list a skill among their prerequisites, in graph order") {
  const SkillGraph g = fixture();
  CHECK(ids(g, dependents_of(g, skill(g, "numpy"))) == "pandas pytorch tensorflow");
  CHECK(ids(g, dependents_of(g, skill(g, "linear-algebra"))) == "numpy ml-basics");
  // Members of an any_of group count too.
  CHECK(ids(g, dependents_of(g, skill(g, "pytorch"))) == "deep-learning");
  CHECK(ids(g, dependents_of(g, skill(g, "deep-learning"))) == "");
}
