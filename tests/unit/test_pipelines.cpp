// CSV profiles, names matched to skills, and a cohort's report.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "mlroadmap/cohort.hpp"
#include "mlroadmap/csv.hpp"
#include "mlroadmap/match.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/request.hpp"

using namespace mlroadmap;
using Names = std::vector<std::string>;

namespace {

CsvProfileColumns header(std::string_view line) {
  const auto columns = read_csv_profile_header(line, "people.csv");
  REQUIRE(columns);
  return *columns;
}

}  // namespace

TEST_CASE("the delimiter comes from the header line") {
  CHECK(csv_delimiter("id,have,goals") == ',');
  CHECK(csv_delimiter("id;have;goals") == ';');
  CHECK(csv_delimiter("id\thave;goals") == '\t');
  CHECK(csv_delimiter("\"a;b\",have") == ',');
  CHECK(csv_delimiter("have") == ',');
}

TEST_CASE("quoted cells hold delimiters, doubled quotes and line breaks") {
  const auto cells = split_csv_record("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",", ',');
  REQUIRE(cells);
  CHECK(*cells == Names{"a", "b,c", "say \"hi\"", "two\nlines", ""});
  CHECK_FALSE(split_csv_record("a,\"open", ','));
  CsvRecordEnd end(',');
  CHECK_FALSE(end.take("ann,\"python;"));
  CHECK(end.take("sql\",numpy"));
  CHECK(end.take("b\"c,d"));  // a quote inside an unquoted cell opens nothing
}

TEST_CASE("CSV records are read line by line: blank lines skipped, quotes going on") {
  CsvRecordReader rows(',', 64);
  CHECK_FALSE(rows.take(" , ,", 2));  // an empty spreadsheet row
  REQUIRE(rows.take("ann,python", 3));
  CHECK(rows.record() == "ann,python");
  CHECK(rows.first_line() == 3);
  CHECK_FALSE(rows.take("\"bo", 4));
  CHECK_FALSE(rows.take("", 5));  // a blank line inside quotes belongs to the record
  REQUIRE(rows.take("b\",sql", 6));
  CHECK(rows.record() == "\"bo\n\nb\",sql");
  CHECK(rows.first_line() == 4);
  CHECK_FALSE(rows.finish());
  CHECK_FALSE(rows.take("\"never closed", 7));
  CHECK_FALSE(rows.take("cy,numpy", 8));
  REQUIRE(rows.finish());
  CHECK(rows.record() == "\"never closed\ncy,numpy");
  CHECK(rows.first_line() == 7);
  // Past the size limit a record ends, though its quote is open.
  CHECK_FALSE(rows.take("\"" + std::string(60, 'x'), 9));
  REQUIRE(rows.take("more", 10));
  CHECK(rows.first_line() == 9);
  CHECK_FALSE(rows.finish());
}

TEST_CASE("list cells split on semicolons when they hold one, else on commas") {
  CHECK(split_list_cell("python, sql") == Names{"python", "sql"});
  CHECK(split_list_cell("Data, science; sql;") == Names{"Data, science", "sql"});
  CHECK(split_list_cell(" ") == Names{});
  CHECK(split_list_cell("python\r\nsql, r\n\nnumpy") == Names{"python", "sql", "r", "numpy"});
}

TEST_CASE("a CSV header names profile fields in any order, any case, with a BOM") {
  const CsvProfileColumns columns =
      header("\xEF\xBB\xBFGoals; ID ;have;exact;hours_per_week;start");
  CHECK(columns.delimiter == ';');
  CHECK(columns.fields == std::vector<int>{2, 0, 1, 4, 5, 6});
  const auto unknown = read_csv_profile_header("id,haves", "people.csv");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == ErrorCode::unknown_field);
  CHECK(unknown.error().message.find("unknown column 'haves' (did you mean 'have'?)") == 0);
  const auto twice = read_csv_profile_header("id,have,HAVE", "people.csv");
  REQUIRE_FALSE(twice);
  CHECK(twice.error().code == ErrorCode::duplicate_field);
}

