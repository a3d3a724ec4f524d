#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/spelling.hpp"
#include "step_table.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;
using mlroadmap::detail::StepTable;
using mlroadmap::detail::TableRow;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TableRow row(std::size_t number, std::string name, std::string hours, std::string last) {
  return TableRow{number, std::move(name), "", {std::move(hours)}, std::move(last)};
}

// A category and a role both spelled "ml", and a skill with that alias.
constexpr std::string_view kSharedNames = R"json({"schema_version": 2,
  "categories": [{"id": "ml", "name": "Machine learning"}, {"id": "dl", "name": "Deep learning"},
                 {"id": "ops", "name": "System design & production (MLOps)"}],
  "skills": [{"id": "basics", "name": "ML basics", "category": "ml", "aliases": ["ml"]},
             {"id": "nets", "name": "Neural networks", "category": "dl"},
             {"id": "serving", "name": "Serving", "category": "ops"}],
  "roles": [{"id": "engineer", "name": "Engineer", "skills": ["nets"]},
            {"id": "ops-role", "name": "Production", "skills": ["serving"]}]})json";

}  // namespace

TEST_CASE("step table: a row fits on one line, its columns lined up") {
  const std::vector<TableRow> rows = {row(1, "Python", "60 h", "Programming"),
                                      row(10, "Linear algebra", "5 h", "Math")};
  const StepTable table(rows, {80, false});
  const Painter plain(false);
  CHECK(table.render(rows[0], plain) == "   1. Python          60 h  Programming\n");
  CHECK(table.render(rows[1], plain) == "  10. Linear algebra   5 h  Math\n");
}

TEST_CASE("step table: a long name wraps inside its column, the last column is cut with an ellipsis") {
  const std::vector<TableRow> rows = {
      row(1, "Computer systems (memory, buffers, latency)", "30 h", "Programming & CS fundamentals")};
  const StepTable table(rows, {50, false});
  const auto lines = lines_of(table.render(rows[0], Painter(false)));
  REQUIRE(lines.size() > 1);
  for (const std::string& line : lines) CHECK(line.size() <= 50 + 2);  // "…" is 3 bytes, 1 column
  CHECK(lines[0].find("30 h") != std::string::npos);
  CHECK(lines[0].ends_with("…"));
  for (std::size_t k = 1; k < lines.size(); ++k) CHECK(lines[k].starts_with("     "));
}

TEST_CASE("step table: unwrapped, every row is one line whatever the width, nothing cut") {
  const std::vector<TableRow> rows = {
      row(1, "Computer systems (memory, buffers, latency)", "30 h", "Programming & CS fundamentals")};
  const StepTable table(rows, {20, true});
  const std::string text = table.render(rows[0], Painter(false));
  CHECK(lines_of(text).size() == 1);
  CHECK(text.find("Programming & CS fundamentals") != std::string::npos);
}

TEST_CASE("plan text: the summary before the pay, the goal marker beside its name") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, request(g, {"sql"}, {"numpy"}));
  TextStyle style;
  style.width = 80;
  const std::string text = render_plan_text(g, plan, style);
  CHECK(text.find("NumPy (goal)") != std::string::npos);
  CHECK(text.find("after:") == std::string::npos);
  style.waits = true;
  CHECK(render_plan_text(g, plan, style).find("after: ") != std::string::npos);
  style.quiet = true;
  for (const std::string& line : lines_of(render_plan_text(g, plan, style))) {
    CHECK_FALSE(line.starts_with("       "));  // no continuation lines
  }
}

TEST_CASE("categories: by id, by name, or by a word of the name, in any case") {
  const SkillGraph g = graph_of(kSharedNames);
  const auto id = [&](std::string_view name) {
    const auto found = resolve_category(g, name);
    return found ? std::string(g.categories()[*found].id) : "error: " + found.error();
  };
  CHECK(id("dl") == "dl");
  CHECK(id("deep LEARNING") == "dl");
  CHECK(id("mlops") == "ops");
  CHECK(id("Production") == "ops");
  CHECK(id("learning") ==
        "error: category 'learning' is ambiguous: it is a word of 'ml' (Machine learning), 'dl' "
        "(Deep learning); give one of their ids");
  CHECK(id("lerning").starts_with("error: unknown category 'lerning'"));
}

TEST_CASE("show: a skill first, then a role, then a category") {
  const SkillGraph g = graph_of(kSharedNames);
  const auto kind = [&](std::string_view name) {
    const auto found = resolve_subject(g, name);
    if (!found) return "error: " + found.error();
    switch (found->kind) {
      case Subject::Kind::skill: return "skill " + std::string(g.skill(found->index).id);
      case Subject::Kind::role: return "role " + std::string(g.roles()[found->index].id);
      case Subject::Kind::category: break;
    }
    return "category " + std::string(g.categories()[found->index].id);
  };
  CHECK(kind("ml") == "skill basics");           // an alias, though a category has that id
  CHECK(kind("production") == "role ops-role");  // a role's name before a category's word
  CHECK(kind("mlops") == "category ops");
  CHECK(kind("engineer") == "role engineer");
  CHECK(kind("learning").starts_with("error: category 'learning' is ambiguous"));
  CHECK(kind("Servng") ==
        "error: unknown skill, role or category 'Servng' (did you mean 'serving'?)");
}

TEST_CASE("did you mean names each thing once, by its closest spelling") {
  const std::vector<Spelling> spellings = {
      {"python", 0}, {"Python", 0}, {"python3", 0}, {"ipython", 1}, {"pythonic", 2}};
  CHECK(closest_matches("pythn", spellings) == std::vector<std::string_view>{"python"});
  CHECK(closest_matches("python4", spellings) ==
        std::vector<std::string_view>{"python", "ipython", "pythonic"});
}
