#include <algorithm>
#include <catch2/catch.hpp>

#include "graphs.hpp"
#include <string>
#include <vector>

#include "mlroadmap/graph_loader.hpp"

using namespace mlroadmap;
using mlroadmap::testing::problems;

namespace {

// Loads `text` as graph.json and returns its diagnostics, one formatted line each.

// A graph around the given skills (JSON array members) and roles.
std::string graph_with(std::string_view skills, std::string_view roles = "") {
  std::string text = R"({"categories": [{"id": "math", "name": "Math"}, {"id": "ml", "name": "ML"}],
"skills": [
)";
  text += skills;
  text += "\n]";
  if (!roles.empty()) {
    text += ",\n\"roles\": [\n";
    text += roles;
    text += "\n]";
  }
  text += "}\n";
  return text;
}

}  // namespace

TEST_CASE("a valid graph loads with no diagnostic") {
  const auto result = load_graph(
      graph_with(R"({"id": "calculus", "name": "Calculus", "category": "math", "hours": 40},
{"id": "neural-networks", "name": "Neural networks", "category": "ml", "prerequisites": ["calculus"]})"),
      "graph.json");
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  REQUIRE(g.skill_count() == 2);
  CHECK(g.skill(1).id == "neural-networks");
  CHECK(g.category_of(1).name == "ML");
  REQUIRE(g.requirement_count(1) == 1);
  CHECK(g.requirement(1, 0).options[0] == 0);
  CHECK(g.skill(0).hours == 40);
  CHECK_FALSE(g.skill(1).has_hours);
}

TEST_CASE("malformed JSON is reported at its line and column") {
  CHECK(problems("{\"categories\": [\n  {\"id\": \"math\" \"name\": \"Math\"}]}") ==
        "graph.json:2:17: error: expected ',' or '}' after an object member, found '\"'\n");
  CHECK(problems("{\"categories\": [") ==
        "graph.json:1:17: error: unexpected end of file inside an array\n");
  CHECK(problems("") == "graph.json:1:1: error: unexpected end of file, expected a value\n");
  CHECK(problems("{\"categories\": []} x") ==
        "graph.json:1:20: error: unexpected 'x' after the end of the JSON document\n");
}

TEST_CASE("a graph that is not an object") {
  CHECK(problems("[1, 2]") ==
        "graph.json:1:1: error: a skill graph must be a JSON object, found an array\n");
}

TEST_CASE("wrong types name the field and the type found") {
  CHECK(problems(graph_with(
            R"({"id": "calculus", "name": "Calculus", "category": "math", "hours": "forty"})")) ==
        "graph.json:3:69: error: skill 'calculus': 'hours' must be a number, found a string\n");
  CHECK(problems(R"({"categories": {}, "skills": []})") ==
        "graph.json:1:16: error: graph: 'categories' must be an array, found an object\n");
  CHECK(problems(graph_with(R"({"id": 7, "name": "Calculus", "category": "math"})")) ==
        "graph.json:3:8: error: skill #1: 'id' must be a string, found a number\n");
}

TEST_CASE("missing required fields") {
  CHECK(problems(R"({"skills": []})") ==
        "graph.json:1:1: error: graph: missing required field 'categories'\n");
  CHECK(problems(graph_with(R"({"id": "calculus"})")) ==
        "graph.json:3:1: error: skill 'calculus': missing required field 'name'\n"
        "graph.json:3:1: error: skill 'calculus': missing required field 'category'\n");
}

