#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "graphs.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/schedule.hpp"

using namespace mlroadmap;
using namespace mlroadmap::testing;

namespace {

std::string date(std::string_view text) {
  const auto parsed = parse_date(text);
  return parsed ? format_date(*parsed) : "none";
}

std::string weeks(WeekSpan span) {
  return std::to_string(span.first) + "-" + std::to_string(span.last);
}

std::string days(DateSpan span) { return format_date(span.first) + ".." + format_date(span.last); }

// A plan without steps, only the totals schedule_problem looks at.
Plan totals(double total_hours, double hours_per_week,
            std::optional<CalendarDate> start = std::nullopt) {
  Plan plan;
  plan.total_hours = total_hours;
  plan.hours_per_week = hours_per_week;
  plan.start = start;
  return plan;
}

}  // namespace

TEST_CASE("dates are read as YYYY-MM-DD and must exist") {
  const auto parsed = parse_date("2027-01-04");
  REQUIRE(parsed);
  CHECK(parsed->year == 2027);
  CHECK(parsed->month == 1u);
  CHECK(parsed->day == 4u);

  CHECK(date("2028-02-29") == "2028-02-29");  // a leap year
  CHECK(date("2000-02-29") == "2000-02-29");  // divisible by 400
  CHECK(date("2027-02-29") == "none");
  CHECK(date("2100-02-29") == "none");  // divisible by 100, not by 400
  CHECK(date("2027-04-31") == "none");
  CHECK(date("2027-13-01") == "none");
  CHECK(date("2027-00-10") == "none");
  CHECK(date("2027-01-00") == "none");
}

TEST_CASE("anything but exactly YYYY-MM-DD is not a date") {
  CHECK(date("2027-1-04") == "none");
  CHECK(date("2027-01-4") == "none");
  CHECK(date("2027/01/04") == "none");
  CHECK(date("2027-01-04 ") == "none");
  CHECK(date(" 2027-01-4") == "none");
  CHECK(date("2027-01-0x") == "none");
  CHECK(date("+027-01-04") == "none");
  CHECK(date("2027-+1-04") == "none");
  CHECK(date("") == "none");
  CHECK(date("04.01.2027") == "none");
}

TEST_CASE("dates print with four-digit years and two-digit months and days") {
  CHECK(format_date({2027, 3, 1}) == "2027-03-01");
  CHECK(format_date({987, 12, 25}) == "0987-12-25");
  CHECK((CalendarDate{2027, 1, 4} < CalendarDate{2027, 2, 1}));
  CHECK((CalendarDate{2026, 12, 31} < CalendarDate{2027, 1, 1}));
}

TEST_CASE("adding days crosses months, years and leap days") {
  CHECK(format_date(add_days({2027, 12, 31}, 1)) == "2028-01-01");
  CHECK(format_date(add_days({2028, 2, 28}, 1)) == "2028-02-29");
  CHECK(format_date(add_days({2027, 2, 28}, 1)) == "2027-03-01");
  CHECK(format_date(add_days({2027, 3, 1}, -1)) == "2027-02-28");
  CHECK(format_date(add_days({2027, 1, 4}, 0)) == "2027-01-04");
  CHECK(format_date(add_days({2027, 1, 4}, 364)) == "2028-01-03");
}

TEST_CASE("the weeks a stretch of hours falls in, 1-based and inclusive") {
  CHECK(weeks(week_span(0, 60, 10)) == "1-6");
  CHECK(weeks(week_span(60, 105, 10)) == "7-11");
  CHECK(weeks(week_span(105, 117, 10)) == "11-12");
  // Ending exactly on a week's last hour does not spill into the next week.
  CHECK(weeks(week_span(10, 20, 10)) == "2-2");
  // A step of no hours still takes its week.
  CHECK(weeks(week_span(0, 0, 10)) == "1-1");
  CHECK(weeks(week_span(30, 30, 10)) == "4-4");
}

TEST_CASE("whole weeks for a number of hours") {
  CHECK(weeks_for(117, 10) == 12);
  CHECK(weeks_for(120, 10) == 12);
  CHECK(weeks_for(120.5, 10) == 13);
  CHECK(weeks_for(0.5, 168) == 1);
  CHECK(weeks_for(0, 10) == 0);
  CHECK(weeks_for(-5, 10) == 0);
  // 0.1 + 0.2 is a hair over 0.3 in binary; that hair is not another week.
  CHECK(weeks_for(0.1 + 0.2, 0.3) == 1);
}

TEST_CASE("the days a span of weeks covers") {
  const CalendarDate monday{2027, 1, 4};
  CHECK(days(dates_of({1, 1}, monday)) == "2027-01-04..2027-01-10");
  CHECK(days(dates_of({7, 11}, monday)) == "2027-02-15..2027-03-21");
  CHECK(days(dates_of({52, 53}, monday)) == "2027-12-27..2028-01-09");
}

TEST_CASE("a plan's schedule: each step's weeks, each stage's, and the whole") {
  const SkillGraph g = fixture();
  PlanRequest request;
  request.goals.push_back(resolve_goal(g, "numpy").value());
  request.hours_per_week = 10;
  const Plan plan = make_plan(g, request);
  // python 0-60 h and linear algebra 60-105 h in stage 1, numpy 105-117 h in stage 2
  REQUIRE(plan.steps.size() == 3);
  const PlanSchedule schedule = schedule_plan(plan);
  REQUIRE(schedule.steps.size() == 3);
  CHECK(weeks(schedule.steps[0]) == "1-6");
  CHECK(weeks(schedule.steps[1]) == "7-11");
  CHECK(weeks(schedule.steps[2]) == "11-12");
  REQUIRE(schedule.stages.size() == 2);
  CHECK(weeks(schedule.stages[0]) == "1-11");
  CHECK(weeks(schedule.stages[1]) == "11-12");
  CHECK(schedule.weeks == 12);
}

TEST_CASE("a plan without a pace has no schedule") {
  const SkillGraph g = fixture();
  const Plan plan = make_plan(g, {});
  REQUIRE_FALSE(plan.steps.empty());
  const PlanSchedule schedule = schedule_plan(plan);
  CHECK(schedule.steps.empty());
  CHECK(schedule.stages.empty());
  CHECK(schedule.weeks == 0);
  CHECK_FALSE(schedule_problem(plan));
}

TEST_CASE("a schedule longer than 10,000 years or past 9999-12-31 cannot be given") {
  CHECK_FALSE(schedule_problem(totals(117, 10)));
  CHECK_FALSE(schedule_problem(totals(520'000, 1)));  // exactly 10,000 years of 52 weeks
  CHECK(schedule_problem(totals(520'001, 1)) ==
        "at 1 hours a week this plan would take more than 10,000 years");
  CHECK(schedule_problem(totals(1e9, 0.5)) ==
        "at 0.5 hours a week this plan would take more than 10,000 years");

  // One week from 9999-12-25 ends on 9999-12-31; two weeks do not fit.
  CHECK_FALSE(schedule_problem(totals(10, 10, CalendarDate{9999, 12, 25})));
  CHECK(schedule_problem(totals(11, 10, CalendarDate{9999, 12, 25})) ==
        "this plan would end after 9999-12-31");
  // Without a start date only the length counts.
  CHECK_FALSE(schedule_problem(totals(11, 10)));
  // Nothing to learn ends nowhere.
  CHECK_FALSE(schedule_problem(totals(0, 10, CalendarDate{9999, 12, 31})));
}
