// The built-in graph is content people plan months of study with: these checks keep it whole.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/plan.hpp"
#include "text.hpp"

using namespace mlroadmap;

namespace {

const SkillGraph& builtin() {
  static const SkillGraph graph = [] {
    auto result = load_builtin_graph();
    for (const auto& d : result.diagnostics) FAIL(format_diagnostic(d));
    REQUIRE(result.graph);
    return std::move(*result.graph);
  }();
  return graph;
}

std::size_t sentences(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
        (i + 1 == text.size() || text[i + 1] == ' ')) {
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("built-in graph: loads with no diagnostic at all") {
  const auto result = load_builtin_graph();
  for (const auto& d : result.diagnostics) INFO(format_diagnostic(d));
  CHECK(result.diagnostics.empty());
}

TEST_CASE("built-in graph: the categories, in display order") {
  const auto categories = builtin().categories();
  std::vector<std::string_view> ids;
  for (const Category& c : categories) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string_view>{"programming", "math", "data", "ml", "frameworks",
                                             "deep-learning", "production", "specializations",
                                             "career"});
}

TEST_CASE("built-in graph: at least 120 skills, each complete") {
  const SkillGraph& g = builtin();
  CHECK(g.skill_count() >= 120);
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    const Skill& skill = g.skill(s);
    INFO("skill " << skill.id);
    CHECK(skill.has_hours);
    CHECK(skill.hours >= 1);
    CHECK(skill.hours <= 200);
    const std::size_t n = sentences(g.summary(s));
    CHECK(n >= 1);
    CHECK(n <= 3);
    CHECK_FALSE(g.milestone(s).empty());
    const auto resources = g.resources(s);
    CHECK(
        std::any_of(resources.begin(), resources.end(), [](const Resource& r) { return r.free; }));
    std::set<std::string_view> urls;
    for (const Resource& r : resources) {
      INFO("resource " << r.url);
      CHECK(r.url.starts_with("https://"));
      CHECK_FALSE(r.title.empty());
      CHECK_FALSE(r.type.empty());
      CHECK(urls.insert(r.url).second);
    }
  }
}

TEST_CASE("built-in graph: every skill is reachable from some role") {
  const SkillGraph& g = builtin();
  std::vector<bool> reached(g.skill_count(), false);
  std::vector<SkillIndex> stack;
  for (const Role& role : g.roles()) {
    for (const SkillIndex s : role.skills) stack.push_back(s);
  }
  while (!stack.empty()) {
    const SkillIndex s = stack.back();
    stack.pop_back();
    if (reached[s]) continue;
    reached[s] = true;
    for (std::size_t r = 0; r < g.requirement_count(s); ++r) {
      for (const SkillIndex o : g.requirement(s, r).options) stack.push_back(o);
    }
  }
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    INFO("skill " << g.skill(s).id);
    CHECK(reached[s]);
  }
}

TEST_CASE("built-in graph: the roles, each planning from nothing") {
  const SkillGraph& g = builtin();
  for (const char* id : {"ml-engineer", "data-scientist", "mlops-engineer", "nlp-engineer",
                         "computer-vision-engineer", "ai-engineer"}) {
    INFO("role " << id);
    const auto role = g.find_role(id);
    REQUIRE(role);
    CHECK_FALSE(g.role(*role).summary.empty());
    CHECK_FALSE(g.role(*role).skills.empty());
  }
  REQUIRE(g.default_role());
  CHECK(g.role(*g.default_role()).id == "ml-engineer");
  for (RoleIndex r = 0; r < g.roles().size(); ++r) {
    PlanRequest request;
    request.goals.push_back({Goal::Kind::role, r});
    const Plan plan = make_plan(g, request);
    INFO("role " << g.role(r).id);
    CHECK_FALSE(plan.steps.empty());
    CHECK(plan.total_hours > 100);
  }
}

TEST_CASE("built-in graph: the ML engineer role carries its salary source and scope") {
  const Role& role = builtin().role(*builtin().default_role());
  REQUIRE(role.salary);
  CHECK(role.salary->currency == "USD");
  CHECK_FALSE(role.salary->source.empty());
  CHECK_FALSE(role.salary->region.empty());
  REQUIRE(role.salary->bands.size() == 3);
  CHECK(role.salary->bands[0].min == 70000);
  CHECK(role.salary->bands[0].max == 90000);
  CHECK(role.salary->bands[1].min == 120000);
  CHECK(role.salary->bands[1].max == 150000);
  CHECK(role.salary->bands[2].min == 160000);
}

TEST_CASE("built-in graph: no two skills share a name or an alias") {
  const SkillGraph& g = builtin();
  std::set<std::string> seen;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    std::set<std::string> own{to_lower_ascii(g.skill(s).id), to_lower_ascii(g.skill(s).name)};
    for (const std::string_view alias : g.aliases(s)) own.insert(to_lower_ascii(alias));
    for (const std::string& key : own) {
      INFO("skill " << g.skill(s).id << ": " << key);
      CHECK(seen.insert(key).second);
    }
  }
}

TEST_CASE("built-in graph: common spellings resolve") {
  const SkillGraph& g = builtin();
  const std::vector<std::pair<const char*, const char*>> spellings{{"sklearn", "scikit-learn"},
                                                                   {"torch", "pytorch"},
                                                                   {"tf", "tensorflow"},
                                                                   {"linalg", "linear-algebra"},
                                                                   {"stats", "statistics"},
                                                                   {"np", "numpy"},
                                                                   {"pd", "pandas"},
                                                                   {"k8s", "kubernetes"}};
  for (const auto& [typed, id] : spellings) {
    INFO(typed);
    const auto skill = g.find_skill(typed);
    REQUIRE(skill);
    CHECK(g.skill(*skill).id == id);
  }
}
