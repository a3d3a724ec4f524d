#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <regex>
#include <set>
#include <string>

#include "diagram.hpp"
#include "graphs.hpp"
#include "markdown_maps.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

// `roots` skills anyone can start, then `wide` skills that each wait for `per` of them (a
// second stage of `wide` skills), under one goal role.
std::string wide_graph(int roots, int wide, int per) {
  std::string skills;
  for (int r = 0; r < roots; ++r) {
    skills += fmt::format(R"({{"id": "r{}", "name": "Root {}", "category": "c", "hours": 1}},)", r, r);
  }
  std::string goal;
  for (int w = 0; w < wide; ++w) {
    std::string needs;
    for (int k = 0; k < per; ++k) needs += fmt::format("{}\"r{}\"", k ? ", " : "", (w + k) % roots);
    skills += fmt::format(
        R"({{"id": "w{}", "name": "Wide {}", "category": "c", "hours": 2, "prerequisites": [{}]}},)",
        w, w, needs);
    goal += fmt::format("{}\"w{}\"", w ? ", " : "", w);
  }
  skills.pop_back();
  return fmt::format(R"({{"categories": [{{"id": "c", "name": "C"}}], "skills": [{}],
    "roles": [{{"id": "goal", "name": "Goal", "skills": [{}], "default": true}}]}})",
                     skills, goal);
}

// A chain of `n` skills, each waiting for the one before: `n` stages.
std::string chain_graph(int n) {
  std::string skills;
  for (int i = 0; i < n; ++i) {
    const std::string needs = i == 0 ? "" : fmt::format(R"(, "prerequisites": ["k{}"])", i - 1);
    skills += fmt::format(R"({{"id": "k{}", "name": "K{}", "category": "c", "hours": 1{}}},)", i,
                          i, needs);
  }
  skills.pop_back();
  return fmt::format(R"({{"categories": [{{"id": "c", "name": "C"}}], "skills": [{}],
    "roles": [{{"id": "goal", "name": "Goal", "skills": ["k{}"], "default": true}}]}})",
                     skills, n - 1);
}

// The Mermaid blocks of a Markdown document.
std::vector<std::string> mermaid_blocks(const std::string& md) {
  std::vector<std::string> blocks;
  for (std::size_t at = md.find("```mermaid\n"); at != std::string::npos;
       at = md.find("```mermaid\n", at + 1)) {
    const std::size_t begin = at + 11;
    blocks.push_back(md.substr(begin, md.find("```\n", begin) - begin));
  }
  return blocks;
}

std::size_t boxes(const std::string& block) {
  static const std::regex box(R"(\n +[st]\d+\[")");
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(block.begin(), block.end(), box), std::sregex_iterator()));
}