TEST_CASE("duplicate ids") {
  CHECK(problems(graph_with(R"({"id": "calculus", "name": "Calculus", "category": "math"},
{"id": "calculus", "name": "Calculus II", "category": "math"})")) ==
        "graph.json:4:8: error: duplicate skill id 'calculus' (first defined at 3:8)\n");
  CHECK(
      problems(
          R"({"categories": [{"id": "math", "name": "Math"}, {"id": "math", "name": "Maths"}], "skills": []})") ==
      "graph.json:1:56: error: duplicate category id 'math' (first defined at 1:24)\n");
}

TEST_CASE("unknown category, with a suggestion") {
  CHECK(
      problems(graph_with(R"({"id": "calculus", "name": "Calculus", "category": "mth"})")) ==
      "graph.json:3:52: error: skill 'calculus': unknown category 'mth' (did you mean 'math'?)\n");
}

TEST_CASE("unknown prerequisite, with a suggestion") {
  CHECK(
      problems(graph_with(R"({"id": "neural-networks", "name": "Neural networks", "category": "ml"},
{"id": "deep-learning", "name": "Deep learning", "category": "ml",
 "prerequisites": ["neural-netwrks"]})")) ==
      "graph.json:5:20: error: skill 'deep-learning': unknown prerequisite 'neural-netwrks' (did "
      "you mean 'neural-networks'?)\n");
}

TEST_CASE("a prerequisite id is read like any string: escapes decoded, other text kept whole") {
  // Plain ids are looked up in place; one with an escape, a byte beyond ASCII or a long tail
  // past a sixteen-byte block takes the reader's careful path, and still matches or is named.
  const std::string skills =
      R"({"id": "python", "name": "Python", "category": "ml"},
{"id": "statistics-for-machine-learning", "name": "Statistics", "category": "math"},
{"id": "ml", "name": "ML", "category": "ml",
 "prerequisites": ["p\u0079thon", "statistics-for-machine-learning", "caf\u00e9", "café"]})";
  CHECK(problems(graph_with(skills)) ==
        "graph.json:6:70: error: skill 'ml': unknown prerequisite 'café'\n"
        "graph.json:6:83: error: skill 'ml': unknown prerequisite 'café'\n");
  const GraphLoadResult fixed =
      load_graph(graph_with(R"({"id": "python", "name": "Python", "category": "ml"},
{"id": "ml", "name": "ML", "category": "ml", "prerequisites": ["p\u0079thon"]})"),
                 "graph.json");
  REQUIRE(fixed.graph);
  CHECK(fixed.graph->requirement(1, 0).options.front() == 0);
}

TEST_CASE("a role naming an unknown skill") {
  CHECK(problems(graph_with(R"({"id": "calculus", "name": "Calculus", "category": "math"})",
                            R"({"id": "analyst", "name": "Analyst", "skills": ["calculas"]})")) ==
        "graph.json:6:49: error: role 'analyst': unknown skill 'calculas' (did you mean "
        "'calculus'?)\n");
}

TEST_CASE("an empty any_of group") {
  CHECK(
      problems(graph_with(
          R"({"id": "calculus", "name": "Calculus", "category": "math", "prerequisites": [{"any_of": []}]})")) ==
      "graph.json:3:89: error: skill 'calculus': empty 'any_of' group\n");
}

TEST_CASE("more than one default role") {
  CHECK(problems(graph_with(R"({"id": "calculus", "name": "Calculus", "category": "math"})",
                            R"({"id": "a", "name": "A", "skills": ["calculus"], "default": true},
{"id": "b", "name": "B", "skills": ["calculus"], "default": true})")) ==
        "graph.json:7:61: error: role 'b': more than one default role ('a' is already the "
        "default)\n");
}

TEST_CASE("cycles are reported as the closed path") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math", "prerequisites": ["b"]},
{"id": "b", "name": "B", "category": "math", "prerequisites": ["c"]},
{"id": "c", "name": "C", "category": "math", "prerequisites": [{"any_of": ["d", "a"]}]},
{"id": "d", "name": "D", "category": "math"})")) ==
        "graph.json:3:8: error: dependency cycle: a -> b -> c -> a\n");
}

