#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/progress.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

ProgressEvent mark(std::string skill, SkillState state, std::string date = "2027-03-01") {
  return ProgressEvent{std::move(skill), state, parse_date(date).value(), {}};
}

std::string state_of(const SkillGraph& g, const ProgressState& state, std::string_view id) {
  const SkillProgress* p = state.find(resolve_skill(g, id).value());
  return std::string(to_string(p != nullptr ? p->state : SkillState::todo));
}

std::string ids(const SkillGraph& g, const std::vector<SkillIndex>& skills) {
  std::string out;
  for (const SkillIndex s : skills) out += (out.empty() ? "" : " ") + std::string(g.skill(s).id);
  return out;
}

std::string step_ids(const SkillGraph& g, const Plan& plan) {
  std::string out;
  for (const PlanStep& step : plan.steps) {
    out += (out.empty() ? "" : " ") + std::string(g.skill(step.skill).id);
  }
  return out;
}

}  // namespace

TEST_CASE("replay: each skill's last event decides its state") {
  const SkillGraph g = fixture();
  const std::vector<ProgressEvent> events = {
      mark("python", SkillState::learning), mark("python", SkillState::done),
      mark("numpy", SkillState::done),      mark("numpy", SkillState::todo),
      mark("sql", SkillState::skipped),     mark("calculus", SkillState::done),
      mark("calculus", SkillState::learning, "2027-03-09")};
  const ProgressState state = replay_progress(g, events);
  CHECK(state_of(g, state, "python") == "done");
  CHECK(state_of(g, state, "numpy") == "todo");  // reset: back to todo, not kept
  CHECK(state_of(g, state, "sql") == "skipped");
  CHECK(state_of(g, state, "calculus") == "learning");
  CHECK(state.find(resolve_skill(g, "calculus").value())->date == CalendarDate{2027, 3, 9});
  CHECK(ids(g, state.had()) == "python sql");
  CHECK(ids(g, state.learning()) == "calculus");
  CHECK(state.unknown.empty());
}

TEST_CASE("replay: ids the graph does not know are listed once, not fatal") {
  const SkillGraph g = fixture();
  const std::vector<ProgressEvent> events = {mark("gone", SkillState::done),
                                             mark("python", SkillState::done),
                                             mark("gone", SkillState::skipped),
                                             mark("Python", SkillState::done),
                                             mark("Linear algebra", SkillState::done)};
  const ProgressState state = replay_progress(g, events);
  // Ids match ignoring case, as everywhere; names are not ids.
  CHECK(state.unknown == std::vector<std::string>{"gone", "Linear algebra"});
  CHECK(ids(g, state.had()) == "python");
}

TEST_CASE("progress lines read back as written, notes and all") {
  ProgressEvent event = mark("a\"b", SkillState::skipped, "2027-12-31");
  event.note = "line\nbreak, \"quotes\" and \xc3\xa9";
  const std::string text = std::string(progress_header()) + progress_line(event);
  const auto log = parse_progress(text, "p.jsonl");
  REQUIRE(log);
  REQUIRE(log->events.size() == 1);
  CHECK(log->events[0].skill == event.skill);
  CHECK(log->events[0].state == SkillState::skipped);
  CHECK(log->events[0].date == event.date);
  CHECK(log->events[0].note == event.note);
  CHECK(log->complete_bytes == text.size());
}

TEST_CASE("a torn last line is skipped with a warning: a bad complete line is an error") {
  const std::string good = "{\"mlroadmap_progress\": 1}\n"
                           "{\"skill\":\"python\",\"state\":\"done\",\"date\":\"2027-03-01\"}\n";
  const auto torn = parse_progress(good + "{\"skill\":\"sq", "p.jsonl");
  REQUIRE(torn);
  CHECK(torn->events.size() == 1);
  CHECK(torn->complete_bytes == good.size());
  REQUIRE(torn->warnings.size() == 1);
  CHECK(torn->warnings[0].line == 3);
  const auto bad = parse_progress(good + "{\"skill\":\"sql\"}\n", "p.jsonl");
  REQUIRE(!bad);
  CHECK(bad.error()[0].line == 3);
  CHECK(!parse_progress(good + std::string(kMaxProgressLine + 1, ' ') + "\n", "p.jsonl"));
  const auto empty = parse_progress("", "p.jsonl");
  REQUIRE(empty);
  CHECK(!empty->has_header);
}

TEST_CASE("planning follows progress: done and skipped are had, learning comes first") {
  const SkillGraph g = fixture();
  PlanRequest request = testing::request(g, {"sql"}, {"ml-engineer"});
  request.hours_per_week = 10;
  request.start = CalendarDate{2027, 3, 1};
  const std::vector<ProgressEvent> events = {mark("python", SkillState::done),
                                             mark("calculus", SkillState::skipped),
                                             mark("statistics", SkillState::learning)};
  follow_progress(request, replay_progress(g, events), CalendarDate{2027, 4, 1});
  CHECK(request.start == CalendarDate{2027, 4, 1});
  const Plan plan = make_plan(g, request);
  const std::string steps = step_ids(g, plan);
  CHECK(steps.find("python") == std::string::npos);
  CHECK(steps.find("calculus") == std::string::npos);
  CHECK(steps.starts_with("statistics "));  // first in its stage, before linear-algebra
  REQUIRE(plan.learning_steps.size() == 1);
  CHECK(plan.learning(0));
  CHECK(!plan.learning(1));

  // A start still to come is kept; without today, dates do not move.
  PlanRequest later = testing::request(g, {"sql"});
  later.hours_per_week = 10;
  later.start = CalendarDate{2027, 6, 1};
  follow_progress(later, replay_progress(g, events), CalendarDate{2027, 4, 1});
  CHECK(later.start == CalendarDate{2027, 6, 1});
}