std::size_t arrows(const std::string& block) {
  static const std::regex arrow(R"(\n +s\d+ (-->|-\.->|-- or -->) s\d+)");
  return static_cast<std::size_t>(std::distance(
      std::sregex_iterator(block.begin(), block.end(), arrow), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("a stage too large for one map is drawn in parts of at most 60 boxes") {
  const SkillGraph g = graph_of(wide_graph(30, 150, 3));
  const Plan plan = make_plan(g, {});
  const auto stages = stage_totals(plan);
  REQUIRE(stages.size() == 2);
  const auto parts = detail::split_stage(plan, stages[1]);
  CHECK(parts.size() > 2);
  std::size_t next = stages[1].first_step;
  for (const detail::MapPart& part : parts) {
    CHECK(part.first == next);  // the parts cover the stage in order, each step once
    next = part.last;
    CHECK(part.last - part.first + part.context.size() <= detail::kMaxMapNodes);
    CHECK(part.context_left_out == 0);
    for (const std::uint32_t s : part.context) CHECK(plan.steps[s].stage == 1);
  }
  CHECK(next == stages[1].first_step + stages[1].steps);

  const std::string md = render_plan_markdown(g, plan);
  const auto blocks = mermaid_blocks(md);
  REQUIRE(blocks.size() == 1 + parts.size());  // the overview; stage 1 has no map
  for (const std::string& block : blocks) {
    CHECK(boxes(block) <= detail::kMaxMapNodes);
    CHECK(arrows(block) <= detail::kMaxMapEdges);
  }
  CHECK(md.find(fmt::format("The map of this stage is drawn in {} parts", parts.size())) !=
        std::string::npos);
  CHECK(md.find("Part 1 of ") != std::string::npos);
  CHECK(md.find("subgraph g0[\"From earlier stages\"]") != std::string::npos);
  CHECK(md.find("None of these skills waits for another, so this stage needs no map.") !=
        std::string::npos);
  // Every arrow into a part is drawn: 3 for each skill of the stage.
  std::size_t drawn = 0;
  for (std::size_t b = 1; b < blocks.size(); ++b) drawn += arrows(blocks[b]);
  CHECK(drawn == 150 * 3);
}

TEST_CASE("a skill waiting for more than fits draws what fits and says how many are left out") {
  const SkillGraph g = graph_of(wide_graph(100, 1, 100));
  const Plan plan = make_plan(g, {});
  const auto parts = detail::split_stage(plan, stage_totals(plan)[1]);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].context.size() == detail::kMaxMapNodes - 1);
  CHECK(parts[0].context_left_out == 100 - (detail::kMaxMapNodes - 1));
  const std::string md = render_plan_markdown(g, plan);
  CHECK(md.find("41 skills from earlier stages that these wait for are not drawn") !=
        std::string::npos);
}

TEST_CASE("the overview draws the stages as a chain, in ranges when there are over 60") {
  const SkillGraph few = graph_of(chain_graph(3));
  const std::string small = render_plan_markdown(few, make_plan(few, {}));
  CHECK(small.find("flowchart TB\n  t1[\"Stage 1: start now \xc2\xb7 1 skill, 1 hour\"]\n"
                   "  t2[\"Stage 2 \xc2\xb7 1 skill, 1 hour\"]\n"
                   "  t3[\"Stage 3 \xc2\xb7 1 skill, 1 hour\"]\n  t1 --> t2\n  t2 --> t3\n") !=
        std::string::npos);

  const SkillGraph many = graph_of(chain_graph(130));
  const Plan plan = make_plan(many, {});
  REQUIRE(plan.stage_count == 130);
  const std::string overview = detail::stage_overview_mermaid(stage_totals(plan));
  CHECK(boxes(overview) == 44);  // 3 stages a box
  CHECK(overview.find("t1[\"Stages 1-3 \xc2\xb7 3 skills, 3 hours\"]") != std::string::npos);
  CHECK(overview.find("t44[\"Stage 130 \xc2\xb7 1 skill, 1 hour\"]") != std::string::npos);
}

TEST_CASE("Mermaid labels use the codes Mermaid decodes, and DOT what Graphviz reads") {
  using detail::mermaid_label;
  CHECK(mermaid_label("Experiment tracking (MLflow, W&B)") == "Experiment tracking (MLflow, W&B)");
  CHECK(mermaid_label("Career & practice") == "Career & practice");
  CHECK(mermaid_label("AT&T R&D &amp; &#60;") == "AT&T R&D #38;amp; #38;#35;60;");
  CHECK(mermaid_label("W&notes &copy2026 x&y;") == "W#38;notes #38;copy2026 x#38;y;");
  CHECK(mermaid_label("say \"hi\" <b>") == "say #quot;hi#quot; #lt;b#gt;");
  CHECK(mermaid_label("C# #amp;") == "C#35; #35;amp;");
  CHECK(mermaid_label("back\\slash `x`") == "back#92;slash #96;x#96;");
  CHECK(mermaid_label("$5 and $$x$$") == "$5 and #36;#36;x#36;#36;");
  CHECK(mermaid_label("one\ntwo\tthree") == "one \xc2\xb7 two three");
  CHECK(mermaid_label("Zürich 日本語") == "Zürich 日本語");

  const SkillGraph g = graph_of(R"({"categories": [{"id": "c", "name": "A & B"}], "skills": [
    {"id": "a", "name": "x \"q\" \\ &amp; <i>", "category": "c"}]})");
  const std::string dot = render_graph_dot(g);
  CHECK(dot.find(R"(    "a" [label="x \"q\" \\ &amp;amp; <i>"];)") != std::string::npos);
  CHECK(dot.find(R"(label="A &amp; B";)") != std::string::npos);
}

TEST_CASE("the document ends with how to make it again and the versions") {
  const SkillGraph g = graph_of(R"({"title": "T <x>", "version": "2026.12",
    "categories": [{"id": "c", "name": "C"}], "skills": [{"id": "a", "name": "A", "category": "c"}]})");
  DocumentOrigin origin;
  origin.command = "mlroadmap plan --have a --format markdown";
  origin.notes.push_back("The profile <p>.json shaped the plan too");
  const std::string md = render_plan_markdown(g, make_plan(g, {}), origin);
  CHECK(md.find("\n## About this document\n\nMade again with:\n\n```sh\n"
                "mlroadmap plan --have a --format markdown\n```\n\n"
                "- The profile \\<p\\>.json shaped the plan too\n- Program: mlroadmap ") !=
        std::string::npos);
  CHECK(md.ends_with("\n- Graph: T \\<x\\>, version 2026.12\n"));
  const std::string bare = render_plan_markdown(g, make_plan(g, {}));
  CHECK(bare.find("Made again with") == std::string::npos);
  CHECK(bare.find("\n- Program: mlroadmap ") != std::string::npos);
}

TEST_CASE("every skill has an anchor of its own that its mentions link to") {
  const SkillGraph g = graph_of(R"({"categories": [{"id": "c", "name": "C"}], "skills": [
    {"id": "ml.ops:v@2", "name": "M", "category": "c"},
    {"id": "B_x-1", "name": "N", "category": "c", "prerequisites": ["ml.ops:v@2"]}]})");
  const std::string md = render_plan_markdown(g, make_plan(g, {}));
  CHECK(md.find("<a id=\"skill-ml.2Eops.3Av.402\"></a>") != std::string::npos);
  CHECK(md.find("<a id=\"skill-B_x-1\"></a>") != std::string::npos);
  CHECK(md.find("  - Waits for: [M](#skill-ml.2Eops.3Av.402)\n") != std::string::npos);
  CHECK(md.find("needed for [N](#skill-B_x-1)") != std::string::npos);
}