TEST_CASE("a CSV row is a profile: its problems name the line it starts on") {
  const CsvProfileColumns columns = header("id;have;exact;hours_per_week;start");
  ProfileRead good = read_csv_profile(columns, "ann;python, sql;YES;7,5;2027-01-04", "p.csv", 2);
  REQUIRE(good.problems.empty());
  CHECK(*good.profile.id == "ann");
  CHECK(*good.profile.have == Names{"python", "sql"});
  CHECK(*good.profile.exact);
  CHECK(*good.profile.hours_per_week == 7.5);
  ProfileRead empty = read_csv_profile(columns, "bo;;;;", "p.csv", 3);
  CHECK(empty.problems.empty());
  CHECK_FALSE(empty.profile.have);
  ProfileRead bad = read_csv_profile(columns, "cy;;maybe;200;2027-02-30;extra", "p.csv", 7);
  REQUIRE(bad.problems.size() == 4);
  CHECK(bad.problems[0].code == ErrorCode::malformed_csv);
  CHECK(bad.problems[1].message.find("'exact'") != std::string::npos);
  CHECK(bad.problems[2].message.find("'hours_per_week'") != std::string::npos);
  CHECK(bad.problems[3].message.find("'start'") != std::string::npos);
  for (const Diagnostic& d : bad.problems) CHECK(d.line == 7);
  CHECK(*bad.profile.id == "cy");
}

TEST_CASE("a CSV row that cannot be read says why, on the line it starts on") {
  const CsvProfileColumns columns = header("id,have");
  ProfileRead open = read_csv_profile(columns, "\"ann,python\nbo,sql\ncy", "p.csv", 4);
  REQUIRE(open.problems.size() == 1);
  CHECK(open.problems[0].message ==
        "row: a quoted cell is not closed, so lines 4 to 6 were read as this one row");
  CHECK(open.problems[0].line == 4);
  ProfileRead one_line = read_csv_profile(columns, "\"ann,python", "p.csv", 2);
  REQUIRE(one_line.problems.size() == 1);
  CHECK(one_line.problems[0].message == "row: a quoted cell is not closed");
  ProfileRead bom = read_csv_profile(columns, "\xEF\xBB\xBFid,have", "p.csv", 9);
  REQUIRE(bom.problems.size() == 1);
  CHECK(bom.problems[0].code == ErrorCode::malformed_csv);
  CHECK(bom.problems[0].message ==
        "row: a byte order mark (U+FEFF) in the middle of the file; were two files joined?");
  CHECK(bom.problems[0].line == 9);
  CHECK(bom.problems[0].file == "p.csv");
  // Excel's plain CSV is Windows-1252: its bytes would go into JSON and CSV, which are UTF-8.
  ProfileRead latin1 = read_csv_profile(columns, "M\xFCller,python", "p.csv", 3);
  REQUIRE(latin1.problems.size() == 1);
  CHECK(latin1.problems[0].message ==
        "row: the text is not UTF-8; save the file as UTF-8 (in Excel: CSV UTF-8)");
  ProfileRead utf8 = read_csv_profile(columns, "M\xC3\xBCller,python", "p.csv", 3);
  CHECK(utf8.problems.empty());
  ProfileRead one_column = read_csv_profile(header("id"), "ann,python", "p.csv", 5);
  REQUIRE(one_column.problems.size() == 1);
  CHECK(one_column.problems[0].message == "row has 2 cells, but the header names 1 column");
}

TEST_CASE("a CSV header must name a column") {
  for (const std::string_view line : {"", " ", ",,", " ; ", "\xEF\xBB\xBF"}) {
    const auto columns = read_csv_profile_header(line, "people.csv");
    REQUIRE_FALSE(columns);
    CHECK(columns.error().line == 1);
    CHECK(columns.error().code == ErrorCode::malformed_csv);
    CHECK(columns.error().message.starts_with("the header names no column; "));
  }
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas are neutralised") {
  const SkillGraph g = testing::graph_of(R"json({"categories": [{"id": "c", "name": "C"}],
    "skills": [{"id": "a", "name": "=HYPERLINK(\"x\",\"y\")", "category": "c", "hours": 2},
               {"id": "b", "name": "@sum, or +1", "category": "c", "hours": 1}]})json");
  PlanRequest request;
  request.goals = {Goal{Goal::Kind::skill, 0}, Goal{Goal::Kind::skill, 1}};
  const std::string csv = render_plan_csv(g, make_plan(g, request));
  CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"") != std::string::npos);
  CHECK(csv.find("\"'@sum, or +1\"") != std::string::npos);
  CHECK(csv.starts_with("stage,position,id,name,category,kind,hours,waits_for\n"));
}