TEST_CASE(
    "every cycle is reported once, past skills that are ordered and skills that wait on a cycle") {
  // p and q can be ordered; z only waits on a cycle; w reaches both a cycle and z.
  CHECK(problems(graph_with(R"({"id": "z", "name": "Z", "category": "math", "prerequisites": ["x"]},
{"id": "p", "name": "P", "category": "math"},
{"id": "x", "name": "X", "category": "math", "prerequisites": ["p", "y"]},
{"id": "y", "name": "Y", "category": "math", "prerequisites": [{"any_of": ["p", "x"]}]},
{"id": "q", "name": "Q", "category": "math", "prerequisites": ["p"]},
{"id": "u", "name": "U", "category": "math", "prerequisites": ["q", "v"]},
{"id": "v", "name": "V", "category": "math", "prerequisites": ["p", "w"]},
{"id": "w", "name": "W", "category": "math", "prerequisites": ["u", "z"]})")) ==
        "graph.json:5:8: error: dependency cycle: x -> y -> x\n"
        "graph.json:8:8: error: dependency cycle: u -> v -> w -> u\n");
}

TEST_CASE("a self-loop is a cycle") {
  CHECK(
      problems(graph_with(
          R"({"id": "a", "name": "A", "category": "math", "prerequisites": [{"id": "a", "why": "x"}]})")) ==
      "graph.json:3:8: error: dependency cycle: a -> a\n");
}

TEST_CASE("invalid ids are explained") {
  CHECK(problems(
            graph_with(R"({"id": "Deep Learning", "name": "Deep learning", "category": "ml"})")) ==
        "graph.json:3:8: error: skill #1: invalid skill id 'Deep Learning': ids are 1 to 256 "
        "ASCII letters, digits, '-', '.', '_', '+', ':', '/' or '@', starting with a letter or "
        "digit\n");
}

TEST_CASE("every problem is reported, not just the first") {
  const std::string out = problems(graph_with(R"({"id": "a", "name": "A", "category": "mth"},
{"id": "b", "name": "B", "category": "math", "prerequisites": ["zz"]})"));
  CHECK(out ==
        "graph.json:3:38: error: skill 'a': unknown category 'mth' (did you mean 'math'?)\n"
        "graph.json:4:64: error: skill 'b': unknown prerequisite 'zz'\n");
}

TEST_CASE("unknown fields are warnings with a suggestion, and the graph still loads") {
  const auto result =
      load_graph(graph_with(R"({"id": "a", "name": "A", "category": "math", "prerequisits": []})"),
                 "graph.json");
  REQUIRE(result.graph);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(format_diagnostic(result.diagnostics[0]) ==
        "graph.json:3:46: warning: skill 'a': unknown field 'prerequisits' (did you mean "
        "'prerequisites'?)");
}

TEST_CASE("duplicate keys are errors") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math", "name": "B"})")) ==
        "graph.json:3:46: error: skill 'a': duplicate key 'name'\n");
}

TEST_CASE("hours out of range") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math", "hours": -3})")) ==
        "graph.json:3:55: error: skill 'a': 'hours' must be more than 0 and at most 10000, found "
        "-3\n");
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math", "hours": 1e999})")) ==
        "graph.json:3:55: error: skill 'a': 'hours' is out of range: 1e999\n");
}

TEST_CASE("names and aliases must point at one skill") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "Alpha", "category": "math"},
{"id": "b", "name": "Beta", "category": "math", "aliases": ["ALPHA"]})")) ==
        "graph.json:4:61: error: skill 'b': alias 'ALPHA' is already used by skill 'a'\n");
}

TEST_CASE("resource urls must be http(s)") {
  CHECK(
      problems(graph_with(
          R"j({"id": "a", "name": "A", "category": "math", "resources": [{"title": "x", "url": "javascript:alert(1)"}]})j")) ==
      "graph.json:3:82: error: skill 'a': resource #1: url 'javascript:alert(1)' must start with "
      "https:// or http://\n");
}

TEST_CASE("an unsupported schema version") {
  CHECK(problems(R"({"schema_version": 3, "categories": [], "skills": []})") ==
        "graph.json:1:20: error: unsupported schema_version 3 (this version of mlroadmap reads "
        "schema_version 1 and 2)\n");
  CHECK(problems(R"({"schema_version": 2, "categories": [], "skills": []})").empty());
}

TEST_CASE("a role id may not also be a skill id") {
  CHECK(problems(graph_with(R"({"id": "a", "name": "A", "category": "math"})",
                            R"({"id": "a", "name": "Role A", "skills": ["a"]})")) ==
        "graph.json:6:8: error: role id 'a' is also a skill id; roles and skills share one "
        "namespace\n");
}

