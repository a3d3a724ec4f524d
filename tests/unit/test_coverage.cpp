#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/coverage.hpp"
#include "mlroadmap/explore.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

std::vector<SkillIndex> skills(const SkillGraph& g, std::initializer_list<std::string_view> names) {
  std::vector<SkillIndex> out;
  for (const auto name : names) out.push_back(resolve_skill(g, name).value());
  return out;
}

// The ids of the skills marked with `mark`, in graph order.
std::string marked(const SkillGraph& g, const std::vector<std::uint8_t>& covered,
                   std::uint8_t mark = 1) {
  std::string out;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    if (covered[s] == mark) out += std::string(out.empty() ? "" : " ") + std::string(g.skill(s).id);
  }
  return out;
}

std::string covered_by(const SkillGraph& g, std::initializer_list<std::string_view> have,
                       bool exact = false) {
  std::vector<std::uint8_t> covered(g.skill_count(), 0);
  mark_covered(g, skills(g, have), exact, covered);
  return marked(g, covered);
}

}  // namespace

TEST_CASE("a skill you have covers what it requires, transitively") {
  const SkillGraph g = fixture();
  CHECK(covered_by(g, {}).empty());
  CHECK(covered_by(g, {"python"}) == "python");
  CHECK(covered_by(g, {"numpy"}) == "python linear-algebra numpy");
  CHECK(covered_by(g, {"pandas"}) == "python sql linear-algebra numpy pandas");
  CHECK(covered_by(g, {"sql", "numpy"}) == "python sql linear-algebra numpy");
  CHECK(covered_by(g, {"pytorch"}) ==
        "python sql calculus linear-algebra statistics numpy pandas ml-basics pytorch");
}

TEST_CASE("an exact request covers only the skills named") {
  const SkillGraph g = fixture();
  CHECK(covered_by(g, {"pandas"}, true) == "pandas");
  CHECK(covered_by(g, {"numpy", "sql"}, true) == "sql numpy");
}

TEST_CASE("members of an any_of group stay uncovered") {
  const SkillGraph g = fixture();
  CHECK(covered_by(g, {"deep-learning"}) == "deep-learning");
}

TEST_CASE("marks already made are kept and not walked again") {
  const SkillGraph g = fixture();
  std::vector<std::uint8_t> covered(g.skill_count(), 0);
  covered[skills(g, {"numpy"}).front()] = 2;
  mark_covered(g, skills(g, {"pandas"}), false, covered);
  CHECK(marked(g, covered) == "sql pandas");
  CHECK(marked(g, covered, 2) == "numpy");

  // A second call adds to the first.
  mark_covered(g, skills(g, {"calculus"}), false, covered);
  CHECK(marked(g, covered) == "sql calculus pandas");
}

TEST_CASE("the planner and the why question count the same skills as covered") {
  const SkillGraph g = fixture();
  PlanRequest request;
  request.have = skills(g, {"sql", "pandas"});
  request.goals.push_back(resolve_goal(g, "ml-basics").value());
  const Plan plan = make_plan(g, request);
  // The plan lists the covered skills the goals reach first.
  std::vector<std::string> planned_covered;
  for (const SkillIndex s : plan.covered) planned_covered.emplace_back(g.skill(s).id);
  std::sort(planned_covered.begin(), planned_covered.end());
  CHECK(planned_covered == std::vector<std::string>{"linear-algebra", "pandas"});

  // Why names the first skill given that covers a skill, for each skill pandas covers.
  for (const SkillIndex s : skills(g, {"python", "linear-algebra", "numpy"})) {
    const NeedExplanation answer = explain_need(g, plan, request, s);
    CHECK(answer.kind == NeedExplanation::Kind::covered);
    CHECK(answer.covered_by == skills(g, {"pandas"}).front());
  }
  CHECK(explain_need(g, plan, request, skills(g, {"sql"}).front()).kind ==
        NeedExplanation::Kind::have);
  CHECK(explain_need(g, plan, request, skills(g, {"calculus"}).front()).kind ==
        NeedExplanation::Kind::needed);

  request.exact = true;
  const Plan exact = make_plan(g, request);
  CHECK(implied_cover(exact).empty());
  CHECK(explain_need(g, exact, request, skills(g, {"numpy"}).front()).kind ==
        NeedExplanation::Kind::not_needed);
}
