// The built-in graph is content people plan months of study with: these checks keep it whole.
#include <algorithm>
#include <catch2/catch.hpp>
#include <initializer_list>
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

TEST_CASE("built-in graph: at least 200 skills, each complete") {
  const SkillGraph& g = builtin();
  CHECK(g.skill_count() >= 200);
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    const Skill& skill = g.skill(s);
    INFO("skill " << skill.id);
    CHECK(skill.has_hours);
    CHECK(skill.hours >= 1);
    // Skills and projects are study-sized; education paths and career steps take what they take.
    if (skill.kind == SkillKind::skill || skill.kind == SkillKind::project) {
      CHECK(skill.hours <= 200);
    }
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

TEST_CASE("built-in graph: most skills have two or more free resources") {
  const SkillGraph& g = builtin();
  std::size_t with_two = 0;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    const auto resources = g.resources(s);
    const auto free =
        std::count_if(resources.begin(), resources.end(), [](const Resource& r) { return r.free; });
    if (free >= 2) ++with_two;
  }
  CHECK(with_two * 10 >= g.skill_count() * 9);
}

TEST_CASE("built-in graph: education steps carry honest hours") {
  const SkillGraph& g = builtin();
  std::size_t education = 0;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    const Skill& skill = g.skill(s);
    if (skill.kind != SkillKind::education) continue;
    ++education;
    INFO("skill " << skill.id);
    // Self-study's learning is the rest of the plan; every other path is a programme of its own.
    if (skill.id != "self-study") CHECK(skill.hours >= 100);
  }
  CHECK(education >= 5);
  const auto hours = [&](const char* id) {
    return builtin().skill(*builtin().find_skill(id)).hours;
  };
  CHECK(hours("bachelors-degree") >= 3000);
  CHECK(hours("graduate-degree") >= 1500);
  CHECK(hours("bootcamp") >= 400);
  CHECK(hours("internships") >= 400);
}

TEST_CASE("built-in graph: every any_of group names its default") {
  const SkillGraph& g = builtin();
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    for (std::size_t r = 0; r < g.requirement_count(s); ++r) {
      const Requirement requirement = g.requirement(s, r);
      if (!requirement.any_of) continue;
      INFO("skill " << g.skill(s).id);
      CHECK(requirement.default_member().has_value());
    }
  }
}

