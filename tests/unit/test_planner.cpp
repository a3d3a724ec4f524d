#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

std::string ids(const SkillGraph& g, const Plan& plan) {
  std::string out;
  for (const PlanStep& step : plan.steps) {
    if (!out.empty()) out += ' ';
    out += std::string(g.skill(step.skill).id) + "@" + std::to_string(step.stage);
  }
  return out;
}

std::string names(const SkillGraph& g, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills)
    out += std::string(out.empty() ? "" : " ") + std::string(g.skill(s).id);
  return out;
}

// Every step comes after every step it waits for, and stages follow the rule.
void check_topological(const Plan& plan) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    std::uint32_t highest = 0;
    for (const PlanLink& link : plan.waits_for(i)) {
      CHECK(link.step < i);
      highest = std::max(highest, plan.steps[link.step].stage);
    }
    CHECK(plan.steps[i].stage == highest + 1);
  }
}

// A plan's steps, stages, goals, hours and links, and what it counts as covered, as text.
std::string describe(const SkillGraph& g, const Plan& plan, bool with_links = true) {
  std::string out = ids(g, plan) + " |";
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    out += plan.steps[i].is_goal ? " goal" : " step";
    out += "/" + std::to_string(plan.steps[i].start_hour) + "-" +
           std::to_string(plan.steps[i].end_hour);
    if (!with_links) continue;
    for (const PlanLink& link : plan.waits_for(i)) {
      out += "<" + std::to_string(link.step) + "." + std::to_string(link.index);
    }
  }
  return out + " | " + std::to_string(plan.stage_count) + " stages, " +
         std::to_string(plan.total_hours) + " h | covered " + names(g, plan.covered);
}

// Asked for the steps alone, the planner makes the same steps, and no links.
void check_steps_alone(const SkillGraph& g, PlanRequest request, const Plan& with_links) {
  request.links = false;
  const Plan plan = make_plan(g, request);
  CHECK(!plan.has_links);
  CHECK(describe(g, plan, false) == describe(g, with_links, false));
  std::size_t links = 0;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    links += plan.waits_for(i).size() + plan.unlocks(i).size();
  }
  CHECK(links == 0);
}

}  // namespace

TEST_CASE("from nothing, the default role needs every prerequisite, in stages") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, {});
  CHECK(ids(g, plan) ==
        "python@1 linear-algebra@1 sql@1 calculus@1 statistics@1 numpy@2 pandas@3 ml-basics@4 "
        "pytorch@5 deep-learning@6");
  CHECK(plan.total_hours == 60 + 25 + 40 + 45 + 35 + 12 + 20 + 50 + 40 + 60);
  CHECK(plan.stage_count == 6);
  REQUIRE(plan.goals.size() == 1);
  CHECK(g.role(plan.goals[0].index).id == "ml-engineer");
  check_topological(plan);
}

TEST_CASE("inside a stage, the longest chain waiting behind a step comes first") {
  const SkillGraph g = fixture();
  // python and linear algebra each hold up six steps, sql five, calculus and statistics four;
  // equal chains follow the category order (programming before math), then the file order.
  const Plan plan = make_plan(g, {});
  CHECK(g.skill(plan.steps[0].skill).id == "python");
  CHECK(g.skill(plan.steps[1].skill).id == "linear-algebra");
  CHECK(g.skill(plan.steps[2].skill).id == "sql");
  CHECK(g.skill(plan.steps[3].skill).id == "calculus");
  CHECK(g.skill(plan.steps[4].skill).id == "statistics");
}

TEST_CASE("a skill you have covers its prerequisites") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, request(g, {"pandas"}));
  CHECK(ids(g, plan) == "calculus@1 statistics@1 ml-basics@2 pytorch@3 deep-learning@4");
  CHECK(names(g, plan.covered) == "linear-algebra numpy pandas");
  check_topological(plan);
}

TEST_CASE("an exact request: a skill you have covers only itself") {
  const SkillGraph g = fixture();
  PlanRequest r = request(g, {"pandas"});
  r.exact = true;
  const Plan plan = make_plan(g, r);
  CHECK(ids(g, plan) ==
        "python@1 calculus@1 linear-algebra@1 statistics@1 numpy@2 ml-basics@2 pytorch@3 "
        "deep-learning@4");
  check_topological(plan);
}

