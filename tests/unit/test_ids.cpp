// Ids as public graphs write them: letters of either case, digits and "-._+:/@", up to 256
// characters, unique and matched ignoring case; and the languages they are written into.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;
using mlroadmap::testing::graph_of;

namespace {

// A graph with one category "math" around the given skills and roles.
std::string graph_with(std::string_view skills, std::string_view roles = "[]") {
  return fmt::format(R"({{"categories": [{{"id": "math", "name": "Math"}}],
"skills": [
{}
], "roles": {}}}
)",
                     skills, roles);
}

const std::string kRule =
    "ids are 1 to 256 ASCII letters, digits, '-', '.', '_', '+', ':', '/' or '@', starting with "
    "a letter or digit";

}  // namespace

TEST_CASE("ids: letters of either case, digits and -._+:/@, starting with a letter or digit") {
  for (const std::string_view id :
       {"a", "Z", "7", "2.A.1.a", "linear_algebra", "c++", "python@3.12", "esco:skill/abc-123",
        "http://data.europa.eu/esco/skill/abc-123", "A-b.c_d+e:f/g@h"}) {
    CAPTURE(id);
    CHECK(is_valid_id(id));
  }
  for (const std::string_view id :
       {"",     "-a",   ".a",  "_a",          "+a",   ":a",  "/a",  "@a",   "a b", "a#b",
        "a\"b", "a\\b", "a,b", "caf\xc3\xa9", "a\tb", "a*b", "a?b", "a[b]", "a~b", "a=b"}) {
    CAPTURE(id);
    CHECK_FALSE(is_valid_id(id));
  }
}

TEST_CASE("ids: up to 256 characters") {
  CHECK(is_valid_id(std::string(256, 'a')));
  CHECK_FALSE(is_valid_id(std::string(257, 'a')));
  // A Khan Academy slug of 70 characters, over the old limit of 64.
  const std::string slug = "solving-linear-equations-and-inequalities-with-variables-on-both-sides";
  const SkillGraph g =
      graph_of(graph_with(fmt::format(R"({{"id": "{}", "name": "S", "category": "math"}})", slug)));
  CHECK(g.skill(0).id == slug);
  const std::string long_id(257, 'a');
  CHECK(
      problems(
          graph_with(fmt::format(R"({{"id": "{}", "name": "S", "category": "math"}})", long_id))) ==
      fmt::format("graph.json:3:8: error: skill #1: invalid skill id '{}': {}\n", long_id, kRule));
}

TEST_CASE("ids: the invalid-id message states the rule, for skills, categories and roles") {
  CHECK(problems(graph_with(R"({"id": "a b", "name": "S", "category": "math"})")) ==
        "graph.json:3:8: error: skill #1: invalid skill id 'a b': " + kRule + "\n");
  CHECK(problems(R"({"categories": [{"id": "_math", "name": "Math"}], "skills": []})") ==
        "graph.json:1:24: error: category #1: invalid category id '_math': " + kRule + "\n");
  CHECK(problems(graph_with(R"({"id": "a", "name": "S", "category": "math"})",
                            R"([{"id": "@lead", "name": "Lead", "skills": ["a"]}])")) ==
        "graph.json:4:21: error: role #1: invalid role id '@lead': " + kRule + "\n");
}

TEST_CASE("ids: two differing only by case are duplicates") {
  CHECK(problems(graph_with(R"({"id": "Calculus", "name": "Calculus", "category": "math"},
{"id": "calculus", "name": "Calculus II", "category": "math"})")) ==
        "graph.json:4:8: error: duplicate skill id 'calculus' (first defined at 3:8)\n");
  CHECK(
      problems(R"({"categories": [{"id": "math", "name": "Math"}, {"id": "MATH", "name": "Maths"}],
"skills": []})") ==
      "graph.json:1:56: error: duplicate category id 'MATH' (first defined at 1:24)\n");
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math"})",
                            R"([{"id": "lead", "name": "Lead", "skills": ["a"]},
{"id": "Lead", "name": "Team lead", "skills": ["a"]}])")) ==
        "graph.json:5:8: error: duplicate role id 'Lead'\n");
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math"})",
                            R"([{"id": "A", "name": "Role A", "skills": ["a"]}])")) ==
        "graph.json:4:21: error: role id 'A' is also a skill id; roles and skills share one "
        "namespace\n");
}

