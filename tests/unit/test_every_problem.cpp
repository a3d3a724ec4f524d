// validate reports every problem in one run: cycles are looked for among whatever loaded, past
// other errors, with the references that did not resolve left out.
#include <catch2/catch.hpp>

#include "graphs.hpp"
#include <string>

#include "mlroadmap/graph_loader.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;

namespace {

std::string graph_with(std::string_view skills) {
  return R"({"categories": [{"id": "c", "name": "C"}], "skills": [
)" + std::string(skills) +
         "\n]}\n";
}

}  // namespace

TEST_CASE("every problem: an unknown prerequisite and a cycle, in one run") {
  CHECK(problems(graph_with(
            R"({"id": "a", "name": "A", "category": "c", "hours": 1, "prerequisites": ["b", "zz"]},
{"id": "b", "name": "B", "category": "c", "hours": 1, "prerequisites": ["a"]})")) ==
        "graph.json:2:8: error: dependency cycle: a -> b -> a\n"
        "graph.json:2:78: error: skill 'a': unknown prerequisite 'zz'\n");
}

TEST_CASE("every problem: unresolved members of an any_of group are left out of the search") {
  // b's group names a (a cycle) and an unknown skill; c's group names only unknown skills.
  CHECK(problems(graph_with(
            R"({"id": "a", "name": "A", "category": "c", "hours": 1, "prerequisites": ["b"]},
{"id": "b", "name": "B", "category": "c", "hours": 1,
 "prerequisites": [{"any_of": ["nope", "a"]}, {"id": "gone", "why": "w"}]},
{"id": "c", "name": "C", "category": "c", "hours": 1, "prerequisites": [{"any_of": ["x", "y"]}]},
{"id": "d", "name": "D", "category": "c", "hours": 1, "prerequisites": ["c", "d"]})")) ==
        "graph.json:2:8: error: dependency cycle: a -> b -> a\n"
        "graph.json:4:32: error: skill 'b': unknown prerequisite 'nope'\n"
        "graph.json:4:54: error: skill 'b': unknown prerequisite 'gone'\n"
        "graph.json:5:85: error: skill 'c': unknown prerequisite 'x' (did you mean 'a', 'b' or "
        "'c'?)\n"
        "graph.json:5:90: error: skill 'c': unknown prerequisite 'y' (did you mean 'a', 'b' or "
        "'c'?)\n"
        "graph.json:6:8: error: dependency cycle: d -> d\n");
}

TEST_CASE("every problem: cycles past errors of every other kind") {
  // An invalid id, a duplicate, an unknown category, hours out of range and a missing name,
  // with a cycle among the skills that loaded.
  CHECK(problems(graph_with(
            R"({"id": "Bad Id", "name": "Bad", "category": "c", "prerequisites": ["p"]},
{"id": "p", "name": "P", "category": "nowhere", "hours": -1, "prerequisites": ["q"]},
{"id": "q", "category": "c", "hours": 1, "prerequisites": ["p", "bad id"]},
{"id": "P", "name": "P2", "category": "c", "hours": 1, "prerequisites": ["q"]})")) ==
        "graph.json:2:8: error: skill #1: invalid skill id 'Bad Id': ids are 1 to 256 ASCII "
        "letters, digits, '-', '.', '_', '+', ':', '/' or '@', starting with a letter or digit\n"
        "graph.json:3:8: error: dependency cycle: p -> q -> p\n"
        "graph.json:3:38: error: skill 'p': unknown category 'nowhere'\n"
        "graph.json:3:58: error: skill 'p': 'hours' must be more than 0 and at most 10000, found "
        "-1\n"
        "graph.json:4:1: error: skill 'q': missing required field 'name'\n"
        "graph.json:4:65: error: skill 'q': unknown prerequisite 'bad id'\n"
        "graph.json:5:8: error: duplicate skill id 'P' (first defined at 3:8)\n");
}

TEST_CASE("every problem: the error limit still ends the run, cycles counted with the rest") {
  std::string skills;
  for (int i = 0; i < 90; ++i) {
    // Each skill names an unknown one and is in a two-skill cycle with its neighbour.
    const int other = i % 2 == 0 ? i + 1 : i - 1;
    skills += "{\"id\": \"s" + std::to_string(i) + "\", \"name\": \"S" + std::to_string(i) +
              "\", \"category\": \"c\", \"hours\": 1, \"prerequisites\": [\"s" +
              std::to_string(other) + "\", \"unknown-" + std::to_string(i) + "\"]},\n";
  }
  skills += R"({"id": "end", "name": "End", "category": "c", "hours": 1})";
  const GraphLoadResult result = load_graph(graph_with(skills), "graph.json");
  // 90 unknown names, then cycles until the 100th error, then the note.
  REQUIRE(result.diagnostics.size() == 101);
  CHECK_FALSE(result.graph);
  std::size_t cycles = 0;
  for (const Diagnostic& d : result.diagnostics) {
    cycles += d.message.starts_with("dependency cycle: ") ? 1 : 0;
  }
  CHECK(cycles == 10);
  CHECK(result.diagnostics.back().message == "stopped after 100 errors");
}

TEST_CASE("every problem: at most 20 cycles, as before") {
  std::string skills;
  for (int i = 0; i < 60; ++i) {
    const int other = i % 2 == 0 ? i + 1 : i - 1;
    skills += "{\"id\": \"s" + std::to_string(i) + "\", \"name\": \"S" + std::to_string(i) +
              "\", \"category\": \"c\", \"hours\": 1, \"prerequisites\": [\"s" +
              std::to_string(other) + "\", \"unknown-" + std::to_string(i) + "\"]},\n";
  }
  skills += R"({"id": "end", "name": "End", "category": "c", "hours": 1})";
  const GraphLoadResult result = load_graph(graph_with(skills), "graph.json");
  REQUIRE(result.diagnostics.size() == 80);  // 60 unknown names and 20 cycles
  std::size_t cycles = 0;
  for (const Diagnostic& d : result.diagnostics) {
    cycles += d.message.starts_with("dependency cycle: ") ? 1 : 0;
  }
  CHECK(cycles == 20);
}
