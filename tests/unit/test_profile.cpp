#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mlroadmap/profile.hpp"
#include "mlroadmap/schedule.hpp"

using namespace mlroadmap;

namespace {

using Names = std::vector<std::string>;

// Reads `text` as profile.json, which must be rejected, and returns its diagnostics: each
// formatted, then its source line, one per line.
std::string problems(std::string_view text) {
  const auto profile = parse_profile(text, "profile.json");
  REQUIRE_FALSE(profile);
  std::string out;
  for (const Diagnostic& d : profile.error()) {
    CHECK(d.severity == Severity::error);
    out += format_diagnostic(d) + "\n";
  }
  return out;
}

// The profile read from `text`, which must be accepted.
Profile accepted(std::string_view text) {
  auto profile = parse_profile(text, "profile.json");
  if (!profile) {
    for (const Diagnostic& d : profile.error()) UNSCOPED_INFO(format_diagnostic(d));
  }
  REQUIRE(profile);
  return std::move(*profile);
}

}  // namespace

TEST_CASE("a profile with every field") {
  const Profile p = accepted(R"({
  "id": "new-hire-42",
  "have": ["pandas", "SQL"],
  "goals": ["ml-engineer"],
  "exact": true,
  "hours_per_week": 7.5,
  "start": "2027-03-01"
})");
  CHECK(p.id == "new-hire-42");
  CHECK(p.have == Names{"pandas", "SQL"});
  CHECK(p.goals == Names{"ml-engineer"});
  CHECK(p.exact == true);
  CHECK(p.hours_per_week == 7.5);
  REQUIRE(p.start);
  CHECK(*p.start == CalendarDate{2027, 3, 1});
}

TEST_CASE("every field of a profile is optional") {
  const Profile p = accepted("{}");
  CHECK_FALSE(p.id);
  CHECK_FALSE(p.have);
  CHECK_FALSE(p.goals);
  CHECK_FALSE(p.exact);
  CHECK_FALSE(p.hours_per_week);
  CHECK_FALSE(p.start);

  // An empty list is given, not absent: it overrides flags.
  const Profile empty = accepted(R"({"have": [], "exact": false})");
  REQUIRE(empty.have);
  CHECK(empty.have->empty());
  CHECK(empty.exact == false);
  CHECK_FALSE(empty.goals);
}

TEST_CASE("the pace of a profile is between 0.1 and 168 hours a week") {
  CHECK(accepted(R"({"hours_per_week": 0.1})").hours_per_week == 0.1);
  CHECK(accepted(R"({"hours_per_week": 168})").hours_per_week == 168);
  CHECK(accepted(R"({"hours_per_week": 1e1})").hours_per_week == 10);
  CHECK(problems(R"({"hours_per_week": 0.09})") ==
        "profile.json:1:20: error: profile: 'hours_per_week' must be between 0.1 and 168, "
        "found 0.09\n");
  CHECK(problems(R"({"hours_per_week": 168.5})") ==
        "profile.json:1:20: error: profile: 'hours_per_week' must be between 0.1 and 168, "
        "found 168.5\n");
  CHECK(problems(R"({"hours_per_week": -8})") ==
        "profile.json:1:20: error: profile: 'hours_per_week' must be between 0.1 and 168, "
        "found -8\n");
  CHECK(problems(R"({"hours_per_week": 1e400})") ==
        "profile.json:1:20: error: profile: 'hours_per_week' must be between 0.1 and 168, "
        "found 1e400\n");
}

