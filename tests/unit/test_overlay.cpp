// Overlays: a graph that extends another, merged by id. Each rule of the format (add, patch,
// null, list edits, removal and what it drops, the default role, chains) and each error, with
// the file and line every message names.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "graphs.hpp"
#include "mlroadmap/overlay.hpp"
#include "mlroadmap/render.hpp"
#include "overlay_in_load.hpp"

using namespace mlroadmap;

namespace {

constexpr std::string_view kBase = R"({"schema_version": 2,
"categories": [{"id": "p", "name": "Programming"}, {"id": "m", "name": "Math"}],
"skills": [
  {"id": "python", "name": "Python", "category": "p", "hours": 80, "summary": "A language."},
  {"id": "r", "name": "R", "category": "p", "hours": 50},
  {"id": "stats", "name": "Statistics", "category": "m", "hours": 40,
   "prerequisites": [{"any_of": ["python", "r"], "default": "r"}]},
  {"id": "plots", "name": "Plots", "category": "p", "hours": 10,
   "prerequisites": ["r"], "recommended": ["stats"]}
],
"roles": [
  {"id": "analyst", "name": "Analyst", "skills": ["stats", "plots"], "default": true,
   "salary": {"currency": "USD", "region": "US"}},
  {"id": "lead", "name": "Lead", "skills": ["plots"], "grows_into": ["analyst"]}
]}
)";

// A directory of graph files for one test, removed after it.
class Files {
 public:
  Files() {
    dir_ = std::filesystem::temp_directory_path() /
           ("mlroadmap-overlay-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
    std::filesystem::create_directories(dir_);
    write("base.json", kBase);
  }
  ~Files() { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, std::string_view text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  static inline int count_ = 0;
  std::filesystem::path dir_;
};

// An overlay of base.json with the given lists, as a file.
std::string overlay(std::string_view body) {
  return "{\"extends\": \"base.json\", \"schema_version\": 2,\n" + std::string(body) + "}\n";
}

std::string messages(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += format_diagnostic(d) + "\n";
  return text;
}

GraphLoadResult load(Files& files, std::string_view body, bool lint = false) {
  const std::string path = files.write("overlay.json", overlay(body));
  LoadOptions options;
  options.lint = lint;
  return load_graph_file(path, options);
}

std::string merged(Files& files, std::string_view body) {
  const MergedGraph result = merge_graph_file(files.write("overlay.json", overlay(body)));
  INFO(messages(result.diagnostics));
  REQUIRE_FALSE(has_errors(result.diagnostics));
  return result.text;
}

}  // namespace

TEST_CASE("an overlay adds items after the base's, in its own order") {
  Files files;
  const auto result = load(files, R"("categories": [{"id": "x", "name": "Extra"}],
"skills": [{"id": "z", "name": "Z", "category": "x", "hours": 3},
           {"id": "a", "name": "A", "category": "x", "prerequisites": ["z"]}])");
  INFO(messages(result.diagnostics));
  REQUIRE(result.graph);
  const SkillGraph& g = *result.graph;
  REQUIRE(g.skill_count() == 6);
  CHECK(g.skill(4).id == "z");
  CHECK(g.skill(5).id == "a");
}

TEST_CASE("a patch changes the fields it gives in place: null deletes one") {
  Files files;
  const std::string text = merged(files, R"("skills": [{"id": "PYTHON", "hours": 60, "summary": null,
  "milestone": "Write a script."}])");
  CHECK(text.find(R"({"id": "python", "name": "Python", "category": "p", "hours": 60, "milestone": "Write a script."})") !=
        std::string::npos);
  const SkillGraph g = testing::graph_of(text);
  CHECK(g.skill(0).id == "python");
  CHECK(g.skill(0).hours == 60);
  CHECK(g.summary(0).empty());
}

TEST_CASE("objects merge field by field, as RFC 7396 says") {
  Files files;
  const std::string text = merged(files, R"("roles": [{"id": "analyst",
  "salary": {"region": "EU", "note": "varies"}}])");
  CHECK(text.find(R"("salary": {"currency": "USD", "region": "EU", "note": "varies"})") !=
        std::string::npos);
}

