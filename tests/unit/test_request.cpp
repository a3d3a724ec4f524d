#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/request.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

// The profile of tests/fixtures/profile.json, as parse_profile reads it.
Profile new_hire() {
  Profile profile;
  profile.id = "new-hire-42";
  profile.have = std::vector<std::string>{"pandas"};
  profile.goals = std::vector<std::string>{"ml-engineer"};
  profile.exact = true;
  profile.hours_per_week = 8;
  profile.start = CalendarDate{2027, 3, 1};
  return profile;
}

std::string ids(const SkillGraph& g, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills)
    out += std::string(out.empty() ? "" : " ") + std::string(g.skill(s).id);
  return out;
}

std::string goals(const SkillGraph& g, const std::vector<Goal>& goals) {
  std::string out;
  for (const Goal& goal : goals) {
    out += out.empty() ? "" : " ";
    out += goal.kind == Goal::Kind::role ? "role:" + std::string(g.role(goal.index).id)
                                         : "skill:" + std::string(g.skill(goal.index).id);
  }
  return out;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.severity == Severity::error);
    CHECK(d.file.empty());
    CHECK(d.line == 0);
    out.push_back(d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("a request from a profile alone takes everything from it") {
  const SkillGraph g = fixture();
  const auto request = resolve_request(g, new_hire());
  REQUIRE(request);
  CHECK(ids(g, request->have) == "pandas");
  CHECK(goals(g, request->goals) == "role:ml-engineer");
  CHECK(request->exact);
  CHECK(request->hours_per_week == 8);
  CHECK(request->start == CalendarDate{2027, 3, 1});
  CHECK(request->links);
}

TEST_CASE("an empty profile and no flags ask for the defaults") {
  const SkillGraph g = fixture();
  const auto request = resolve_request(g, Profile{});
  REQUIRE(request);
  CHECK(request->have.empty());
  CHECK(request->goals.empty());
  CHECK(!request->exact);
  CHECK(request->hours_per_week == 0);
  CHECK(!request->start);
}

TEST_CASE("flags win over the profile, each on its own") {
  const SkillGraph g = fixture();
  RequestFlags flags;
  flags.have = std::vector<std::string>{"SQL", "linalg"};
  flags.exact = false;
  auto request = resolve_request(g, new_hire(), flags);
  REQUIRE(request);
  CHECK(ids(g, request->have) == "sql linear-algebra");
  CHECK(goals(g, request->goals) == "role:ml-engineer");  // from the profile
  CHECK(!request->exact);
  CHECK(request->hours_per_week == 8);

  flags = {};
  flags.goals = {"numpy", "analyst"};
  flags.hours_per_week = 2.5;
  flags.start = "2028-02-29";
  request = resolve_request(g, new_hire(), flags);
  REQUIRE(request);
  CHECK(ids(g, request->have) == "pandas");  // from the profile
  CHECK(goals(g, request->goals) == "skill:numpy role:analyst");
  CHECK(request->exact);
  CHECK(request->hours_per_week == 2.5);
  CHECK(request->start == CalendarDate{2028, 2, 29});
}

TEST_CASE("skills given as flags, even none, replace the profile's") {
  const SkillGraph g = fixture();
  RequestFlags flags;
  flags.have = std::vector<std::string>{};
  const auto request = resolve_request(g, new_hire(), flags);
  REQUIRE(request);
  CHECK(request->have.empty());
}

TEST_CASE("a goal named twice is asked for once: skills are kept as given") {
  const SkillGraph g = fixture();
  RequestFlags flags;
  flags.have = std::vector<std::string>{"python", "py"};
  flags.goals = {"ml-engineer", "ML Engineer", "numpy", "NumPy"};
  const auto request = resolve_request(g, Profile{}, flags);
  REQUIRE(request);
  CHECK(ids(g, request->have) == "python python");
  CHECK(goals(g, request->goals) == "role:ml-engineer skill:numpy");
}

TEST_CASE("every unknown name is reported, skills first") {
  const SkillGraph g = fixture();
  Profile profile;
  profile.goals = std::vector<std::string>{"nothing", "ml-engineer", "ml-enginer"};
  RequestFlags flags;
  flags.have = std::vector<std::string>{"pyton", "sql", "nosuch"};
  const auto request = resolve_request(g, profile, flags);
  REQUIRE(!request);
  CHECK(messages(request.error()) ==
        std::vector<std::string>{"unknown skill 'pyton' (did you mean 'python'?)",
                                 "unknown skill 'nosuch'", "unknown role or skill 'nothing'",
                                 "unknown role or skill 'ml-enginer' (did you mean "
                                 "'ml-engineer'?)"});
}

TEST_CASE("a start date must be one, and needs a pace: either problem is reported alone") {
  const SkillGraph g = fixture();
  RequestFlags flags;
  flags.have = std::vector<std::string>{"nosuch"};
  flags.start = "2027-02-30";
  flags.hours_per_week = 5;
  auto request = resolve_request(g, Profile{}, flags);
  REQUIRE(!request);
  CHECK(messages(request.error()) ==
        std::vector<std::string>{"--start: '2027-02-30' is not a date as YYYY-MM-DD"});

  flags.start = "2027-02-01";
  flags.hours_per_week.reset();
  request = resolve_request(g, Profile{}, flags);
  REQUIRE(!request);
  CHECK(messages(request.error()) ==
        std::vector<std::string>{"--start needs a pace: give --hours-per-week too"});

  // The profile's pace will do.
  flags.have.reset();
  Profile paced;
  paced.hours_per_week = 4;
  request = resolve_request(g, paced, flags);
  REQUIRE(request);
  CHECK(request->start == CalendarDate{2027, 2, 1});
  CHECK(request->hours_per_week == 4);
}
