#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

SkillGraph load(std::string_view text) { return testing::graph_of(text, "g.json"); }

const char* const kHostile = R"j({"categories": [{"id": "c", "name": "C | <b>x</b>"}], "skills": [
  {"id": "a", "name": "A *bold* [link](https://evil.example) <script>", "category": "c", "hours": 2,
   "summary": "line one\nline two &amp; ![img](x)", "milestone": "`code` | cell",
   "resources": [{"title": "T]", "url": "https://x.example/a b)c", "type": "docs"}]},
  {"id": "b", "name": "B\u001b[31mred", "category": "c", "hours": 1.5, "prerequisites": [{"id": "a", "why": "needs \"a\""}]}
]})j";

}  // namespace

TEST_CASE("markdown escapes text that comes from the graph") {
  const SkillGraph g = load(kHostile);
  const std::string md = render_plan_markdown(g, make_plan(g, {}));
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("A \\*bold\\* \\[link\\](https://evil.example) \\<script\\>") != std::string::npos);
  CHECK(md.find("line one line two \\&amp; \\!\\[img\\](x)") != std::string::npos);
  CHECK(md.find("\\`code\\` \\| cell") != std::string::npos);
  CHECK(md.find("[T\\]](<https://x.example/a%20b%29c>) (docs)") != std::string::npos);
  CHECK(md.find("C \\| \\<b\\>x\\</b\\>") != std::string::npos);
}

TEST_CASE("markdown is a task list by stage") {
  const SkillGraph g = load(kHostile);
  const std::string md = render_plan_markdown(g, make_plan(g, {}));
  CHECK(md.find("## Stage 1: start now\n") != std::string::npos);
  CHECK(md.find("## Stage 2\n") != std::string::npos);
  CHECK(md.find("- [ ] **B \\[31mred** (C \\| \\<b\\>x\\</b\\>, 1.5 h)") != std::string::npos);
  CHECK(md.find("  - Why: a goal in itself\n") != std::string::npos);
  CHECK(md.find("  - Why: a goal in itself; needed for [B \\[31mred](#skill-b) (needs \"a\")\n") !=
        std::string::npos);
  CHECK(md.find("## Contents\n\n- [Stage 1: start now](#stage-1-start-now): 1 skill, 2 hours\n") !=
        std::string::npos);
  CHECK(md.find("```mermaid\nflowchart LR\n") != std::string::npos);
  CHECK(md.find("  - Waits for: [A \\*bold\\*") != std::string::npos);
  CHECK(md.find("1.5 h) <!-- skill: b --> <a id=\"skill-b\"></a>\n") != std::string::npos);
}

TEST_CASE("text output drops control characters and colours only when asked") {
  const SkillGraph g = load(kHostile);
  const Plan plan = make_plan(g, {});
  const std::string plain = render_plan_text(g, plan, {false, 80});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("B [31mred") != std::string::npos);
  const std::string colored = render_plan_text(g, plan, {true, 80});
  CHECK(colored.find("\x1b[1m") != std::string::npos);
}

TEST_CASE("json output parses and carries the plan") {
  const SkillGraph g = load(kHostile);
  PlanRequest r;
  r.hours_per_week = 1;
  const auto doc = nlohmann::json::parse(render_plan_json(g, make_plan(g, r)));
  CHECK(doc["schema_version"] == 2);
  CHECK(doc["totals"]["hours"] == 3.5);
  CHECK(doc["totals"]["weeks"] == 4);
  REQUIRE(doc["steps"].size() == 2);
  CHECK(doc["steps"][1]["name"] == "B\x1b[31mred");
  CHECK(doc["steps"][1]["waits_for"][0]["why"] == "needs \"a\"");
  CHECK(doc["steps"][1]["weeks"]["first"] == 3);
  CHECK(doc["steps"][1]["weeks"]["last"] == 4);
  CHECK(doc["steps"][0]["unlocks"][0]["id"] == "b");
  CHECK_FALSE(doc["steps"][0]["unlocks"][0].contains("kind"));
  CHECK(doc["steps"][0]["kind"] == "skill");
}

TEST_CASE("weeks are written as one week, a span, or the days they cover") {
  Plan plan;
  CHECK(weeks_text(plan, {3, 3}) == "week 3");
  CHECK(weeks_text(plan, {1, 4}) == "weeks 1-4");
  plan.start = CalendarDate{2027, 1, 4};
  CHECK(weeks_text(plan, {1, 1}) == "2027-01-04 to 2027-01-10");
  CHECK(weeks_text(plan, {2, 3}) == "2027-01-11 to 2027-01-24");
}

TEST_CASE("the first stage is the one to start now") {
  CHECK(stage_title(1) == "Stage 1: start now");
  CHECK(stage_title(12) == "Stage 12");
}