TEST_CASE("a given list replaces the base's: add_ and remove_ edit it in place") {
  Files files;
  CHECK(merged(files, R"("skills": [{"id": "plots", "prerequisites": ["python"]}])")
            .find(R"("prerequisites": ["python"], "recommended")") != std::string::npos);
  const std::string edited = merged(files, R"("skills": [
    {"id": "plots", "add_prerequisites": ["python"], "remove_prerequisites": ["r"],
     "remove_recommended": ["stats"], "add_recommended": ["python"]},
    {"id": "python", "add_prerequisites": [{"id": "r", "why": "first"}]}],
  "roles": [{"id": "lead", "add_skills": ["stats"], "remove_skills": ["plots"]}])");
  CHECK(edited.find(R"("prerequisites": ["python"], "recommended": ["python"])") !=
        std::string::npos);
  CHECK(edited.find(R"("summary": "A language.", "prerequisites": [{"id": "r", "why": "first"}])") !=
        std::string::npos);
  CHECK(edited.find(R"("skills": ["stats"], "grows_into")") != std::string::npos);
}

TEST_CASE("editing a list that is also given whole is an error in the overlay") {
  Files files;
  const auto result = load(files, R"("skills": [
  {"id": "plots", "prerequisites": [], "add_prerequisites": ["python"]}])");
  CHECK_FALSE(result.graph);
  CHECK_THAT(messages(result.diagnostics),
             Catch::Contains("overlay.json:3:40: error: skill 'plots': 'prerequisites' replaces "
                             "the list, so it cannot also be edited with 'add_prerequisites'"));
}

TEST_CASE("removing what a list does not hold is a warning") {
  Files files;
  const auto result = load(files, R"("skills": [{"id": "plots", "remove_prerequisites": ["sql"]}])");
  REQUIRE(result.graph);
  CHECK_THAT(messages(result.diagnostics),
             Catch::Contains("overlay.json:2:53: warning: skill 'plots': 'sql' is not in its "
                             "prerequisites, so there is nothing to remove"));
}

TEST_CASE("removing a skill drops every reference to it, each drop a warning naming both places") {
  Files files;
  const auto result = load(files, R"("skills": [{"id": "r", "remove": true}])", true);
  INFO(messages(result.diagnostics));
  REQUIRE(result.graph);
  const std::string text = messages(result.diagnostics);
  const std::string removal = files.path("overlay.json") + ":2:24";
  CHECK_THAT(text, Catch::Contains(files.path("base.json") +
                                   ":7:44: warning: skill 'stats': 'r' dropped from an any_of "
                                   "group, as skill 'r' is removed at " + removal));
  CHECK_THAT(text, Catch::Contains(":7:61: warning: skill 'stats': the any_of group's default "
                                   "'r' dropped"));
  CHECK_THAT(text, Catch::Contains(":9:22: warning: skill 'plots': prerequisite 'r' dropped, as "
                                   "skill 'r' is removed at " + removal));
  CHECK(result.graph->skill_count() == 3);
  // Without linting the drops are made quietly.
  CHECK(load(files, R"("skills": [{"id": "r", "remove": true}])").diagnostics.empty());
}

TEST_CASE("a reference spelt with escapes is dropped as the plain one is") {
  Files files;
  std::string base(kBase);
  const std::string plain = R"("prerequisites": ["r"], "recommended")";
  base.replace(base.find(plain), plain.size(), R"("prerequisites": ["\u0052"], "recommended")");
  files.write("base.json", base);
  const auto result = load(files, R"("skills": [{"id": "r", "remove": true}])", true);
  INFO(messages(result.diagnostics));
  REQUIRE(result.graph);
  CHECK_THAT(messages(result.diagnostics),
             Catch::Contains("warning: skill 'plots': prerequisite 'R' dropped, as skill 'R' is "
                             "removed at "));
}