TEST_CASE("ids: a reference in another case resolves, everywhere one is written") {
  const SkillGraph g = graph_of(graph_with(
      R"({"id": "2.A.1.a", "name": "Oral comprehension", "category": "MATH"},
{"id": "http://data.europa.eu/esco/skill/abc-123", "name": "Statistics", "category": "Math"},
{"id": "python@3.12", "name": "Python", "category": "math"},
{"id": "ML_basics", "name": "ML basics", "category": "math",
 "prerequisites": ["2.a.1.A", {"id": "HTTP://DATA.EUROPA.EU/ESCO/SKILL/ABC-123", "why": "w"},
                   {"any_of": ["Python@3.12", "2.A.1.A"]}]})",
      R"([{"id": "Analyst", "name": "Analyst", "skills": ["ml_BASICS"], "grows_into": ["LEAD"]},
{"id": "lead", "name": "Lead", "skills": ["ml_basics", "2.a.1.a"]}])"));
  REQUIRE(g.skill_count() == 4);
  CHECK(g.skill(0).category == 0);
  CHECK(g.skill(1).category == 0);
  REQUIRE(g.requirement_count(3) == 3);
  CHECK(g.requirement(3, 0).options.front() == 0);
  CHECK(g.requirement(3, 1).options.front() == 1);
  CHECK(g.requirement(3, 2).options[0] == 2);
  CHECK(g.requirement(3, 2).options[1] == 0);
  CHECK(g.role(0).skills == std::vector<SkillIndex>{3});
  CHECK(g.role(0).grows_into == std::vector<RoleIndex>{1});
  CHECK(g.role(1).skills == std::vector<SkillIndex>{3, 0});
  // Ids keep the case they were defined in.
  CHECK(g.skill(3).id == "ML_basics");
  CHECK(g.find_skill_by_id("ml_BASICS") == SkillIndex{3});
  CHECK(g.find_skill_by_id("http://data.europa.eu/esco/skill/ABC-123") == SkillIndex{1});
  CHECK_FALSE(g.find_skill_by_id("ML basics"));  // a name, not an id
}

TEST_CASE("ids: a reference matches ids only, in any case, not names") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math", "prerequisites": ["B"]},
{"id": "b2", "name": "B", "category": "math"})")) ==
        "graph.json:3:64: error: skill 'a': unknown prerequisite 'B' (did you mean 'a' or "
        "'b2'?)\n");
}

TEST_CASE("ids: DOT quotes each one whole: Mermaid names nodes by number") {
  const SkillGraph g = graph_of(graph_with(
      R"({"id": "http://data.europa.eu/esco/skill/abc-123", "name": "Statistics", "category": "math"},
{"id": "user@ML:2.A", "name": "ML", "category": "math",
 "prerequisites": ["http://data.europa.eu/esco/skill/abc-123"]})"));
  const std::string dot = render_graph_dot(g);
  CHECK(dot.find("    \"http://data.europa.eu/esco/skill/abc-123\" [label=\"Statistics\"];\n") !=
        std::string::npos);
  CHECK(dot.find("  \"http://data.europa.eu/esco/skill/abc-123\" -> \"user@ML:2.A\";\n") !=
        std::string::npos);
  const std::string mermaid = render_graph_mermaid(g);
  CHECK(mermaid.find("  s0 --> s1\n") != std::string::npos);
  CHECK(mermaid.find("http:") == std::string::npos);
  CHECK(mermaid.find("user@") == std::string::npos);
}

namespace {

// A graph large enough for names to be registered and references resolved on two threads:
// ids in capitals (ESCO:SKILL/S0 ...), each skill requiring the four before it, written in
// lower case; `extra` is appended to the skills.
std::string many_uppercase_skills(std::string_view extra = "") {
  constexpr int kCount = 70'000;
  std::string skills;
  skills.reserve(std::size_t{kCount} * 160);
  for (int i = 0; i < kCount; ++i) {
    if (i > 0) skills += ",\n";
    skills +=
        fmt::format(R"({{"id": "ESCO:SKILL/S{}", "name": "Skill {}", "category": "math")", i, i);
    skills += R"(, "prerequisites": [)";
    for (int k = 1; k <= 4 && k <= i; ++k) {
      skills += fmt::format(R"({}"esco:skill/s{}")", k > 1 ? ", " : "", i - k);
    }
    skills += "]}";
  }
  skills += extra;
  return graph_with(skills);
}

}  // namespace

TEST_CASE("ids: on two threads, references in another case resolve and case duplicates clash") {
  const SkillGraph g = graph_of(many_uppercase_skills());
  REQUIRE(g.skill_count() == 70'000);
  for (const SkillIndex s : {SkillIndex{4}, SkillIndex{35'000}, SkillIndex{69'999}}) {
    REQUIRE(g.requirement_count(s) == 4);
    for (std::size_t r = 0; r < 4; ++r) CHECK(g.requirement(s, r).options.front() == s - 1 - r);
  }
  CHECK(g.find_skill_by_id("esco:skill/s12345") == SkillIndex{12'345});
  CHECK(problems(many_uppercase_skills(
            ",\n{\"id\": \"esco:skill/s5\", \"name\": \"Again\", \"category\": \"math\"}")) ==
        "graph.json:70003:8: error: duplicate skill id 'esco:skill/s5' (first defined at 8:8)\n");
}