TEST_CASE("the progress report counts the plan made without progress") {
  const SkillGraph g = fixture();
  PlanRequest request = testing::request(g, {"sql"}, {"ml-engineer"});
  request.hours_per_week = 10;
  request.start = CalendarDate{2027, 3, 1};
  const Plan plan = make_plan(g, request);
  const std::vector<ProgressEvent> events = {
      mark("python", SkillState::done, "2027-03-30"), mark("calculus", SkillState::skipped),
      mark("numpy", SkillState::learning), mark("statistics", SkillState::done, "2027-02-01"),
      mark("no-such", SkillState::done)};
  const ProgressReport report =
      make_progress_report(plan, replay_progress(g, events), CalendarDate{2027, 4, 1});
  CHECK(report.steps == plan.steps.size());
  const double finished = 60 + 40 + 35;  // python, calculus, statistics
  CHECK(report.percent == static_cast<int>(std::lround(300.0 / static_cast<double>(report.steps))));
  CHECK(report.remaining_hours == plan.total_hours - finished);
  CHECK(ids(g, report.learning) == "numpy");
  CHECK(report.unknown == std::vector<std::string>{"no-such"});
  REQUIRE(report.recent.size() == 2);
  CHECK(ids(g, report.recent[0].done) == "python");  // 2 days ago; statistics was 59
  CHECK(ids(g, report.recent[1].done) == "python");
  REQUIRE(report.finish);
  REQUIRE(report.weeks_ahead);
  CHECK(*report.finish < *report.planned_finish);
}

TEST_CASE("skill comments encode what an HTML comment cannot hold, and read back") {
  CHECK(skill_comment("numpy") == "<!-- skill: numpy -->");
  CHECK(skill_comment("a--b c%<>") == "<!-- skill: a-%2Db%20c%25%3C%3E -->");
  const std::string markdown = "# Plan\n"
                               "- [x] **A** edited <!-- skill: a-%2Db%20c%25%3C%3E -->\n"
                               "- [ ] **B** <!-- skill: b -->\n"
                               "  1. [X] C <!-- skill: c -->\n"
                               "- [x] mine, no comment\n"
                               "-[x] not an item <!-- skill: d -->\n";
  const auto items = checked_skills(markdown, "r.md");
  REQUIRE(items);
  REQUIRE(items->items.size() == 2);
  CHECK(items->items[0].skill == "a--b c%<>");
  CHECK(items->items[0].line == 2);
  CHECK(items->items[1].skill == "c");
  REQUIRE(items->warnings.size() == 1);
  CHECK(items->warnings[0].line == 5);
  CHECK(!checked_skills("- [x] x <!-- skill: %G1 -->\n", "r.md"));
  CHECK(!checked_skills("- [x] x <!-- skill:  -->\n", "r.md"));
}

TEST_CASE("checked items are read as editors write them, and every problem is told") {
  const std::string markdown = "\xEF\xBB\xBF- [x] A <!-- skill: a -->\r\n"
                               "```markdown\n"
                               "- [x] an example <!-- skill: b -->\n"
                               "```\n"
                               "~~~~\n"
                               "~~~\n"
                               "- [x] still an example <!-- skill: c -->\n"
                               "~~~~~ \n"
                               "- [x]d <!-- skill: d -->\n"
                               "- [X] E <!-- skill: e -->\n";
  const auto items = checked_skills(markdown, "r.md");
  REQUIRE(items);
  REQUIRE(items->items.size() == 2);
  CHECK(items->items[0].skill == "a");
  CHECK(items->items[0].line == 1);
  CHECK(items->items[1].skill == "e");
  CHECK(items->items[1].line == 10);
  const auto bad = checked_skills("- [x] no comment\n"
                                  "- [x] B <!--skill: b -->\n"
                                  "- [x] C <!-- skill: c-->\n",
                                  "r.md");
  REQUIRE_FALSE(bad);
  REQUIRE(bad.error().size() == 3);
  CHECK(bad.error()[0].severity == Severity::warning);
  CHECK(bad.error()[0].line == 1);
  CHECK(bad.error()[1].severity == Severity::error);
  CHECK(bad.error()[1].line == 2);
  CHECK(bad.error()[1].column == 9);
  CHECK(bad.error()[2].line == 3);
  // A line that ends inside or right after the box.
  for (const std::string_view end : {"- [", "- [x", "1. [X]", "- [x]\n- [", "* [x] \r"}) {
    REQUIRE(checked_skills(end, "r.md"));
  }
}