TEST_CASE("only what names a skill is dropped: a summary or resource that spells one stays") {
  Files files;
  std::string base(kBase);
  const std::string plain = R"("summary": "A language.")";
  base.replace(base.find(plain), plain.size(),
               R"("summary": "r", "resources": [{"title": "R", "url": "https://r.example/"}])");
  files.write("base.json", base);
  const auto result = load(files, R"("skills": [{"id": "r", "remove": true}])", true);
  INFO(messages(result.diagnostics));
  REQUIRE(result.graph);
  CHECK(messages(result.diagnostics).find("skill 'python'") == std::string::npos);
  const auto python = result.graph->find_skill("python");
  REQUIRE(python);
  CHECK(result.graph->summary(*python) == "r");
  CHECK(result.graph->resources(*python).size() == 1);
}

TEST_CASE("an any_of group left empty by removals is an error naming each removal") {
  Files files;
  const auto result =
      load(files, R"("skills": [{"id": "r", "remove": true}, {"id": "python", "remove": true}])");
  CHECK_FALSE(result.graph);
  CHECK_THAT(messages(result.diagnostics),
             Catch::Contains("base.json:7:22: error: skill 'stats': an any_of group is left "
                             "empty: 'python' dropped from an any_of group, as skill 'python' is "
                             "removed at "));
}

TEST_CASE("removing a role drops it from grows_into: a category still in use cannot go") {
  Files files;
  const auto roles = load(files, R"("roles": [{"id": "analyst", "remove": true}])", true);
  REQUIRE(roles.graph);
  CHECK(roles.graph->roles().size() == 1);
  CHECK_THAT(messages(roles.diagnostics),
             Catch::Contains("role 'lead': 'grows_into' role 'analyst' dropped"));
  const auto category = load(files, R"("categories": [{"id": "m", "remove": true}])");
  CHECK_FALSE(category.graph);
  CHECK_THAT(messages(category.diagnostics),
             Catch::Contains("base.json:6:53: error: skill 'stats' is in category 'm', but "
                             "category 'm' is removed at "));
}

TEST_CASE("an overlay's default role replaces the base's: two in one file are an error") {
  Files files;
  const auto moved = load(files, R"("roles": [{"id": "lead", "default": true}])");
  REQUIRE(moved.graph);
  CHECK(moved.graph->role(*moved.graph->default_role()).id == "lead");
  const auto added = load(files, R"("roles": [{"id": "new", "name": "New", "skills": ["r"],
  "default": true}])");
  REQUIRE(added.graph);
  CHECK(added.graph->role(*added.graph->default_role()).id == "new");
  const auto two = load(files, R"("roles": [{"id": "lead", "default": true},
  {"id": "analyst", "default": true}])");
  CHECK_FALSE(two.graph);
  CHECK_THAT(messages(two.diagnostics),
             Catch::Contains("overlay.json:3:32: error: role 'analyst': more than one default "
                             "role in this file ('lead' is the default at "));
}

TEST_CASE("an unknown id cannot be patched, edited or removed: did you mean") {
  Files files;
  const auto patch = load(files, R"("skills": [{"id": "pyton", "hours": 3}])");
  CHECK_FALSE(patch.graph);
  CHECK_THAT(messages(patch.diagnostics),
             Catch::Contains("overlay.json:2:19: error: skill 'pyton' is new here (the graph it "
                             "extends has no skill 'pyton' (did you mean 'python'?)), so it needs "
                             "'name' and 'category'"));
  const auto remove = load(files, R"("roles": [{"id": "analyst2", "remove": true}])");
  CHECK_THAT(messages(remove.diagnostics),
             Catch::Contains("role 'analyst2': 'remove' changes a role of the graph it extends"));
  const auto removed_with_fields = load(files, R"("skills": [{"id": "r", "remove": true, "hours": 2}])");
  CHECK_THAT(messages(removed_with_fields.diagnostics),
             Catch::Contains("skill 'r' is removed, so it takes no other field ('hours')"));
  const auto twice = load(files, R"("skills": [{"id": "r", "hours": 2}, {"id": "R", "hours": 3}])");
  CHECK_THAT(messages(twice.diagnostics), Catch::Contains("skill 'R' is given twice in this file"));
}

