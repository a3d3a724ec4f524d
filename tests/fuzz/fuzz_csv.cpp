// libFuzzer target: any bytes as a CSV profile file (header, then rows, as batch and report read
// them) and as a list of skill names for match. Every row is read, planned on the built-in
// graph and rendered as CSV; every name is matched. See docs/fuzzing.md.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "mlroadmap/csv.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/match.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/request.hpp"

namespace {

const mlroadmap::SkillGraph& builtin() {
  static const mlroadmap::SkillGraph graph = *mlroadmap::load_builtin_graph().graph;
  return graph;
}

// Reads `text` as batch does: the header line, then records, each going on while a quoted
// cell is open; each row planned and rendered.
void read_profiles(std::string_view text) {
  using namespace mlroadmap;
  const std::size_t header_end = std::min(text.find('\n'), text.size());
  const auto columns = read_csv_profile_header(text.substr(0, header_end), "fuzz.csv");
  if (!columns) return;
  std::size_t at = header_end + 1;
  std::size_t line = 1;
  while (at < text.size()) {
    CsvRecordEnd end(columns->delimiter);
    const std::size_t start = at;
    const std::size_t first_line = ++line;
    std::size_t stop = std::min(text.find('\n', at), text.size());
    while (!end.take(text.substr(at, stop - at)) && stop < text.size()) {
      at = stop + 1;
      ++line;
      stop = std::min(text.find('\n', at), text.size());
    }
    const std::string_view record = text.substr(start, stop - start);
    at = stop + 1;
    ProfileRead read = read_csv_profile(*columns, record, "fuzz.csv", first_line);
    if (!read.problems.empty()) {
      (void)render_batch_csv_failure({}, first_line, read.problems);
      continue;
    }
    const auto request = resolve_request(builtin(), read.profile);
    if (!request) continue;
    const Plan plan = make_plan(builtin(), *request);
    (void)render_batch_csv_plan(builtin(), plan, {read.profile.id.value_or("")}, first_line);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mlroadmap;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  read_profiles(text);
  const auto names = read_name_list(text, "fuzz.csv");
  if (!names) return 0;
  if (names->names.size() != names->lines.size()) std::abort();
  static const SkillMatcher matcher(builtin());
  std::vector<SkillMatch> matches;
  for (const std::string& name : names->names) {
    matches.push_back(matcher.match(name));
    if (matches.back().status == MatchStatus::matched && !matches.back().skill) std::abort();
  }
  (void)render_matches_csv(builtin(), matches);
  (void)render_matches_json(builtin(), matches);
  return 0;
}
