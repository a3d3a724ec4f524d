// The planner's laws, checked on random graphs from seeded generators (the same graphs on
// every run): a plan is a valid topological order of exactly the skills needed; having more
// never adds a step; --exact never removes one; a goal's plan holds the plan of each of its
// prerequisites; recommendations change only the order; an overlay that adds nothing changes
// no plan. With any_of groups the cheapest member may change with what the learner has, so
// those laws are checked with every choice fixed by `prefer`.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/overlay.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;

namespace {

// A random graph as the generator made it, and as JSON text. Skill i may only require or
// recommend skills before it, so there is never a cycle.
struct RandomGraph {
  int size = 0;
  std::vector<std::vector<int>> requires_;     // plain prerequisites
  std::vector<std::vector<std::vector<int>>> groups;  // any_of groups
  std::vector<std::vector<int>> recommends;
  std::string text;
};

std::string id(int i) { return "s" + std::to_string(i); }

std::string quoted_ids(const std::vector<int>& skills) {
  std::string out;
  for (const int s : skills) out += (out.empty() ? "\"" : ", \"") + id(s) + "\"";
  return out;
}

std::string to_json(const RandomGraph& g, bool with_recommendations) {
  std::string json = R"({"schema_version": 2, "categories": [{"id": "c", "name": "C"}],
"skills": [)";
  for (int i = 0; i < g.size; ++i) {
    std::string needs = quoted_ids(g.requires_[i]);
    for (const auto& group : g.groups[i]) {
      needs += (needs.empty() ? "" : ", ") + std::string(R"({"any_of": [)") +
               quoted_ids(group) + "]}";
    }
    json += (i == 0 ? "\n" : ",\n") + std::string(R"({"id": ")") + id(i) + R"(", "name": "S)" +
            std::to_string(i) + R"(", "category": "c", "hours": )" +
            std::to_string(1 + (i * 7) % 40) + R"(, "prerequisites": [)" + needs + "]";
    if (with_recommendations && !g.recommends[i].empty()) {
      json += R"(, "recommended": [)" + quoted_ids(g.recommends[i]) + "]";
    }
    json += "}";
  }
  return json + "]}\n";
}

RandomGraph random_graph(std::mt19937& random, bool any_of) {
  RandomGraph g;
  g.size = std::uniform_int_distribution(2, 60)(random);
  g.requires_.resize(g.size);
  g.groups.resize(g.size);
  g.recommends.resize(g.size);
  std::uniform_int_distribution<int> percent(0, 99);
  for (int i = 1; i < g.size; ++i) {
    std::set<int> used;
    for (int j = 0; j < i; ++j) {
      const int roll = percent(random);
      if (roll < 12) {
        g.requires_[i].push_back(j);
        used.insert(j);
      } else if (roll < 17) {
        g.recommends[i].push_back(j);
        used.insert(j);
      }
    }
    if (any_of && i >= 3 && percent(random) < 30) {
      std::vector<int> group;
      for (int j = 0; j < i; ++j) {
        if (!used.contains(j) && percent(random) < 20) group.push_back(j);
      }
      if (group.size() >= 2) g.groups[i].push_back(group);
    }
  }
  g.text = to_json(g, true);
  return g;
}

// Every skill reachable from `from` through requirements (all members of any_of groups),
// `from` included.
std::set<int> closure(const RandomGraph& g, const std::vector<int>& from) {
  std::set<int> seen;
  std::vector<int> stack(from);
  while (!stack.empty()) {
    const int s = stack.back();
    stack.pop_back();
    if (!seen.insert(s).second) continue;
    for (const int p : g.requires_[s]) stack.push_back(p);
    for (const auto& group : g.groups[s]) stack.insert(stack.end(), group.begin(), group.end());
  }
  return seen;
}

// The ids of a set of skills.
std::set<std::string> ids_of(const std::set<int>& skills) {
  std::set<std::string> out;
  for (const int s : skills) out.insert(id(s));
  return out;
}

struct Request {
  std::vector<int> have;
  std::vector<int> goals;
  std::vector<int> prefer;
  bool exact = false;
};