TEST_CASE("built-in graph: every skill is reachable from some role") {
  const SkillGraph& g = builtin();
  std::vector<bool> reached(g.skill_count(), false);
  std::vector<SkillIndex> stack;
  for (const Role& role : g.roles()) {
    for (const SkillIndex s : role.targets) stack.push_back(s);
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

static Plan plan_for(std::string_view role, std::initializer_list<const char*> have = {}) {
  const SkillGraph& g = builtin();
  PlanRequest request;
  const auto r = g.find_role(role);
  REQUIRE(r);
  request.goals.push_back({Goal::Kind::role, *r});
  for (const char* id : have) {
    const auto s = g.find_skill(id);
    REQUIRE(s);
    request.have.push_back(*s);
  }
  return make_plan(g, request);
}

static std::uint32_t stage_of(const Plan& plan, std::string_view id) {
  for (const PlanStep& step : plan.steps) {
    if (builtin().skill(step.skill).id == id) return step.stage;
  }
  FAIL("no step " << id);
  return 0;
}

static std::set<std::string_view> step_ids(const Plan& plan) {
  std::set<std::string_view> ids;
  for (const PlanStep& step : plan.steps) ids.insert(builtin().skill(step.skill).id);
  return ids;
}

TEST_CASE("built-in graph: every role plans from nothing, with a project near its end") {
  const SkillGraph& g = builtin();
  for (const char* id :
       {"ml-engineer", "data-analyst", "data-scientist", "mlops-engineer", "nlp-engineer",
        "computer-vision-engineer", "ai-engineer", "ml-specialist", "ml-lead"}) {
    INFO("role " << id);
    const auto role = g.find_role(id);
    REQUIRE(role);
    CHECK_FALSE(g.role(*role).summary.empty());
    CHECK_FALSE(g.role(*role).skills.empty());
  }
  REQUIRE(g.default_role());
  CHECK(g.role(*g.default_role()).id == "ml-engineer");
  for (RoleIndex r = 0; r < g.roles().size(); ++r) {
    const Plan plan = plan_for(g.role(r).id);
    INFO("role " << g.role(r).id);
    CHECK_FALSE(plan.steps.empty());
    CHECK(plan.total_hours > 100);
    // The role's capstone: a project in one of the plan's last four stages (portfolio, job
    // search and interviews may follow it).
    CHECK(std::any_of(plan.steps.begin(), plan.steps.end(), [&](const PlanStep& step) {
      const std::uint32_t stage = step.stage;
      return g.skill(step.skill).kind == SkillKind::project && stage + 4 > plan.stage_count;
    }));
  }
}

TEST_CASE("built-in graph: senior roles build on the ML engineer") {
  const SkillGraph& g = builtin();
  const Role& engineer = g.role(*g.find_role("ml-engineer"));
  for (const char* id : {"ml-specialist", "ml-lead"}) {
    INFO("role " << id);
    const Role& role = g.role(*g.find_role(id));
    REQUIRE(role.builds_on.size() == 1);
    CHECK(g.role(role.builds_on[0]).id == "ml-engineer");
    for (const SkillIndex s : engineer.skills) {
      CHECK(std::find(role.targets.begin(), role.targets.end(), s) != role.targets.end());
    }
  }
}

TEST_CASE("built-in graph: the AI engineer path starts at the API") {
  // A backend engineer makes a first LLM call in the first stage, with no maths on the way,
  // and reaches the role in a few hundred hours.
  const Plan plan = plan_for("ai-engineer", {"python", "git", "docker", "sql"});
  CHECK(stage_of(plan, "llm-apis") == 1);
  CHECK(stage_of(plan, "prompt-engineering") < stage_of(plan, "fine-tuning-llms"));
  CHECK(stage_of(plan, "rag") < stage_of(plan, "fine-tuning-llms"));
  CHECK(plan.total_hours <= 450);
  const auto ids = step_ids(plan);
  CHECK_FALSE(ids.contains("calculus"));
  CHECK_FALSE(ids.contains("linear-algebra"));
}

TEST_CASE("built-in graph: an ML engineer interviews after deep learning and the capstone") {
  const Plan plan = plan_for("ml-engineer", {"python", "sql"});
  const std::uint32_t interviews = stage_of(plan, "job-interviews");
  CHECK(interviews == plan.stage_count);
  for (const char* id : {"cnn", "transformers", "transfer-learning", "fine-tuning-llms",
                         "ml-system-design", "capstone-ml-engineer"}) {
    INFO(id);
    CHECK(stage_of(plan, id) < interviews);
  }
}

TEST_CASE("built-in graph: no maths wall before MLOps work") {
  const auto ids = step_ids(plan_for("mlops-engineer", {"python", "git", "docker", "sql"}));
  CHECK_FALSE(ids.contains("calculus"));
  CHECK_FALSE(ids.contains("multivariable-calculus"));
}

TEST_CASE("built-in graph: a data analyst from nothing learns Python and Power BI") {
  const auto ids = step_ids(plan_for("data-analyst"));
  CHECK(ids.contains("python"));
  CHECK(ids.contains("power-bi"));
  CHECK_FALSE(ids.contains("r"));
  CHECK_FALSE(ids.contains("tableau"));
}

TEST_CASE("built-in graph: merged skills keep their old ids") {
  const SkillGraph& g = builtin();
  for (const char* old_id : {"hidden-markov-models", "bayesian-networks"}) {
    INFO(old_id);
    const auto skill = g.find_skill(old_id);
    REQUIRE(skill);
    CHECK(g.skill(*skill).id == "probabilistic-graphical-models");
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