TEST_CASE("names resolve ignoring case, by id, name or alias") {
  const auto result = load_graph(
      graph_with(
          R"({"id": "linear-algebra", "name": "Linear algebra", "category": "math", "aliases": ["linalg"]})"),
      "graph.json");
  REQUIRE(result.graph);
  CHECK(result.graph->find_skill("LINALG") == SkillIndex{0});
  CHECK(result.graph->find_skill("linear ALGEBRA") == SkillIndex{0});
  CHECK(result.graph->find_skill("Linear-Algebra") == SkillIndex{0});
  CHECK(result.graph->find_skill_by_id("Linear-Algebra") == SkillIndex{0});
  CHECK_FALSE(result.graph->find_skill_by_id("linalg"));
  CHECK_FALSE(result.graph->find_skill_by_id("Linear algebra"));
  CHECK_FALSE(result.graph->find_skill("algebra"));
}

TEST_CASE("a diagnostic carries its source line for a caret display") {
  const auto result = load_graph("{\n  \"categories\": [],\n  \"skills\": 3\n}", "graph.json");
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].source_line == "  \"skills\": 3");
  CHECK(result.diagnostics[0].column == 13);
}

TEST_CASE("the built-in graph loads cleanly") {
  const auto result = load_builtin_graph();
  for (const auto& d : result.diagnostics) INFO(format_diagnostic(d));
  CHECK(result.diagnostics.empty());
  REQUIRE(result.graph);
  CHECK(result.graph->default_role());
}

namespace {

// Skills s0, s1, ... in category "ml", each with the prerequisites `prerequisites(i)` gives
// (ids as written, quotes included): enough of them to make the loader split its lookups.
constexpr int kManySkills = 20'000;
template <typename Prerequisites>
std::string numbered_skills(Prerequisites prerequisites, int count = kManySkills) {
  std::string skills;
  for (int i = 0; i < count; ++i) {
    if (i > 0) skills += ",\n";
    skills += R"({"id": "s)" + std::to_string(i) + R"(", "name": "S)" + std::to_string(i) +
              R"(", "category": "ml", "prerequisites": [)" + prerequisites(i) + "]}";
  }
  return skills;
}

}  // namespace

TEST_CASE("a graph large enough for two lookup threads resolves and reports like a small one") {
  // Four prerequisites each: over 65,536 references, so they are split between two threads.
  // One unknown id sits in each half; both are reported, in file order. References both ways
  // make cycles, the first 20 of which are reported too.
  const std::string skills = numbered_skills([](int i) {
    std::string list;
    for (int k = 1; k <= 4; ++k) {
      if (k > 1) list += ", ";
      // Half the references point forward: ids further down the file.
      const int target = (i + (k % 2 == 0 ? kManySkills - k : k)) % kManySkills;
      const bool unknown = (i == 10 || i == kManySkills - 10) && k == 3;
      list +=
          unknown ? "\"missing-" + std::to_string(i) + "\"" : "\"s" + std::to_string(target) + "\"";
    }
    return list;
  });
  const GraphLoadResult result = load_graph(graph_with(skills), "graph.json");
  std::vector<Diagnostic> unknown;
  std::size_t cycles = 0;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.message.starts_with("dependency cycle: ")) {
      ++cycles;
    } else {
      unknown.push_back(d);
    }
  }
  CHECK(cycles == 20);
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0].message.starts_with("skill 's10': unknown prerequisite 'missing-10'"));
  CHECK(unknown[1].message.starts_with("skill 's19990': unknown prerequisite 'missing-19990'"));
  CHECK(unknown[0].line < unknown[1].line);
}