TEST_CASE("any_of takes the member needing the fewest further hours, ties to the first") {
  const SkillGraph g = fixture();
  // PyTorch (40 h) is cheaper than TensorFlow (45 h) although TensorFlow is listed first.
  CHECK(ids(g, make_plan(g, request(g, {"ml-basics"}))) == "pytorch@1 deep-learning@2");
  // Having one member meets the group outright.
  CHECK(ids(g, make_plan(g, request(g, {"tensorflow"}))) == "deep-learning@1");
}

TEST_CASE("a member already in the plan is preferred") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, request(g, {"ml-basics"}, {"tensorflow", "deep-learning"}));
  CHECK(ids(g, plan) == "tensorflow@1 deep-learning@2");
}

TEST_CASE("goals can be roles or skills, several at once") {
  const SkillGraph g = fixture();
  CHECK(ids(g, make_plan(g, request(g, {}, {"numpy"}))) == "python@1 linear-algebra@1 numpy@2");
  CHECK(ids(g, make_plan(g, request(g, {"python"}, {"analyst"}))) ==
        "linear-algebra@1 sql@1 statistics@1 numpy@2 pandas@3");
  CHECK(ids(g, make_plan(g, request(g, {"python"}, {"numpy", "Data Analyst"}))) ==
        "linear-algebra@1 sql@1 statistics@1 numpy@2 pandas@3");
}

TEST_CASE("a goal you already have leaves nothing to learn") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, request(g, {"deep-learning"}, {"deep-learning"}));
  CHECK(plan.steps.empty());
  CHECK(names(g, plan.covered) == "deep-learning");
}

TEST_CASE("steps know what they wait for and what they unlock") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, request(g, {}, {"pandas"}));
  REQUIRE(ids(g, plan) == "python@1 linear-algebra@1 sql@1 numpy@2 pandas@3");
  const auto numpy_waits = plan.waits_for(3);
  REQUIRE(numpy_waits.size() == 2);
  CHECK(numpy_waits[0].step == 0);
  CHECK(numpy_waits[1].step == 1);
  CHECK(g.requirement(plan.steps[3].skill, numpy_waits[1].index).why ==
        "arrays are vectors and matrices");
  REQUIRE(plan.unlocks(3).size() == 1);
  CHECK(plan.unlocks(3)[0] == 4);
  REQUIRE(plan.unlocks(0).size() == 1);
  CHECK(plan.unlocks(0)[0] == 3);
  CHECK(plan.steps[4].is_goal);
  CHECK_FALSE(plan.steps[3].is_goal);
}

TEST_CASE("hours and weeks at a pace") {
  const SkillGraph g = fixture();
  PlanRequest r = request(g, {}, {"numpy"});
  r.hours_per_week = 10;
  const Plan plan = make_plan(g, r);
  CHECK(plan.total_hours == 117);
  CHECK(weeks_for(plan.total_hours, 10) == 12);
  // python 0-60 h, linear algebra 60-105 h, numpy 105-117 h
  CHECK(week_span(plan.steps[0].start_hour, plan.steps[0].end_hour, 10).first == 1);
  CHECK(week_span(plan.steps[0].start_hour, plan.steps[0].end_hour, 10).last == 6);
  CHECK(week_span(plan.steps[1].start_hour, plan.steps[1].end_hour, 10).first == 7);
  CHECK(week_span(plan.steps[1].start_hour, plan.steps[1].end_hour, 10).last == 11);
  CHECK(week_span(plan.steps[2].start_hour, plan.steps[2].end_hour, 10).first == 11);
  CHECK(week_span(plan.steps[2].start_hour, plan.steps[2].end_hour, 10).last == 12);
}

TEST_CASE("a graph without roles plans every skill") {
  auto result = load_graph(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "b", "name": "B", "category": "c", "prerequisites": ["a"]},
    {"id": "a", "name": "A", "category": "c"}]})",
                           "g.json");
  REQUIRE(result.graph);
  const Plan plan = make_plan(*result.graph, {});
  CHECK(ids(*result.graph, plan) == "a@1 b@2");
  CHECK(plan.goals.empty());
}

