#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/threads.hpp"
#include "overlay_in_load.hpp"

using namespace mlroadmap;

namespace {

// A graph large enough that loading (its skills array, names, references, order) and planning
// each split over two threads when allowed: 70,000 skills, every tenth with an any_of group.
std::string large_graph() {
  std::string json = R"({"categories": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "skills": [)";
  for (int i = 0; i < 70'000; ++i) {
    std::string needs;
    for (const int back : {1, 5, 333}) {
      if (i >= back) needs += (needs.empty() ? "\"k" : ", \"k") + std::to_string(i - back) + "\"";
    }
    if (i % 10 == 9) {
      needs += R"(, {"any_of": ["k)" + std::to_string(i / 2) + R"(", "k)" + std::to_string(i / 3) +
               R"("]})";
    }
    json += (i == 0 ? "\n" : ",\n") + std::string(R"({"id": "k)") + std::to_string(i) +
            R"(", "name": "K)" + std::to_string(i) + R"(", "category": ")" + "ab"[i % 2] +
            R"(", "hours": )" + std::to_string(1 + i % 7) + R"(, "prerequisites": [)" + needs +
            "]}";
  }
  return json + "]}";
}

// The whole plan of a graph loaded and planned under a thread limit, as JSON.
std::string plan_with_threads(const std::string& json, unsigned threads) {
  set_thread_limit(threads);
  auto loaded = load_graph(json, "large.json");
  set_thread_limit(0);
  REQUIRE(loaded.graph);
  set_thread_limit(threads);
  const Plan plan = make_plan(*loaded.graph, PlanRequest{});
  std::string out = render_plan_json(*loaded.graph, plan);
  set_thread_limit(0);
  return out;
}

}  // namespace

TEST_CASE("MLROADMAP_THREADS is a positive whole number") {
  ::unsetenv("MLROADMAP_THREADS");
  CHECK(thread_limit_from_environment().value() == 0);
  ::setenv("MLROADMAP_THREADS", "3", 1);
  CHECK(thread_limit_from_environment().value() == 3);
  ::setenv("MLROADMAP_THREADS", "", 1);
  CHECK(thread_limit_from_environment().value() == 0);
  for (const char* bad : {"0", "-2", "two", "2 ", "1.5"}) {
    ::setenv("MLROADMAP_THREADS", bad, 1);
    const auto limit = thread_limit_from_environment();
    REQUIRE_FALSE(limit);
    CHECK(limit.error() ==
          "MLROADMAP_THREADS must be a positive whole number, found '" + std::string(bad) + "'");
  }
  ::unsetenv("MLROADMAP_THREADS");
}

TEST_CASE("the thread limit is the one set, else one per core") {
  set_thread_limit(5);
  CHECK(thread_limit() == 5);
  set_thread_limit(0);
  CHECK(thread_limit() >= 1);
}

TEST_CASE("loading and planning give the same result on one thread and on two") {
  const std::string json = large_graph();
  const std::string one = plan_with_threads(json, 1);
  const std::string two = plan_with_threads(json, 2);
  CHECK(one.size() > 1'000'000);
  CHECK(one == two);
  {
    OneThreadHere here;  // a caller's own worker: passes stay on it whatever the limit
    CHECK(plan_with_threads(json, 2) == one);
  }
}

TEST_CASE("a large graph's messages are the same on one thread and on two") {
  std::string json = large_graph();
  // A name another skill has, late in the second half, and an unknown prerequisite there too.
  const std::size_t late = json.find(R"("name": "K69000")");
  REQUIRE(late != std::string::npos);
  json.replace(late, 16, R"("name": "K10")");
  const std::size_t ref = json.find(R"(["k69498")");
  REQUIRE(ref != std::string::npos);
  json.replace(ref, 9, R"(["k-none")");
  const auto messages = [&](unsigned threads) {
    set_thread_limit(threads);
    const GraphLoadResult loaded = load_graph(json, "large.json");
    set_thread_limit(0);
    std::string out;
    for (const Diagnostic& d : loaded.diagnostics) out += format_diagnostic(d) + "\n";
    return out;
  };
  const std::string one = messages(1);
  CHECK(one.find("large.json:") != std::string::npos);
  CHECK(one.find("name 'K10' is already used by skill 'k10'") != std::string::npos);
  CHECK(one.find("unknown prerequisite 'k-none'") != std::string::npos);
  CHECK(messages(2) == one);
}

TEST_CASE("an overlay on a large graph, laid over it as it is read, is the same on any thread") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("mlroadmap-threads-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "base.json") << large_graph();
  // Items changed and removed in both halves of the skills array, which two threads read.
  std::ofstream(dir / "overlay.json") << R"({"extends": "base.json", "schema_version": 2,
    "skills": [{"id": "k100", "hours": 40}, {"id": "k60000", "name": "Sixty thousand"},
               {"id": "k50", "remove": true}, {"id": "k65000", "remove": true},
               {"id": "k69999", "add_prerequisites": ["k7"]},
               {"id": "extra", "name": "Extra", "category": "b", "prerequisites": ["k65001"]}]})";
  const std::string path = (dir / "overlay.json").string();
  const auto everything = [&path](unsigned threads, bool lint) {
    set_thread_limit(threads);
    LoadOptions options;
    options.lint = lint;  // linting always merges on text, to say what it drops
    auto loaded = load_graph_file(path, options);
    set_thread_limit(0);
    REQUIRE(loaded.graph);
    const Plan plan = make_plan(*loaded.graph, PlanRequest{});
    return render_skills_json(*loaded.graph, std::nullopt) + render_plan_json(*loaded.graph, plan);
  };
  const std::string merged = everything(1, true);
  CHECK(merged.find("Sixty thousand") != std::string::npos);
  // Without linting, the overlay is laid over the base as it is read, on two threads.
  set_thread_limit(2);
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(detail::load_overlay_in_one_read(text, path, LoadOptions{},
                                         detail::SourceFile{"<built-in graph>", {}}));
  set_thread_limit(0);
  CHECK(everything(1, false) == merged);
  CHECK(everything(2, false) == merged);
  std::filesystem::remove_all(dir);
}
