// null for an optional field means the field is absent, in graphs, profiles and batch lines;
// a required field given as null is missing, and the message says it is null.
#include <catch2/catch.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/profile.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;
using mlroadmap::testing::graph_of;

namespace {

std::string profile_problems(std::string_view text) {
  const auto profile = parse_profile(text, "profile.json");
  std::string out;
  if (!profile) {
    for (const Diagnostic& d : profile.error()) out += format_diagnostic(d) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("nulls: every optional field of a graph may be null, and is then absent") {
  const SkillGraph g = graph_of(R"({"schema_version": null, "title": null, "description": null,
"categories": [{"id": "c", "name": "C", "summary": null}],
"skills": [
  {"id": "a", "name": "A", "category": "c", "hours": null, "summary": null, "aliases": null,
   "resources": null, "milestone": null, "prerequisites": null},
  {"id": "b", "name": "B", "category": "c", "hours": 3,
   "prerequisites": [{"id": "a", "why": null}, {"any_of": ["a"], "id": null, "why": null}],
   "resources": [{"title": "T", "url": "https://x.example/", "type": null, "free": null}]}
],
"roles": [{"id": "r", "name": "R", "summary": null, "skills": ["b"], "default": null,
           "grows_into": null,
           "salary": {"currency": null, "region": null, "source": null, "note": null,
                      "bands": [{"level": "L", "min": null, "max": 3}]}}]})");
  CHECK(g.title().empty());
  CHECK_FALSE(g.skill(0).has_hours);
  CHECK(g.summary(0).empty());
  CHECK(g.aliases(0).empty());
  CHECK(g.requirement_count(0) == 0);
  REQUIRE(g.requirement_count(1) == 2);
  CHECK(g.requirement(1, 0).why.empty());
  CHECK(g.requirement(1, 1).any_of);
  REQUIRE(g.resources(1).size() == 1);
  CHECK(g.resources(1)[0].type.empty());
  CHECK(g.resources(1)[0].free);
  CHECK_FALSE(g.role(0).is_default);
  CHECK(g.role(0).grows_into.empty());
  REQUIRE(g.role(0).salary);
  CHECK(g.role(0).salary->currency.empty());
  CHECK_FALSE(g.role(0).salary->bands[0].min);
  CHECK(g.role(0).salary->bands[0].max == 3);
  CHECK_FALSE(g.default_role());
}

TEST_CASE("nulls: a required field given as null is missing, reported at the null") {
  CHECK(problems(R"({"categories": null, "skills": []})") ==
        "graph.json:1:16: error: graph: missing required field 'categories' (it is null)\n");
  CHECK(problems(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
{"id": null, "name": "A", "category": "c", "hours": 1},
{"id": "b", "name": null, "category": null, "hours": 1}]})") ==
        "graph.json:2:8: error: skill #1: missing required field 'id' (it is null)\n"
        "graph.json:3:21: error: skill 'b': missing required field 'name' (it is null)\n"
        "graph.json:3:39: error: skill 'b': missing required field 'category' (it is null)\n");
  CHECK(problems(R"({"categories": [{"id": "c", "name": null}], "skills": [
{"id": "a", "name": "A", "category": "c", "hours": 1,
 "resources": [{"title": null, "url": "https://x.example/"}]}],
"roles": [{"id": "r", "name": "R", "skills": ["a"], "salary": {"bands": [{"level": null}]}}]})") ==
        "graph.json:1:37: error: category #1: missing required field 'name' (it is null)\n"
        "graph.json:3:26: error: skill 'a': resource #1: missing required field 'title' (it is "
        "null)\n"
        "graph.json:4:84: error: role 'r': salary: missing required field 'level' (it is null)\n");
}

TEST_CASE("nulls: a prerequisite object needs an id or any_of that is not null") {
  CHECK(problems(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
{"id": "a", "name": "A", "category": "c", "hours": 1, "prerequisites": [{"id": null}]}]})") ==
        "graph.json:2:73: error: skill 'a': a prerequisite object needs 'id' or 'any_of'\n");
}

TEST_CASE("nulls: a null key given twice is still a duplicate: an unknown one still unknown") {
  CHECK(problems(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
{"id": "a", "name": "A", "category": "c", "hours": null, "hours": 2, "colour": null}]})") ==
        "graph.json:2:58: error: skill 'a': duplicate key 'hours'\n"
        "graph.json:2:70: warning: skill 'a': unknown field 'colour'\n");
}

TEST_CASE("nulls: a null where a value of an array belongs is still the wrong type") {
  CHECK(problems(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
{"id": "a", "name": "A", "category": "c", "hours": 1}],
"roles": [{"id": "r", "name": "R", "skills": ["a", null]}]})") ==
        "graph.json:3:52: error: role 'r': 'skills[]' must be a string, found null\n");
}

TEST_CASE("nulls: every field of a profile may be null, and is then absent") {
  const auto profile = parse_profile(
      R"({"id": null, "have": null, "goals": null, "exact": null, "hours_per_week": null,
"start": null})",
      "profile.json");
  REQUIRE(profile);
  CHECK_FALSE(profile->id);
  CHECK_FALSE(profile->have);
  CHECK_FALSE(profile->goals);
  CHECK_FALSE(profile->exact);
  CHECK_FALSE(profile->hours_per_week);
  CHECK_FALSE(profile->start);
  // A start date still needs a pace, which null does not give.
  CHECK(profile_problems(R"({"hours_per_week": null, "start": "2027-01-04"})") ==
        "profile.json:1:1: error: profile: 'start' needs 'hours_per_week'\n");
}