TEST_CASE("the same request gives byte-identical output") {
  const SkillGraph g = fixture();
  const PlanRequest r = request(g, {"sql"}, {"ml-engineer"});
  const std::string first = render_plan_json(g, make_plan(g, r));
  for (int i = 0; i < 5; ++i) CHECK(render_plan_json(g, make_plan(g, r)) == first);
}

TEST_CASE("unknown names get suggestions") {
  const SkillGraph g = fixture();
  CHECK(resolve_skill(g, "pytroch").error() == "unknown skill 'pytroch' (did you mean 'pytorch'?)");
  CHECK(resolve_goal(g, "ml-enginer").error() ==
        "unknown role or skill 'ml-enginer' (did you mean 'ml-engineer'?)");
  CHECK(resolve_skill(g, "analyst").error() ==
        "unknown skill 'analyst'; 'analyst' is a role, which only --goal accepts");
  CHECK(resolve_skill(g, "TORCH").value() == g.find_skill_by_id("pytorch").value());
}

TEST_CASE("a chain too long for the compact sort keys is ordered the same way") {
  // Stages times chain lengths pass 2^32 here, so the planner sorts full keys instead.
  constexpr int kChain = 70'000;
  std::string json =
      R"({"schema_version": 1, "categories": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
          "skills": [)";
  for (int i = 0; i < kChain; ++i) {
    json += i == 0 ? "" : ",";
    json += R"({"id": "c)" + std::to_string(i) + R"(", "name": "C)" + std::to_string(i) +
            R"(", "category": "b", "hours": 1, "prerequisites": [)" +
            (i == 0 ? std::string() : "\"c" + std::to_string(i - 1) + "\"") + "]}";
  }
  // Two side skills in stage 1: the later category sorts first only if its chain is longer.
  json += R"(, {"id": "side-b", "name": "Side B", "category": "b", "hours": 1},
             {"id": "side-a", "name": "Side A", "category": "a", "hours": 1}]})";
  auto loaded = load_graph(json, "long-chain.json");
  REQUIRE(loaded.graph);
  const Plan plan = make_plan(*loaded.graph, {});
  REQUIRE(plan.steps.size() == kChain + 2);
  check_topological(plan);
  const auto id = [&](std::size_t i) { return loaded.graph->skill(plan.steps[i].skill).id; };
  CHECK(id(0) == "c0");      // stage 1, the longest chain behind it
  CHECK(id(1) == "side-a");  // then category order
  CHECK(id(2) == "side-b");
  CHECK(id(3) == "c1");
  CHECK(id(kChain + 1) == "c69999");
}

TEST_CASE("planning the whole graph gives the plan of every skill named as a goal") {
  // No roles: with no goal, every skill is one. The planner then knows what is needed without
  // walking the graph; the plan must be the one it makes for every skill named.
  auto result = load_graph(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "f", "name": "F", "category": "c", "hours": 1, "prerequisites": ["d"]},
    {"id": "d", "name": "D", "category": "c", "hours": 2,
     "prerequisites": ["c", {"any_of": ["b", "e"], "why": "either will do"}]},
    {"id": "c", "name": "C", "category": "c", "hours": 3,
     "prerequisites": [{"any_of": ["a", "b"]}, "g"]},
    {"id": "a", "name": "A", "category": "c", "hours": 4},
    {"id": "b", "name": "B", "category": "c", "hours": 1},
    {"id": "e", "name": "E", "category": "c", "hours": 5, "prerequisites": ["h"]},
    {"id": "g", "name": "G", "category": "c", "hours": 5},
    {"id": "h", "name": "H", "category": "c", "hours": 5}]})",
                           "g.json");
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  for (const bool exact : {false, true}) {
    for (const auto& have :
         std::vector<std::vector<std::string_view>>{{}, {"e"}, {"c"}, {"d", "b"}}) {
      INFO("exact " << exact << ", have " << have.size());
      PlanRequest whole;
      whole.exact = exact;
      for (const auto name : have) whole.have.push_back(g.find_skill(name).value());
      PlanRequest named = whole;
      for (SkillIndex s = 0; s < g.skill_count(); ++s)
        named.goals.push_back({Goal::Kind::skill, s});
      const Plan by_whole = make_plan(g, whole);
      const Plan by_name = make_plan(g, named);
      check_topological(by_whole);
      CHECK(describe(g, by_whole) == describe(g, by_name));
      check_steps_alone(g, whole, by_whole);
      check_steps_alone(g, named, by_name);
    }
  }
  // With every skill planned, a group takes its first member: c waits for a, not for b.
  const Plan plan = make_plan(g, {});
  CHECK(plan.steps.size() == g.skill_count());
  const auto step_of = [&](std::string_view id) {
    for (std::size_t i = 0; i < plan.steps.size(); ++i)
      if (g.skill(plan.steps[i].skill).id == id) return i;
    return plan.steps.size();
  };
  const auto waits = plan.waits_for(step_of("c"));
  REQUIRE(waits.size() == 2);
  CHECK(waits[0].step == step_of("a"));
}