PlanRequest to_plan_request(const SkillGraph& graph, const Request& r) {
  PlanRequest request;
  for (const int s : r.have) request.have.push_back(resolve_skill(graph, id(s)).value());
  for (const int s : r.goals) request.goals.push_back(resolve_goal(graph, id(s)).value());
  for (const int s : r.prefer) request.prefer.push_back(resolve_skill(graph, id(s)).value());
  request.exact = r.exact;
  return request;
}

// The ids of a plan's steps, in order.
std::vector<std::string> steps_of(const SkillGraph& graph, const Request& r) {
  const Plan plan = make_plan(graph, to_plan_request(graph, r));
  std::vector<std::string> out;
  for (const PlanStep& step : plan.steps) out.emplace_back(graph.skill(step.skill).id);
  return out;
}

std::set<std::string> as_set(const std::vector<std::string>& ids) {
  return {ids.begin(), ids.end()};
}

bool includes(const std::set<std::string>& big, const std::set<std::string>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

Request random_request(std::mt19937& random, const RandomGraph& g) {
  Request r;
  std::uniform_int_distribution<int> skill(0, g.size - 1);
  const int goals = std::uniform_int_distribution(1, 3)(random);
  for (int k = 0; k < goals; ++k) r.goals.push_back(skill(random));
  const int have = std::uniform_int_distribution(0, 4)(random);
  for (int k = 0; k < have; ++k) r.have.push_back(skill(random));
  return r;
}

// Every step comes after each step it requires or is recommended after, and each of its
// requirements is planned before it or covered (`covered` holds the ids that are).
void check_order(const RandomGraph& g, const std::vector<std::string>& steps,
                 const std::set<std::string>& covered) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    REQUIRE(position.emplace(steps[i], i).second);  // no skill twice
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const int s = std::stoi(steps[i].substr(1));
    for (const int p : g.requires_[s]) {
      const auto at = position.find(id(p));
      if (at == position.end()) {
        CHECK(covered.contains(id(p)));
      } else {
        CHECK(at->second < i);
      }
    }
    for (const auto& group : g.groups[s]) {
      bool met = false;
      for (const int m : group) {
        const auto at = position.find(id(m));
        met = met || covered.contains(id(m)) || (at != position.end() && at->second < i);
      }
      CHECK(met);
    }
    for (const int p : g.recommends[s]) {
      const auto at = position.find(id(p));
      if (at != position.end()) CHECK(at->second < i);
    }
  }
}

constexpr int kGraphs = 150;

}  // namespace

TEST_CASE("without any_of, a plan is a valid order of exactly the skills needed") {
  std::mt19937 random(20261201);
  for (int n = 0; n < kGraphs; ++n) {
    const RandomGraph g = random_graph(random, false);
    const SkillGraph graph = testing::graph_of(g.text);
    const Request r = random_request(random, g);
    INFO("graph " << n << ":\n" << g.text);
    const std::vector<std::string> steps = steps_of(graph, r);
    const std::set<std::string> covered = ids_of(closure(g, r.have));
    std::set<std::string> needed;
    for (const int s : closure(g, r.goals)) {
      if (!covered.contains(id(s))) needed.insert(id(s));
    }
    CHECK(as_set(steps) == needed);
    check_order(g, steps, covered);
  }
}

TEST_CASE("without any_of, having more never adds a step and --exact never removes one") {
  std::mt19937 random(7);
  for (int n = 0; n < kGraphs; ++n) {
    const RandomGraph g = random_graph(random, false);
    const SkillGraph graph = testing::graph_of(g.text);
    Request r = random_request(random, g);
    INFO("graph " << n << ":\n" << g.text);
    const std::set<std::string> before = as_set(steps_of(graph, r));
    Request more = r;
    more.have.push_back(std::uniform_int_distribution(0, g.size - 1)(random));
    CHECK(includes(before, as_set(steps_of(graph, more))));
    Request exact = r;
    exact.exact = true;
    const std::vector<std::string> exact_steps = steps_of(graph, exact);
    CHECK(includes(as_set(exact_steps), before));
    std::set<std::string> had;
    for (const int s : r.have) had.insert(id(s));
    check_order(g, exact_steps, had);
  }
}