TEST_CASE("references split between two threads each land on their own skill") {
  const std::string skills = numbered_skills([](int i) {
    std::string list;
    for (int k = 1; k <= 4 && k <= i; ++k) {
      list += (k > 1 ? ", \"s" : "\"s") + std::to_string(i - k) + "\"";
    }
    return list;
  });
  const GraphLoadResult result = load_graph(graph_with(skills), "graph.json");
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  for (const SkillIndex s :
       {SkillIndex{5}, SkillIndex{9'999}, SkillIndex{10'001}, SkillIndex{19'999}}) {
    REQUIRE(g.requirement_count(s) == 4);
    for (std::size_t r = 0; r < 4; ++r) CHECK(g.requirement(s, r).options.front() == s - 1 - r);
  }
  REQUIRE(g.topological_order().size() == kManySkills);
}

TEST_CASE("the topological order of a graph large enough for two threads is Kahn's") {
  // 70,000 skills, each requiring skills after it in the file, every fifth an any_of group of
  // two of them too, so the order runs against the file's: the lists of who requires each skill are
  // built by two threads, half the requiring skills each. The order must be the one Kahn's
  // algorithm gives with the lists in file order, taken here one skill at a time.
  constexpr int kSkills = 70'000;
  const auto required = [](int i) {
    std::vector<int> list;
    for (const int step : {1, 13, 997}) {
      if (i + step < kSkills) list.push_back(i + step);
    }
    return list;
  };
  const std::string skills = numbered_skills(
      [&](int i) {
        std::string text;
        for (const int o : required(i)) {
          text += (text.empty() ? "\"s" : ", \"s") + std::to_string(o) + "\"";
        }
        const int far = i + 3 + (i * 31) % 500;
        if (i % 5 == 0 && far < kSkills) {
          text += std::string(text.empty() ? "" : ", ") + R"({"any_of": ["s)" +
                  std::to_string(i + 2) + R"(", "s)" + std::to_string(far) + R"("]})";
        }
        return text;
      },
      kSkills);
  const GraphLoadResult result = load_graph(graph_with(skills), "graph.json");
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  const std::size_t n = g.skill_count();
  std::vector<std::vector<SkillIndex>> needed_by(n);
  std::vector<std::uint32_t> waiting(n, 0);
  for (SkillIndex s = 0; s < n; ++s) {
    for (std::size_t r = 0; r < g.requirement_count(s); ++r) {
      for (const SkillIndex o : g.requirement(s, r).options) {
        needed_by[o].push_back(s);
        ++waiting[s];
      }
    }
  }
  std::vector<SkillIndex> expected;
  for (SkillIndex s = 0; s < n; ++s) {
    if (waiting[s] == 0) expected.push_back(s);
  }
  for (std::size_t head = 0; head < expected.size(); ++head) {
    for (const SkillIndex w : needed_by[expected[head]]) {
      if (--waiting[w] == 0) expected.push_back(w);
    }
  }
  REQUIRE(expected.size() == n);
  const auto order = g.topological_order();
  CHECK(std::equal(order.begin(), order.end(), expected.begin(), expected.end()));
}

