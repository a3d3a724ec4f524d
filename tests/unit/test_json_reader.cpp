#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "json_reader.hpp"

using mlroadmap::detail::JsonReader;
using mlroadmap::detail::JsonSyntaxError;
using mlroadmap::detail::JsonType;

namespace {

// Reads a whole document, skipping its value (or skimming it), returning "" or the syntax
// error as "offset: message".
std::string parse(std::string_view text, mlroadmap::detail::JsonLimits limits = {},
                  bool skim = false) {
  try {
    JsonReader reader(text, limits);
    if (skim) {
      reader.skim_value();
    } else {
      reader.skip_value();
    }
    reader.finish();
    return "";
  } catch (const JsonSyntaxError& e) {
    return std::to_string(e.offset) + ": " + e.message;
  }
}

std::string read_one_string(std::string_view text) {
  JsonReader reader(text);
  return std::string(reader.read_string());
}

}  // namespace

TEST_CASE("valid documents") {
  CHECK(parse(R"({"a": [1, -2.5e3, true, false, null, "x"], "b": {}})") == "");
  CHECK(parse("  [ ]  ") == "");
  CHECK(parse("0") == "");
  CHECK(parse("\xEF\xBB\xBF{}") == "");  // a UTF-8 byte order mark is skipped
}

TEST_CASE("string escapes decode to UTF-8") {
  CHECK(read_one_string(R"("a\"b\\c\/d\n")") == "a\"b\\c/d\n");
  CHECK(read_one_string(R"("\u00e9\u4e2d")") == "\xC3\xA9\xE4\xB8\xAD");
  CHECK(read_one_string(R"("\ud83d\ude00")") == "\xF0\x9F\x98\x80");
  CHECK(read_one_string("\"caf\xC3\xA9\"") == "caf\xC3\xA9");
}

TEST_CASE("syntax errors say what was expected, at which byte") {
  CHECK(parse("{\"a\" 1}") == "5: expected ':' after an object key, found '1'");
  CHECK(parse("{\"a\": 1,}") == "8: expected a string key, found '}'");
  CHECK(parse("[1,]") == "3: trailing comma before ']'");
  CHECK(parse("[1 2]") == "3: expected ',' or ']' after an array element, found '2'");
  CHECK(parse("[01]") == "1: invalid number: leading zero");
  CHECK(parse("[1.]") == "1: invalid number");
  CHECK(parse("[-]") == "1: invalid number");
  CHECK(parse("[tru]") == "1: expected a value, found 't'");
  CHECK(parse("{} {}") == "3: unexpected '{' after the end of the JSON document");
  CHECK(parse("[\"abc") == "1: unterminated string");
  CHECK(parse("[\"a\tb\"]") == "3: control character U+0009 in a string must be escaped");
  CHECK(parse(R"(["\x"])") == "2: invalid escape '\\x' in a string");
  CHECK(parse(R"(["\u12"])") == "2: invalid \\u escape: expected four hexadecimal digits");
  CHECK(parse(R"(["\ud800"])") == "2: invalid \\u escape: unpaired high surrogate");
  CHECK(parse(R"(["\udc00"])") == "2: invalid \\u escape: unpaired low surrogate");
  CHECK(parse("[\"\xFF\"]") == "2: invalid UTF-8 (byte 0xFF)");
  CHECK(parse("[\"\xC3\"]") == "2: invalid UTF-8 (byte 0xC3)");
  CHECK(parse("[\"\xED\xA0\x80\"]") == "2: invalid UTF-8 (byte 0xED)");  // a surrogate
  CHECK(parse("\x01") == "0: expected a value, found byte 0x01");
}

TEST_CASE("limits on depth and string length") {
  CHECK(parse(std::string(65, '[') + std::string(65, ']')) == "64: nesting deeper than 64 levels");
  CHECK(parse(std::string(64, '[') + std::string(64, ']')) == "");
  mlroadmap::detail::JsonLimits small;
  small.max_string_bytes = 4;
  CHECK(parse(R"(["abcd"])", small) == "");
  CHECK(parse(R"(["abcde"])", small) == "1: string longer than 4 bytes");
}

TEST_CASE("values report their offsets and types") {
  JsonReader reader(R"({"k": [10, "s"]})");
  reader.begin_object();
  std::string_view key;
  std::size_t key_offset = 0;
  REQUIRE(reader.next_member(key, key_offset));
  CHECK(key == "k");
  CHECK(key_offset == 1);
  CHECK(reader.peek() == JsonType::array);
  CHECK(reader.offset() == 6);
  reader.begin_array();
  REQUIRE(reader.next_element());
  CHECK(reader.read_number() == "10");
  REQUIRE(reader.next_element());
  CHECK(reader.offset() == 11);
  CHECK(reader.read_string() == "s");
  CHECK_FALSE(reader.next_element());
  CHECK_FALSE(reader.next_member(key, key_offset));
  reader.finish();
}

namespace {

std::string skim(std::string_view text, mlroadmap::detail::JsonLimits limits = {}) {
  return parse(text, limits, true);
}

}  // namespace

TEST_CASE("skimming ends where skipping ends, and tells the strings it reads") {
  const std::string text =
      R"([{"id": "a", "x": [1, {"y": "]}\"[{"}], "z": "\u0070ython"}, "b", 7, {}] )";
  JsonReader strict(text);
  strict.begin_array();
  JsonReader quick(text);
  quick.begin_array();
  std::vector<std::string> seen;
  const JsonReader::StringTest note = [&seen](std::string_view s) {
    seen.emplace_back(s);
    return s == "python";
  };
  const std::vector<bool> held = {true, false, false, false};
  for (const bool expected : held) {
    REQUIRE(strict.next_element());
    REQUIRE(quick.next_element());
    strict.skip_value();
    CHECK(quick.skim_value(&note) == expected);
    CHECK(quick.offset() == strict.offset());
  }
  CHECK_FALSE(quick.next_element());
  CHECK(seen == std::vector<std::string>{"id", "a", "x", "y", "]}\"[{", "z", "python", "b"});
}

TEST_CASE("skimming still reads strings strictly and matches brackets") {
  CHECK(skim(R"({"a": [1, 2}})") == "11: unexpected '}'");
  CHECK(skim(R"({"a": [1, 2)") == "0: unexpected end of file inside this object");
  CHECK(skim("[\"abc") == "1: unterminated string");
  CHECK(skim("[\"a\tb\"]") == "3: control character U+0009 in a string must be escaped");
  CHECK(skim("[\"\xFF\"]") == "2: invalid UTF-8 (byte 0xFF)");
  CHECK(skim(std::string(65, '[') + std::string(65, ']')) == "64: nesting deeper than 64 levels");
  CHECK(skim(std::string(64, '[') + std::string(64, ']')) == "");
  // Between strings, only brackets count: what the loader would refuse passes here.
  CHECK(skim("[01, tru, :]") == "");
}