TEST_CASE("a plan large enough for two threads is a valid, exact plan") {
  // 70,000 skills, each needing a few earlier ones, every tenth an any_of group: the plan's
  // order and steps are made in two threads.
  constexpr int kSkills = 70'000;
  std::string json = R"({"categories": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
      {"id": "c", "name": "C"}], "skills": [)";
  for (int i = 0; i < kSkills; ++i) {
    std::string needs;
    for (const int back : {1, 7, 61, 997}) {
      if (i < back) break;
      needs += (needs.empty() ? "\"k" : ", \"k") + std::to_string(i - back) + "\"";
    }
    if (i % 10 == 9) {
      needs += R"(, {"any_of": ["k)" + std::to_string(i / 2) + R"(", "k)" + std::to_string(i / 3) +
               R"("], "why": "one of two"})";
    }
    json += (i == 0 ? "\n" : ",\n") + std::string(R"({"id": "k)") + std::to_string(i) +
            R"(", "name": "K)" + std::to_string(i) + R"(", "category": ")" + "abc"[i % 3] +
            R"(", "hours": )" + std::to_string(1 + i % 13) + R"(, "prerequisites": [)" + needs +
            "]}";
  }
  json += "]}";
  auto loaded = load_graph(json, "large.json");
  REQUIRE(loaded.graph);
  const SkillGraph& g = *loaded.graph;
  PlanRequest whole;
  whole.have = {g.find_skill("k600").value(), g.find_skill("k123").value()};
  const Plan plan = make_plan(g, whole);
  REQUIRE(plan.steps.size() > 65'536);
  CHECK(!plan.covered.empty());
  check_topological(plan);
  constexpr std::size_t kNone = SIZE_MAX;
  std::vector<std::size_t> position(g.skill_count(), kNone);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) position[plan.steps[i].skill] = i;
  double hours = 0;
  std::size_t wrong_hours = 0, wrong_unlocks = 0, wrong_links = 0;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    wrong_hours += step.start_hour != hours;
    hours += g.skill(step.skill).hours;
    wrong_hours += step.end_hour != hours;
    const auto links = plan.waits_for(i);
    for (const PlanLink& link : links) {
      const auto unlocks = plan.unlocks(link.step);
      wrong_unlocks += std::find(unlocks.begin(), unlocks.end(), i) == unlocks.end();
      // A link names one of the skill's requirements, met by the step it points at.
      const auto options = g.requirement(step.skill, link.index).options;
      wrong_links +=
          link.index >= g.requirement_count(step.skill) ||
          std::find(options.begin(), options.end(), plan.steps[link.step].skill) == options.end();
    }
    // Every plain requirement still to learn has its link.
    for (std::uint32_t r = 0; r < g.requirement_count(step.skill); ++r) {
      const Requirement requirement = g.requirement(step.skill, r);
      if (requirement.any_of || position[requirement.options.front()] == kNone) continue;
      wrong_links += std::none_of(links.begin(), links.end(), [&](const PlanLink& link) {
        return link.index == r && link.step == position[requirement.options.front()];
      });
    }
  }
  CHECK(wrong_hours == 0);
  CHECK(wrong_unlocks == 0);
  CHECK(wrong_links == 0);
  CHECK(plan.total_hours == hours);
  // The same plan as the one made for every skill named as a goal.
  PlanRequest named = whole;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) named.goals.push_back({Goal::Kind::skill, s});
  CHECK(describe(g, plan) == describe(g, make_plan(g, named)));
  check_steps_alone(g, whole, plan);
}
