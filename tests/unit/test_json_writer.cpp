#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "json_writer.hpp"

using mlroadmap::detail::JsonWriter;

namespace {

// One document with every kind of value, strings with and without escapes among them.
void write_sample(JsonWriter& json) {
  json.begin_object();
  json.member("plain", "text");
  json.member("escaped", "a \"quote\", a \\ and a\nline\x01");
  json.member("whole", 3.0);
  json.member("fraction", 2.5);
  json.member("count", std::int64_t{-7});
  json.member("yes", true);
  json.key("nothing");
  json.null();
  json.key("list");
  json.begin_array();
  json.value("x");
  json.begin_object();
  json.end_object();
  json.begin_array();
  json.end_array();
  json.end_array();
  json.end_object();
}

}  // namespace

TEST_CASE("the JSON writer writes compact and indented documents") {
  std::string compact;
  {
    JsonWriter json(compact, 0);
    write_sample(json);
  }
  CHECK(compact == R"({"plain":"text","escaped":"a \"quote\", a \\ and a\nline\u0001","whole":3,)"
                   R"("fraction":2.5,"count":-7,"yes":true,"nothing":null,"list":["x",{},[]]})");
  std::string pretty;
  {
    JsonWriter json(pretty);
    write_sample(json);
  }
  CHECK(pretty ==
        "{\n  \"plain\": \"text\",\n  \"escaped\": \"a \\\"quote\\\", a \\\\ and a\\nline"
        "\\u0001\",\n  \"whole\": 3,\n  \"fraction\": 2.5,\n  \"count\": -7,\n  \"yes\": "
        "true,\n  \"nothing\": null,\n  \"list\": [\n    \"x\",\n    {},\n    []\n  ]\n}\n");
}

TEST_CASE("text added between two documents stays where it was added") {
  std::string out = "before\n";
  JsonWriter json(out, 0);
  write_sample(json);
  out += "\n";  // as JSON Lines records are ended
  write_sample(json);
  out += "\n";
  std::string one;
  {
    JsonWriter alone(one, 0);
    write_sample(alone);
  }
  CHECK(out == "before\n" + one + "\n" + one + "\n");
}

TEST_CASE("a large document streams out in pieces that make the whole") {
  // Long enough to grow the output many times, with escapes all through it.
  nlohmann::json expected = nlohmann::json::array();
  std::string whole;
  std::string streamed;
  std::size_t pieces = 0;
  {
    JsonWriter json(whole, 2);
    std::string out;
    JsonWriter flushing(out, 2);
    flushing.flush_into(
        [&](std::string_view piece) {
          streamed += piece;
          ++pieces;
        },
        4096);
    for (JsonWriter* writer : {&json, &flushing}) {
      writer->begin_array();
      for (int i = 0; i < 20'000; ++i) {
        const std::string text = "item " + std::to_string(i) + (i % 7 == 0 ? " \"quoted\"\t" : "") +
                                 std::string(i % 50, 'x');
        writer->begin_object();
        writer->member("text", text);
        writer->member("number", i % 3 == 0 ? i / 4.0 : i);
        writer->end_object();
        if (writer == &json)
          expected.push_back({{"text", text}, {"number", i % 3 == 0 ? i / 4.0 : i}});
      }
      writer->end_array();
    }
    streamed += out;
  }
  CHECK(pieces > 100);
  CHECK(streamed == whole);
  CHECK(nlohmann::json::parse(whole) == expected);
}