TEST_CASE("names match forgiving case, punctuation, qualifiers and aliases") {
  const SkillGraph g = testing::fixture();
  const SkillMatcher matcher(g);
  const auto id = [&](std::string_view name) {
    const SkillMatch m = matcher.match(name);
    return m.skill ? std::string(g.skill(*m.skill).id) : std::string(to_string(m.status));
  };
  CHECK(id("Python (Programming Language)") == "python");
  CHECK(id("  LINEAR ALGEBRA ") == "linear-algebra");
  CHECK(id("Linear-Algebra!") == "linear-algebra");
  CHECK(id("Cooking") == "unknown");
  const SkillMatch typo = matcher.match("pytorh");
  CHECK(typo.status == MatchStatus::unknown);
  REQUIRE_FALSE(typo.candidates.empty());
  CHECK(g.skill(typo.candidates.front()).id == "pytorch");
}

TEST_CASE("a name list that is not UTF-8 says on which line") {
  const auto list = read_name_list("Name\nPython\nM\xFCller\n", "Skills.csv");
  REQUIRE_FALSE(list);
  CHECK(list.error().line == 3);
  CHECK(list.error().message == "the text is not UTF-8; save the file as UTF-8");
}

TEST_CASE("a name list is a CSV column when the header has one, else one name a line") {
  const auto linkedin = read_name_list(
      "\xEF\xBB\xBFName\r\nPython (Programming Language)\r\n"
      "\"SQL, advanced\"\r\n\r\nNumPy\r\n",
      "Skills.csv");
  REQUIRE(linkedin);
  CHECK(linkedin->csv);
  CHECK(linkedin->names == Names{"Python (Programming Language)", "SQL, advanced", "NumPy"});
  CHECK(linkedin->lines == std::vector<std::size_t>{2, 3, 5});
  const auto plain = read_name_list("python\n# a comment\n\nC#\n", "names.txt");
  REQUIRE(plain);
  CHECK_FALSE(plain->csv);
  CHECK(plain->names == Names{"python", "C#"});
  CHECK_FALSE(read_name_list("skill\n\"open\n", "bad.csv"));
}

TEST_CASE("a cohort's report is the same however its profiles are split") {
  const SkillGraph g = testing::fixture();
  const auto plan_for = [&](std::initializer_list<std::string_view> have) {
    return make_plan(g, testing::request(g, have));
  };
  const std::vector<Plan> plans = {plan_for({"python"}), plan_for({}), plan_for({"sql"})};
  CohortTally whole(g);
  for (const Plan& p : plans) whole.add_plan(p, CohortLearner{"x"});
  whole.add_failure();
  CohortTally first(g), second(g);
  first.add_plan(plans[0], CohortLearner{"x"});
  second.add_plan(plans[1], CohortLearner{"x"});
  second.add_failure();
  second.add_plan(plans[2], CohortLearner{"x"});
  first.join(std::move(second));
  const CohortReport a = whole.finish();
  const CohortReport b = first.finish();
  CHECK(render_report_json(g, a) == render_report_json(g, b));
  CHECK(a.profiles == 4);
  CHECK(a.failed == 1);
  REQUIRE_FALSE(a.skills.empty());
  for (std::size_t i = 1; i < a.skills.size(); ++i) {
    CHECK(a.skills[i - 1].learners >= a.skills[i].learners);
  }
  std::size_t in_plans = 0;
  for (const Plan& p : plans) in_plans += p.steps.size();
  std::size_t counted = 0;
  for (const CohortSkill& s : a.skills) counted += s.learners;
  CHECK(counted == in_plans);
}

TEST_CASE("a name two skills reduce to alike is ambiguous, with both as candidates") {
  const SkillGraph g = testing::graph_of(R"json({"categories": [{"id": "c", "name": "C"}],
    "skills": [{"id": "ml-ops", "name": "ML Ops", "category": "c"},
               {"id": "mlops-tools", "name": "MLOps", "category": "c"}]})json");
  const SkillMatch m = SkillMatcher(g).match("M.L. ops");
  CHECK(m.status == MatchStatus::ambiguous);
  CHECK_FALSE(m.skill);
  REQUIRE(m.candidates.size() == 2);
  CHECK(SkillMatcher(g).match("mlops").status == MatchStatus::matched);  // a name, as written
  const std::string csv = render_matches_csv(g, {m});
  CHECK(csv == "input,status,id,candidates\nM.L. ops,ambiguous,,ml-ops;mlops-tools\n");
}