TEST_CASE("without any_of, a goal's plan holds the plan of each of its prerequisites") {
  std::mt19937 random(99);
  for (int n = 0; n < kGraphs; ++n) {
    const RandomGraph g = random_graph(random, false);
    const SkillGraph graph = testing::graph_of(g.text);
    Request r = random_request(random, g);
    r.goals.resize(1);
    INFO("graph " << n << ":\n" << g.text);
    const std::set<std::string> whole = as_set(steps_of(graph, r));
    for (const int p : g.requires_[r.goals[0]]) {
      Request part = r;
      part.goals = {p};
      CHECK(includes(whole, as_set(steps_of(graph, part))));
    }
  }
}

TEST_CASE("with any_of groups and every choice fixed by prefer, the laws hold too") {
  std::mt19937 random(4242);
  for (int n = 0; n < kGraphs; ++n) {
    const RandomGraph g = random_graph(random, true);
    const SkillGraph graph = testing::graph_of(g.text);
    Request r = random_request(random, g);
    // The first member of every group is preferred; the plan then takes it wherever the
    // learner has no member of that group, whatever the hours.
    for (const auto& groups : g.groups) {
      for (const auto& group : groups) r.prefer.push_back(group.front());
    }
    INFO("graph " << n << ":\n" << g.text);
    const std::vector<std::string> steps = steps_of(graph, r);
    const std::set<std::string> covered = ids_of(closure(g, r.have));
    check_order(g, steps, covered);
    Request exact = r;
    exact.exact = true;
    CHECK(includes(as_set(steps_of(graph, exact)), as_set(steps)));
  }
}

TEST_CASE("recommendations change the order of a plan, never what it holds") {
  std::mt19937 random(31337);
  for (int n = 0; n < kGraphs; ++n) {
    RandomGraph g = random_graph(random, n % 2 == 1);
    const SkillGraph with = testing::graph_of(g.text);
    const SkillGraph without = testing::graph_of(to_json(g, false));
    const Request r = random_request(random, g);
    INFO("graph " << n << ":\n" << g.text);
    const std::vector<std::string> ordered = steps_of(with, r);
    CHECK(as_set(ordered) == as_set(steps_of(without, r)));
    const std::set<std::string> covered = ids_of(closure(g, r.have));
    check_order(g, ordered, covered);
  }
}

TEST_CASE("the same request gives the same bytes on every run") {
  std::mt19937 random(5);
  for (int n = 0; n < 40; ++n) {
    const RandomGraph g = random_graph(random, true);
    const Request r = random_request(random, g);
    const SkillGraph first = testing::graph_of(g.text);
    const SkillGraph second = testing::graph_of(g.text);
    CHECK(render_plan_json(first, make_plan(first, to_plan_request(first, r))) ==
          render_plan_json(second, make_plan(second, to_plan_request(second, r))));
  }
}

TEST_CASE("an overlay that adds nothing leaves every plan unchanged") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("mlroadmap-properties-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::mt19937 random(11);
  for (int n = 0; n < 30; ++n) {
    const RandomGraph g = random_graph(random, true);
    std::ofstream(dir / "base.json") << g.text;
    std::ofstream(dir / "overlay.json") << R"({"extends": "base.json", "schema_version": 2})";
    const SkillGraph base = testing::graph_of(g.text, "base.json");
    auto loaded = load_graph_file((dir / "overlay.json").string());
    REQUIRE(loaded.graph);
    for (int k = 0; k < 5; ++k) {
      const Request r = random_request(random, g);
      CHECK(render_plan_json(base, make_plan(base, to_plan_request(base, r))) ==
            render_plan_json(*loaded.graph,
                             make_plan(*loaded.graph, to_plan_request(*loaded.graph, r))));
    }
  }
  std::filesystem::remove_all(dir);
}
