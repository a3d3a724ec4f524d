// Graph model version 2: order-only recommendations, any_of defaults and the learner's
// preferences, roles that build on roles, kinds of step, and the version that gates them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/explore.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;
using mlroadmap::testing::graph_of;
using mlroadmap::testing::request;

namespace {

// A small v2 graph: statistics needs one of python, r or julia (python by default) and is
// better after calculus; regression needs statistics and linear algebra and is better after
// optimization; roles build on each other.
constexpr std::string_view kGraph = R"({"schema_version": 2,
"categories": [{"id": "p", "name": "Programming"}, {"id": "m", "name": "Math"}],
"skills": [
  {"id": "python", "name": "Python", "category": "p", "hours": 80},
  {"id": "r", "name": "R", "category": "p", "hours": 50},
  {"id": "julia", "name": "Julia", "category": "p", "hours": 60},
  {"id": "calculus", "name": "Calculus", "category": "m", "hours": 40},
  {"id": "linear-algebra", "name": "Linear algebra", "category": "m", "hours": 50},
  {"id": "optimization", "name": "Optimization", "category": "m", "hours": 25,
   "prerequisites": ["calculus"]},
  {"id": "statistics", "name": "Statistics", "category": "m", "hours": 40,
   "prerequisites": [{"any_of": ["python", "r", "julia"], "default": "python"}],
   "recommended": [{"id": "calculus", "why": "densities are integrals"}]},
  {"id": "regression", "name": "Regression", "category": "m", "hours": 15,
   "prerequisites": ["statistics", "linear-algebra"], "recommended": ["optimization"]},
  {"id": "plots", "name": "Plots", "category": "p", "hours": 10,
   "prerequisites": [{"any_of": ["r", "python"]}]},
  {"id": "capstone", "name": "Capstone", "category": "m", "hours": 60, "kind": "project",
   "prerequisites": ["regression"]}
],
"roles": [
  {"id": "analyst", "name": "Analyst", "skills": ["statistics", "plots"]},
  {"id": "engineer", "name": "Engineer", "skills": ["regression", "statistics"],
   "builds_on": ["analyst"]},
  {"id": "lead", "name": "Lead", "skills": ["capstone"], "builds_on": ["engineer", "analyst"]}
]})";

std::vector<std::string> step_ids(const SkillGraph& g, const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlanStep& step : plan.steps) ids.emplace_back(g.skill(step.skill).id);
  return ids;
}

std::size_t position_of(const SkillGraph& g, const Plan& plan, std::string_view id) {
  const auto ids = step_ids(g, plan);
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

}  // namespace

TEST_CASE("model v2: a recommendation never brings a skill into a plan") {
  const SkillGraph g = graph_of(kGraph);
  const Plan plan = make_plan(g, request(g, {}, {"regression"}));
  const auto ids = step_ids(g, plan);
  CHECK(std::find(ids.begin(), ids.end(), "calculus") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "optimization") == ids.end());
  CHECK(ids.size() == 4);  // python, linear-algebra, statistics, regression
}

TEST_CASE("model v2: a recommendation orders two planned skills and counts for the stage") {
  const SkillGraph g = graph_of(kGraph);
  const Plan plan = make_plan(g, request(g, {}, {"regression", "optimization"}));
  const std::size_t optimization = position_of(g, plan, "optimization");
  const std::size_t regression = position_of(g, plan, "regression");
  REQUIRE(regression < plan.steps.size());
  CHECK(optimization < regression);
  CHECK(plan.steps[regression].stage > plan.steps[optimization].stage);
  bool found = false;
  for (const PlanLink& link : plan.waits_for(regression)) {
    if (link.step != optimization) continue;
    found = true;
    CHECK(link.recommended == 1);
    CHECK(link_why(g, plan.steps[regression].skill, link).empty());
  }
  CHECK(found);
  const auto by = needed_by(g, plan, optimization);
  REQUIRE(by.size() == 1);
  CHECK(by[0].recommended);
}

TEST_CASE("model v2: a recommendation never covers the skill it recommends before") {
  const SkillGraph g = graph_of(kGraph);
  const Plan plan = make_plan(g, request(g, {"statistics"}, {"calculus"}));
  REQUIRE(plan.steps.size() == 1);
  CHECK(g.skill(plan.steps[0].skill).id == "calculus");
}

TEST_CASE("model v2: why follows requirements and names recommendations as such") {
  const SkillGraph g = graph_of(kGraph);
  const PlanRequest r = request(g, {}, {"statistics", "calculus"});
  const Plan plan = make_plan(g, r);
  const SkillIndex calculus = *g.find_skill("calculus");
  const NeedExplanation answer = explain_need(g, plan, r, calculus);
  REQUIRE(answer.chains.size() == 1);
  CHECK(answer.chains[0].size() == 1);  // a goal itself, not needed by statistics
  REQUIRE(answer.recommended_before.size() == 1);
  CHECK(g.skill(answer.recommended_before[0]).id == "statistics");
}