TEST_CASE("a profile's start is a real date and needs a pace") {
  CHECK(accepted(R"({"hours_per_week": 10, "start": "2028-02-29"})").start ==
        CalendarDate{2028, 2, 29});
  CHECK(problems(R"({"hours_per_week": 10, "start": "2027-02-29"})") ==
        "profile.json:1:33: error: profile: 'start' must be a date as YYYY-MM-DD, found "
        "'2027-02-29'\n");
  CHECK(problems(R"({"hours_per_week": 10, "start": "4 March"})") ==
        "profile.json:1:33: error: profile: 'start' must be a date as YYYY-MM-DD, found "
        "'4 March'\n");
  // Control characters in the echoed text cannot reach a terminal.
  CHECK(problems(R"({"hours_per_week": 10, "start": "\u001b[31m"})") ==
        "profile.json:1:33: error: profile: 'start' must be a date as YYYY-MM-DD, found "
        "' [31m'\n");
  CHECK(problems(R"({"start": "2027-01-04"})") ==
        "profile.json:1:1: error: profile: 'start' needs 'hours_per_week'\n");
}

TEST_CASE("malformed JSON in a profile is reported at its line and column") {
  CHECK(problems("{\"have\": [\"python\"\n") ==
        "profile.json:2:1: error: unexpected end of file inside an array\n");
  CHECK(problems("{\"have\": [\"python\",]}") ==
        "profile.json:1:20: error: trailing comma before ']'\n");
  CHECK(problems("{'have': []}") == "profile.json:1:2: error: expected a string key, found '''\n");
  CHECK(problems("") == "profile.json:1:1: error: unexpected end of file, expected a value\n");
  CHECK(problems("{} {}") ==
        "profile.json:1:4: error: unexpected '{' after the end of the JSON document\n");
}

TEST_CASE("a profile is small: nesting and strings are bounded") {
  const std::string deep = "{\"goals\": " + std::string(17, '[') + std::string(17, ']') + "}";
  CHECK(problems(deep) ==
        "profile.json:1:12: error: profile: 'goals' must be a string, found an array\n"
        "profile.json:1:26: error: nesting deeper than 16 levels\n");
  CHECK(accepted("{\"id\": \"" + std::string(4096, 'x') + "\"}").id->size() == 4096);
  CHECK(problems("{\"id\": \"" + std::string(4097, 'x') + "\"}") ==
        "profile.json:1:8: error: string longer than 4096 bytes\n");
}

TEST_CASE("a profile is a JSON object") {
  CHECK(problems(R"(["python"])") ==
        "profile.json:1:1: error: a profile must be a JSON object, found an array\n");
  CHECK(problems("  \"python\"") ==
        "profile.json:1:3: error: a profile must be a JSON object, found a string\n");
  // Broken JSON is reported as such, before the type of the document.
  CHECK(problems("[\"python\"") ==
        "profile.json:1:10: error: unexpected end of file inside an array\n");
}

TEST_CASE("wrong types in a profile name the field and the type found, each of them") {
  CHECK(problems(R"({"have": "python", "goals": [1], "exact": "yes", "hours_per_week": "ten"})") ==
        "profile.json:1:10: error: profile: 'have' must be an array, found a string\n"
        "profile.json:1:30: error: profile: 'goals' must be a string, found a number\n"
        "profile.json:1:43: error: profile: 'exact' must be a boolean, found a string\n"
        "profile.json:1:68: error: profile: 'hours_per_week' must be a number, found a string\n");
  CHECK(problems(R"({"id": false, "start": true})") ==
        "profile.json:1:8: error: profile: 'id' must be a string or a number, found a boolean\n"
        "profile.json:1:24: error: profile: 'start' must be a string, found a boolean\n");
  CHECK(problems(R"({"goals": ["ml-engineer", null]})") ==
        "profile.json:1:27: error: profile: 'goals' must be a string, found null\n");
}

TEST_CASE("unknown keys in a profile are errors, with the closest field") {
  CHECK(problems(R"({"haves": ["python"]})") ==
        "profile.json:1:2: error: profile: unknown field 'haves' (did you mean 'have'?)\n");
  CHECK(problems("{\n  \"hours_per_wek\": 10,\n  \"colour\": \"blue\"\n}") ==
        "profile.json:2:3: error: profile: unknown field 'hours_per_wek' (did you mean "
        "'hours_per_week'?)\n"
        "profile.json:3:3: error: profile: unknown field 'colour'\n");
}

TEST_CASE("a key given twice in a profile is an error where it is repeated") {
  CHECK(problems(R"({"have": ["python"], "have": ["sql"]})") ==
        "profile.json:1:22: error: profile: duplicate key 'have'\n");
  // The value of the first one is read; the repeated one is not checked further.
  CHECK(problems(R"({"exact": true, "id": "a", "exact": "yes"})") ==
        "profile.json:1:28: error: profile: duplicate key 'exact'\n");
}

TEST_CASE("a profile's diagnostics carry the offending line") {
  const auto profile = parse_profile("{\n  \"have\": \"python\"\n}", "me.json");
  REQUIRE_FALSE(profile);
  REQUIRE(profile.error().size() == 1);
  const Diagnostic& d = profile.error().front();
  CHECK(d.file == "me.json");
  CHECK(d.line == 2);
  CHECK(d.column == 11);
  CHECK(d.source_line == "  \"have\": \"python\"");
}

TEST_CASE("a plain list of names: one per line or comma-separated") {
  CHECK(parse_name_list("python\nsql\n") == Names{"python", "sql"});
  CHECK(parse_name_list("python, sql ,numpy") == Names{"python", "sql", "numpy"});
  CHECK(parse_name_list("# what I know\n\n  Linear algebra  \r\npandas # since 2024\n,,\n") ==
        Names{"Linear algebra", "pandas"});
  CHECK(parse_name_list("\ttf\t") == Names{"tf"});
  CHECK(parse_name_list("").empty());
  CHECK(parse_name_list("# nothing\n \n").empty());
}