TEST_CASE("the loader's messages about merged text name the file that wrote it") {
  Files files;
  const auto result = load(files, R"("skills": [{"id": "python", "hours": -1}])");
  CHECK_FALSE(result.graph);
  CHECK_THAT(messages(result.diagnostics),
             Catch::Contains("overlay.json:2:38: error: skill 'python': 'hours' must be more "
                             "than 0"));
  const auto duplicate = load(files, R"("categories": [{"id": "q", "name": "Programming"},
  {"id": "x", "name": "X"}], "skills": [{"id": "n", "name": "Python", "category": "x"}])");
  CHECK_THAT(messages(duplicate.diagnostics),
             Catch::Contains("overlay.json:3:48: error: skill 'n': name 'Python' is already "
                             "used by skill 'python'"));
}

TEST_CASE("extends: builtin, chains, loops, missing bases and the version") {
  Files files;
  const auto builtin = load_graph(R"({"extends": "builtin", "schema_version": 2,
    "skills": [{"id": "python", "hours": 1}]})", "company.json");
  REQUIRE(builtin.graph);
  CHECK(builtin.graph->skill(*builtin.graph->find_skill("python")).hours == 1);

  files.write("team.json", R"({"extends": "overlay.json", "schema_version": 2,
  "skills": [{"id": "r", "hours": 7}]})");
  files.write("overlay.json", overlay(R"("skills": [{"id": "r", "hours": 5}, {"id": "python", "hours": 6}])"));
  const auto chain = load_graph_file(files.path("team.json"));
  REQUIRE(chain.graph);
  CHECK(chain.graph->skill(1).hours == 7);
  CHECK(chain.graph->skill(0).hours == 6);

  files.write("a.json", R"({"extends": "b.json", "schema_version": 2})");
  files.write("b.json", R"({"extends": "./a.json", "schema_version": 2})");
  CHECK_THAT(messages(load_graph_file(files.path("a.json")).diagnostics),
             Catch::Contains("b.json:1:13: error: 'extends' makes a loop: "));

  files.write("c.json", R"({"extends": "missing.json", "schema_version": 2})");
  CHECK_THAT(messages(load_graph_file(files.path("c.json")).diagnostics),
             Catch::Contains("c.json:1:13: error: the graph it extends cannot be read: cannot "
                             "open '"));

  CHECK_THAT(messages(load_graph(R"({"extends": "builtin"})", "v.json").diagnostics),
             Catch::Contains("v.json:1:1: error: a graph that extends another needs "
                             "\"schema_version\": 2"));
}

TEST_CASE("merge gives one graph without extends that loads to the same plans") {
  Files files;
  const std::string body = R"("skills": [{"id": "r", "remove": true},
  {"id": "sql", "name": "SQL", "category": "p", "hours": 20}],
  "roles": [{"id": "analyst", "add_skills": ["sql"]}])";
  const std::string text = merged(files, body);
  CHECK(text.find("extends") == std::string::npos);
  const auto overlaid = load(files, body);
  REQUIRE(overlaid.graph);
  const SkillGraph again = testing::graph_of(text);
  const Plan a = make_plan(*overlaid.graph, PlanRequest{});
  const Plan b = make_plan(again, PlanRequest{});
  REQUIRE(a.steps.size() == b.steps.size());
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    CHECK(overlaid.graph->skill(a.steps[i].skill).id == again.skill(b.steps[i].skill).id);
  }
  // A graph that extends nothing is its own merge.
  CHECK(merge_graph(kBase, "base.json").text == kBase);
}

namespace {

// Everything a graph holds, as text: two graphs with the same are the same graph.
std::string everything(const SkillGraph& graph) {
  std::string text = render_graph_json(graph) + render_skills_json(graph, std::nullopt) +
                     render_categories_json(graph);
  text += graph.default_role() ? std::string(graph.roles()[*graph.default_role()].id) : "-";
  for (RoleIndex r = 0; r < graph.roles().size(); ++r) {
    const Role& role = graph.roles()[r];
    text += fmt::format("\n{} {} {} {} {}:", role.id, role.name, role.summary, role.is_default,
                        role.salary ? role.salary->currency : "");
    for (const SkillIndex s : role.targets) text += fmt::format(" {}", graph.skill(s).id);
    PlanRequest request;
    request.goals.push_back(Goal{Goal::Kind::role, r});
    text += "\n" + render_plan_ids(graph, make_plan(graph, request));
  }
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) text += render_skill_json(graph, s);
  return text;
}

}  // namespace