namespace {

// Everything the loader builds for the skills, as text: two loads that read the same skills
// describe them the same way, however the work was divided.
std::string describe(const SkillGraph& g) {
  std::string out;
  for (SkillIndex s = 0; s < g.skill_count(); ++s) {
    const Skill& skill = g.skill(s);
    out += std::string(skill.id) + "|" + std::string(skill.name) + "|" +
           std::to_string(skill.hours) + "|" + std::string(g.category_of(s).id) + "|" +
           std::string(g.summary(s)) + "|" + std::string(g.milestone(s)) + "|";
    for (const std::string_view alias : g.aliases(s)) {
      out += std::string(alias) + (g.find_skill(alias) == s ? "," : " (lost),");
    }
    for (const Resource& r : g.resources(s)) {
      out += std::string(r.title) + " " + std::string(r.url) + " " + std::string(r.type) +
             (r.free ? " free;" : ";");
    }
    for (std::size_t r = 0; r < g.requirement_count(s); ++r) {
      const Requirement requirement = g.requirement(s, r);
      out += requirement.any_of ? " any[" : " [";
      for (const SkillIndex o : requirement.options) out += std::string(g.skill(o).id) + " ";
      out += std::string(requirement.why) + "]";
    }
    out += "\n";
  }
  for (const SkillIndex s : g.topological_order()) out += std::to_string(s) + " ";
  return out;
}

// 20,000 skills with every kind of content: aliases, resources, summaries, milestones, plain
// prerequisites, reasons and any_of groups, and a category defined after the skills. With
// `nested_lines`, each prerequisite object starts a line of its own, indented like a skill.
std::string rich_skills(bool nested_lines) {
  std::string skills;
  for (int i = 0; i < kManySkills; ++i) {
    const std::string id = "s" + std::to_string(i);
    if (i > 0) skills += ",\n";
    skills += R"({"id": ")" + id + R"(", "name": "Skill )" + std::to_string(i) +
              R"(", "category": ")" +
              (i % 3 == 0   ? "late"
               : i % 3 == 1 ? "ml"
                            : "math") +
              R"(", "hours": )" + std::to_string(1 + i % 50);
    if (i % 7 == 0) skills += R"(, "aliases": ["alias )" + id + R"(", "other )" + id + R"("])";
    if (i % 5 == 0) skills += R"(, "summary": "About \")" + id + R"(\"", "milestone": "Done")";
    if (i % 11 == 0) {
      skills += R"(, "resources": [{"title": "Book )" + id + R"(", "url": "https://example.org/)" +
                id + R"(", "type": "book", "free": )" + (i % 2 == 0 ? "true" : "false") + "}]";
    }
    skills += R"(, "prerequisites": [)";
    const std::string before = nested_lines ? "\n" : "";
    if (i >= 1) skills += "\"s" + std::to_string(i - 1) + "\"";
    if (i >= 3)
      skills +=
          "," + before + R"({"id": "s)" + std::to_string(i / 2) + R"(", "why": "w)" + id + R"("})";
    if (i >= 4) {
      skills += "," + before + R"({"any_of": ["s)" + std::to_string(i - 4) + R"(", "s)" +
                std::to_string(i / 3) + R"("], "why": "either"})";
    }
    skills += "]}";
  }
  return skills;
}

// The graph around `skills`, with the skills array opening on a line of its own (a large one
// is then read by two threads) or with its first element on the same line (read by one), and
// the categories before the skills or after them (each skill's category then waits for them).
std::string graph_around(const std::string& skills, bool first_on_own_line, bool categories_first) {
  const std::string categories =
      R"("categories": [{"id": "math", "name": "Math"}, {"id": "ml", "name": "ML"}, )"
      R"({"id": "late", "name": "Late"}])";
  std::string text = "{";
  if (categories_first) text += categories + ",\n";
  text += std::string("\"skills\": [") + (first_on_own_line ? "\n" : "") + skills + "],\n";
  if (!categories_first) text += categories + ",\n";
  return text + R"("roles": [{"id": "r", "name": "R", "skills": ["s19999"]}]})";
}

}  // namespace

