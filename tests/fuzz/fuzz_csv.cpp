// libFuzzer target: any bytes as a CSV profile file (header, then rows, as batch and report read
// them) and as a list of skill names for match. Every row is read, planned on the built-in
// graph and rendered as JSON and CSV; every name is matched. It stops the run when a row is lost
// (each non-blank line belongs to exactly one row, which becomes a profile or problems on the line
// it starts on), when a name's line is out of place, or when what it writes is not UTF-8. See
// docs/fuzzing.md.

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
#include "text.hpp"

namespace {

// Small enough that the fuzzer reaches it: past it a row ends though a quote is open.
constexpr std::size_t kMaxRowBytes = 4096;
constexpr std::string_view kFile = "fuzz.csv";

const mlroadmap::SkillGraph& builtin() {
  static const mlroadmap::SkillGraph graph = *mlroadmap::load_builtin_graph().graph;
  return graph;
}

// The lines of `text` as batch reads them: a '\r' before each line break dropped, and a byte
// order mark at the start of the first. lines[0] is line 1.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t stop = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, stop - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(lines.empty() ? mlroadmap::without_bom(line) : line);
    at = stop + 1;
  }
  return lines;
}

// What batch writes is JSON or CSV, both UTF-8 whatever the input held.
void check_utf8(const std::string& output) {
  if (!mlroadmap::valid_utf8(output)) std::abort();
}

void render_failure(mlroadmap::RecordId id, std::size_t line,
                    const std::vector<mlroadmap::Diagnostic>& problems) {
  check_utf8(mlroadmap::render_batch_failure(id, line, problems));
  check_utf8(mlroadmap::render_batch_csv_failure(id, line, problems));
}

// One row as batch reads and plans it. Its problems are on its own line, and a row that ended
// where its quotes closed splits into cells.
void read_row(const mlroadmap::CsvProfileColumns& columns, std::string_view record,
              std::size_t line, bool closed) {
  using namespace mlroadmap;
  ProfileRead read = read_csv_profile(columns, record, kFile, line);
  if (closed && record.size() <= kMaxRowBytes && !split_csv_record(record, columns.delimiter)) {
    std::abort();
  }
  for (const Diagnostic& problem : read.problems) {
    if (problem.line != line || problem.file != kFile) std::abort();
  }
  const RecordId id{read.profile.id ? std::string_view(*read.profile.id) : std::string_view{}};
  if (!read.problems.empty()) return render_failure(id, line, read.problems);
  const auto request = resolve_request(builtin(), read.profile);
  if (!request) return render_failure(id, line, request.error());
  const Plan plan = make_plan(builtin(), *request);
  check_utf8(render_batch_plan(builtin(), plan, id, line));
  check_utf8(render_batch_csv_plan(builtin(), plan, id, line));
}

// Lines after the last row accounted for, up to (not counting) `next`, must be blank: a row
// never skips a line that holds something. Returns the last line of the row starting at `next`.
std::size_t account(const std::vector<std::string_view>& lines, std::size_t accounted,
                    std::size_t next, std::string_view record, char delimiter) {
  if (next <= accounted) std::abort();
  for (std::size_t n = accounted + 1; n < next; ++n) {
    if (!mlroadmap::blank_csv_line(lines[n - 1], delimiter)) std::abort();
  }
  return next + static_cast<std::size_t>(std::count(record.begin(), record.end(), '\n'));
}

void read_profiles(std::string_view text) {
  using namespace mlroadmap;
  const std::vector<std::string_view> lines = lines_of(text);
  if (lines.empty()) return;
  const auto columns = read_csv_profile_header(lines[0], kFile);
  if (!columns) {
    if (columns.error().line != 1 || columns.error().file != kFile) std::abort();
    return;
  }
  CsvRecordReader rows(columns->delimiter, kMaxRowBytes);
  std::size_t accounted = 1;  // the header
  for (std::size_t n = 2; n <= lines.size(); ++n) {
    if (!rows.take(lines[n - 1], n)) continue;
    accounted = account(lines, accounted, rows.first_line(), rows.record(), columns->delimiter);
    read_row(*columns, rows.record(), rows.first_line(), true);
  }
  if (rows.finish()) {
    accounted = account(lines, accounted, rows.first_line(), rows.record(), columns->delimiter);
    read_row(*columns, rows.record(), rows.first_line(), false);
  }
  account(lines, accounted, lines.size() + 1, {}, columns->delimiter);
}

// Every name of a list read, matched and rendered; each on a line of its own, in order.
void match_names(std::string_view text) {
  using namespace mlroadmap;
  const auto names = read_name_list(text, kFile);
  const std::size_t line_count =
      static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (!names) {
    if (names.error().line < 1 || names.error().line > line_count) std::abort();
    return;
  }
  if (names->names.size() != names->lines.size()) std::abort();
  for (std::size_t i = 0; i < names->lines.size(); ++i) {
    if (names->lines[i] < 1 || names->lines[i] > line_count) std::abort();
    if (i > 0 && names->lines[i] <= names->lines[i - 1]) std::abort();
  }
  static const SkillMatcher matcher(builtin());
  std::vector<SkillMatch> matches;
  for (const std::string& name : names->names) {
    matches.push_back(matcher.match(name));
    if (matches.back().status == MatchStatus::matched && !matches.back().skill) std::abort();
  }
  check_utf8(render_matches_csv(builtin(), matches));
  check_utf8(render_matches_json(builtin(), matches));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  read_profiles(text);
  match_names(text);
  return 0;
}