TEST_CASE("model v2: the member an any_of group takes, and the rule that took it") {
  const SkillGraph g = graph_of(kGraph);
  const auto chosen = [&](const PlanRequest& r) {
    const Plan plan = make_plan(g, r);
    REQUIRE_FALSE(plan.choices.empty());
    const StepChoice& c = plan.choices.front();
    return std::string(g.skill(plan.steps[c.step].skill).id) + " by " +
           std::string(to_string(c.chosen_by));
  };
  // The default, though R needs fewer hours.
  CHECK(chosen(request(g, {}, {"statistics"})) == "python by default");
  PlanRequest preferring = request(g, {}, {"statistics"});
  preferring.prefer = {*g.find_skill("r"), *g.find_skill("julia")};
  CHECK(chosen(preferring) == "r by prefer");
  preferring.prefer = {*g.find_skill("julia"), *g.find_skill("r")};
  CHECK(chosen(preferring) == "julia by prefer");
  // Without a default, the fewest further hours.
  CHECK(chosen(request(g, {}, {"plots"})) == "r by fewest_hours");
  // A member already planned wins over a preference.
  PlanRequest planned = request(g, {}, {"plots", "python"});
  planned.prefer = {*g.find_skill("r")};
  CHECK(chosen(planned) == "python by plan");
}

TEST_CASE("model v2: a member the learner has meets the group, with no step and no choice") {
  const SkillGraph g = graph_of(kGraph);
  PlanRequest r = request(g, {"julia"}, {"statistics"});
  r.prefer = {*g.find_skill("r")};
  const Plan plan = make_plan(g, r);
  CHECK(step_ids(g, plan) == std::vector<std::string>{"statistics"});
  CHECK(plan.choices.empty());
}

TEST_CASE("model v2: a step chosen by several groups lists the other members of all of them") {
  const SkillGraph g = graph_of(kGraph);
  const Plan plan = make_plan(g, request(g, {}, {"statistics", "plots"}));
  REQUIRE(plan.choices.size() == 1);
  const StepChoice& c = plan.choices.front();
  CHECK(g.skill(plan.steps[c.step].skill).id == "python");
  CHECK(c.chosen_by == ChosenBy::group_default);
  std::vector<std::string> others;
  for (const SkillIndex s : c.alternatives) others.emplace_back(g.skill(s).id);
  CHECK(others == std::vector<std::string>{"r", "julia"});
  CHECK(plan.choice(c.step) == &c);
  CHECK(plan.choice(c.step + 1) == nullptr);
}

TEST_CASE("model v2: a role targets its own skills and those of the roles it builds on") {
  const SkillGraph g = graph_of(kGraph);
  const Role& lead = g.role(*g.find_role("lead"));
  std::vector<std::string> targets;
  for (const SkillIndex s : lead.targets) targets.emplace_back(g.skill(s).id);
  // engineer's (analyst's, then its own), then analyst's again (already there), then its own.
  CHECK(targets == std::vector<std::string>{"statistics", "plots", "regression", "capstone"});
  CHECK(lead.skills.size() == 1);
  const Plan plan = make_plan(g, request(g, {}, {"lead"}));
  CHECK(position_of(g, plan, "plots") < plan.steps.size());
}

TEST_CASE("model v2: kinds of step") {
  const SkillGraph g = graph_of(kGraph);
  CHECK(g.skill(*g.find_skill("capstone")).kind == SkillKind::project);
  CHECK(g.skill(*g.find_skill("python")).kind == SkillKind::skill);
  CHECK(to_string(SkillKind::education) == "education");
  CHECK(skill_kind_named("career") == SkillKind::career);
  CHECK_FALSE(skill_kind_named("Career"));
}

TEST_CASE("model v2: a cycle through a recommendation marks the recommended link") {
  CHECK(problems(R"({"schema_version": 2, "categories": [{"id": "m", "name": "M"}], "skills": [
{"id": "a", "name": "A", "category": "m", "prerequisites": ["b"]},
{"id": "b", "name": "B", "category": "m", "recommended": ["a"]}]})") ==
        "graph.json:2:8: error: dependency cycle: a -> b -(recommended)-> a\n");
}

TEST_CASE("model v2: its fields need schema_version 2, declared before or after them") {
  const std::string fields = R"("categories": [{"id": "m", "name": "M"}], "skills": [
{"id": "a", "name": "A", "category": "m", "kind": "career"}])";
  CHECK(problems("{" + fields + "}") ==
        "graph.json:2:51: error: 'kind' needs \"schema_version\": 2 (this graph has "
        "schema_version 1)\n");
  CHECK(problems("{" + fields + R"(, "schema_version": 2})").empty());
  CHECK(problems(R"({"schema_version": 2, )" + fields + "}").empty());
}

TEST_CASE("model v2: a default must be a member, and a role may not build on itself") {
  CHECK(problems(R"({"schema_version": 2, "categories": [{"id": "m", "name": "M"}], "skills": [
{"id": "a", "name": "A", "category": "m"}, {"id": "b", "name": "B", "category": "m"},
{"id": "c", "name": "C", "category": "m", "prerequisites": [{"any_of": ["a"], "default": "b"}]}],
"roles": [{"id": "x", "name": "X", "skills": ["a"], "builds_on": ["x"]}]})") ==
        "graph.json:3:90: error: skill 'c': default 'b' is not a member of its any_of group (a) "
        "(did you mean 'a'?)\n"
        "graph.json:4:67: error: role 'x' builds on itself\n");
}