TEST_CASE("a large skills array read by two threads gives the graph one reader gives") {
  for (const bool nested_lines : {false, true}) {
    for (const bool categories_first : {true, false}) {
      INFO("prerequisite objects on lines of their own: " << nested_lines);
      INFO("categories before the skills: " << categories_first);
      const std::string skills = rich_skills(nested_lines);
      const GraphLoadResult two =
          load_graph(graph_around(skills, true, categories_first), "graph.json");
      const GraphLoadResult one =
          load_graph(graph_around(skills, false, categories_first), "graph.json");
      for (const Diagnostic& d : two.diagnostics) INFO(format_diagnostic(d));
      REQUIRE(two.graph);
      REQUIRE(one.graph);
      CHECK(two.graph->skill_count() == kManySkills);
      CHECK(two.graph->find_skill("alias s19999") == SkillIndex{19'999});
      CHECK(two.graph->find_skill("alias s19998") == std::nullopt);
      CHECK(two.graph->find_skill("other s19992") == SkillIndex{19'992});
      CHECK(describe(*two.graph) == describe(*one.graph));
    }
  }
}

TEST_CASE("mistakes in the second half of a large skills array are reported as one reader would") {
  const std::string skills = numbered_skills(
      [](int i) { return i == 0 ? std::string() : "\"s" + std::to_string(i - 1) + "\""; });
  // Each mistake sits about three quarters down the array, where the second thread reads.
  const std::vector<std::pair<std::string, std::string>> mistakes = {
      {R"("name": "S15000")", R"("nmae": "S15000")"},  // unknown field, missing name
      {R"({"id": "s15001", )", "{"},                   // no id: named by its number
      {R"("prerequisites": ["s15001"]})", R"("prerequisites": ["s15001"],})"},  // syntax
      {R"("s15002"]})", R"("s15002"], "hours": 0})"},                           // out of range
      {R"(, "category": "ml", "prerequisites": ["s15004"])", R"(, "category": "ml")"},  // none
  };
  for (const auto& [from, to] : mistakes) {
    INFO("mistake: " << to);
    std::string changed = skills;
    const std::size_t at = changed.find(from);
    REQUIRE(at != std::string::npos);
    changed.replace(at, from.size(), to);
    const GraphLoadResult two = load_graph(graph_around(changed, true, true), "graph.json");
    const GraphLoadResult one = load_graph(graph_around(changed, false, true), "graph.json");
    REQUIRE(two.diagnostics.size() == one.diagnostics.size());
    for (std::size_t d = 0; d < two.diagnostics.size(); ++d) {
      INFO(format_diagnostic(two.diagnostics[d]));
      CHECK(two.diagnostics[d].message == one.diagnostics[d].message);
      CHECK(two.diagnostics[d].column == one.diagnostics[d].column);
      CHECK(two.diagnostics[d].line == one.diagnostics[d].line + 1);  // the added line break
    }
    CHECK(two.graph.has_value() == one.graph.has_value());
    if (two.graph) CHECK(describe(*two.graph) == describe(*one.graph));
  }
}

TEST_CASE("names of a graph large enough for two threads go in and clash as in file order") {
  // 70,000 skills: their names go into the table from two threads.
  constexpr int kSkills = 70'000;
  std::string skills = numbered_skills([](int) { return std::string(); }, kSkills);
  const auto skill_line = [](int i) {
    return R"({"id": "s)" + std::to_string(i) + R"(", "name": "S)" + std::to_string(i) +
           R"(", "category": "ml", "prerequisites": []})";
  };
  const auto with = [&](int i, const std::string& replacement) {
    std::string text = skills;
    const std::string line = skill_line(i);
    text.replace(text.find(line), line.size(), replacement);
    return graph_with(text);
  };
  SECTION("every id, name and alias finds its skill") {
    const GraphLoadResult result = load_graph(
        with(60'000,
             R"({"id": "s60000", "name": "S60000", "category": "ml", "aliases": ["sixty"]})"),
        "graph.json");
    REQUIRE(result.graph);
    const SkillGraph& g = *result.graph;
    int lost = 0;
    for (int i = 0; i < kSkills; ++i) {
      lost += g.find_skill("s" + std::to_string(i)) != SkillIndex(i);
      lost += g.find_skill("S" + std::to_string(i)) != SkillIndex(i);
    }
    CHECK(lost == 0);
    CHECK(g.find_skill("SIXTY") == SkillIndex{60'000});
    CHECK(g.find_skill("s70000") == std::nullopt);
  }
  SECTION("the later definition is the one reported, wherever the threads met them") {
    // Line 3 holds s0, so skill i is on line 3 + i.
    const GraphLoadResult id = load_graph(
        with(60'000, R"({"id": "s100", "name": "Other", "category": "ml"})"), "graph.json");
    REQUIRE(id.diagnostics.size() == 1);
    CHECK(id.diagnostics[0].line == 60'003);
    CHECK(id.diagnostics[0].message == "duplicate skill id 's100' (first defined at 103:8)");

    const GraphLoadResult name =
        load_graph(with(10, R"({"id": "s10", "name": "s65000", "category": "ml"})"), "graph.json");
    REQUIRE(name.diagnostics.size() == 1);
    CHECK(name.diagnostics[0].line == 65'003);
    CHECK(name.diagnostics[0].message == "skill id 's65000' is already the name of skill 's10'");

    const GraphLoadResult alias = load_graph(
        with(69'999, R"({"id": "s69999", "name": "S69999", "category": "ml", "aliases": ["S5"]})"),
        "graph.json");
    REQUIRE(alias.diagnostics.size() == 1);
    CHECK(alias.diagnostics[0].message ==
          "skill 's69999': alias 'S5' is already used by skill 's5'");
  }
}