TEST_CASE("an overlay laid over its base as it is read gives the graph the merge on text gives") {
  Files files;
  const std::vector<std::string> bodies = {
      R"("skills": [{"id": "python", "hours": 90, "summary": null}])",
      R"("skills": [{"id": "r", "remove": true}, {"id": "sql", "name": "SQL", "category": "p",
                     "hours": 20, "prerequisites": ["R", "python"]}],
         "roles": [{"id": "analyst", "add_skills": ["sql"], "remove_skills": ["plots"]}])",
      R"("skills": [{"id": "PLOTS", "add_prerequisites": ["python"], "remove_prerequisites": ["r"],
                     "recommended": []}])",
      R"("categories": [{"id": "m", "name": "Maths"}, {"id": "x", "name": "Extra"}],
         "skills": [{"id": "calc", "name": "Calculus", "category": "x",
                     "prerequisites": [{"any_of": ["r", "python"], "default": "python"}]}],
         "roles": [{"id": "lead", "default": true, "salary": {"region": "EU"}},
                   {"id": "new", "name": "New", "skills": ["calc"], "builds_on": ["lead"]}])",
      R"("skills": [{"id": "python", "remove": true}],
         "roles": [{"id": "lead", "remove": true}])",
      R"("title": "Company graph", "version": "7", "description": null,
         "skills": [{"id": "r", "hours": 45}])",
  };
  for (const std::string& body : bodies) {
    INFO(body);
    const std::string path = files.write("overlay.json", overlay(body));
    const std::string text = overlay(body);
    const auto in_one_read = detail::load_overlay_in_one_read(
        text, path, LoadOptions{}, detail::SourceFile{"<built-in graph>", builtin_graph_text()});
    LoadOptions lint;
    lint.lint = true;  // which always merges on text, to say what it drops
    const GraphLoadResult merged = load_graph_file(path, lint);
    INFO(messages(merged.diagnostics));
    REQUIRE(merged.graph);
    REQUIRE(in_one_read);
    CHECK(everything(*in_one_read) == everything(*merged.graph));
    const GraphLoadResult loaded = load_graph_file(path);
    REQUIRE(loaded.graph);
    CHECK(everything(*loaded.graph) == everything(*merged.graph));
  }
}

TEST_CASE("what only the merge on text can say, it says: the read declines") {
  Files files;
  const std::vector<std::string> bodies = {
      R"("owner": "Company")",                                    // not a field of graphs
      R"("skills": [{"id": "nope", "remove": true}])",                    // unknown id
      R"("skills": [{"id": "python", "hours": 1}, {"id": "PYTHON", "hours": 2}])",  // twice
      R"("skills": [{"id": "plots", "remove_prerequisites": ["python"]}])",  // not in the list
      R"("skills": [{"id": "python", "remove": true}, {"id": "r", "remove": true}])",  // empty any_of
      R"("categories": [{"id": "m", "remove": true}])",                   // still in use
  };
  for (const std::string& body : bodies) {
    INFO(body);
    const std::string path = files.write("overlay.json", overlay(body));
    CHECK_FALSE(detail::load_overlay_in_one_read(overlay(body), path, LoadOptions{},
                                                 detail::SourceFile{"<built-in graph>", {}}));
    // The load still says what is wrong, or gives the graph, as the merge on text does.
    const GraphLoadResult loaded = load_graph_file(path);
    LoadOptions lint;
    lint.lint = true;
    const GraphLoadResult merged = load_graph_file(path, lint);
    CHECK(loaded.graph.has_value() == merged.graph.has_value());
    if (loaded.graph && merged.graph) CHECK(everything(*loaded.graph) == everything(*merged.graph));
  }
}
