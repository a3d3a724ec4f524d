// libFuzzer target: any bytes as a progress file and as a Markdown roadmap read back by
// `done --from`. Events that read are written back and must read back the same, are replayed
// on the built-in graph (twice over, which must change nothing) and measured against a plan;
// skill comments that read are encoded again and must decode to the same id, and every item
// and problem is on a line of the text. See docs/fuzzing.md.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/progress.hpp"

namespace {

const mlroadmap::SkillGraph& builtin() {
  static const mlroadmap::SkillGraph graph = *mlroadmap::load_builtin_graph().graph;
  return graph;
}

const mlroadmap::Plan& plan() {
  static const mlroadmap::Plan plan = [] {
    mlroadmap::PlanRequest request;
    request.hours_per_week = 10;
    request.start = mlroadmap::CalendarDate{2027, 1, 4};
    return mlroadmap::make_plan(builtin(), request);
  }();
  return plan;
}

bool same_state(const mlroadmap::ProgressState& a, const mlroadmap::ProgressState& b) {
  const auto same = [](const mlroadmap::SkillProgress& x, const mlroadmap::SkillProgress& y) {
    return x.skill == y.skill && x.state == y.state && x.date == y.date;
  };
  return a.unknown == b.unknown &&
         std::equal(a.skills.begin(), a.skills.end(), b.skills.begin(), b.skills.end(), same);
}

// Every event written back reads back the same, and so does the whole file written back.
void write_back(const mlroadmap::ProgressLog& log) {
  using namespace mlroadmap;
  std::string file(progress_header());
  for (const ProgressEvent& event : log.events) {
    const std::string line = progress_line(event);
    if (line.size() > kMaxProgressLine) return;
    file += line;
    const auto again = parse_progress(std::string(progress_header()) + line, "again.jsonl");
    if (!again || again->events.size() != 1 || again->events[0].skill != event.skill ||
        again->events[0].note != event.note || again->events[0].state != event.state ||
        again->events[0].date != event.date) {
      std::abort();
    }
  }
  const auto again = parse_progress(file, "again.jsonl");
  if (!again || again->events.size() != log.events.size() || !again->warnings.empty()) {
    std::abort();
  }
}

// Replaying is a function of the events, and replaying them twice over (a file appended to
// itself, a roadmap marked twice) changes nothing: each skill's last mark decides.
mlroadmap::ProgressState replay_twice(const std::vector<mlroadmap::ProgressEvent>& events) {
  using namespace mlroadmap;
  const ProgressState state = replay_progress(builtin(), events);
  if (!same_state(state, replay_progress(builtin(), events))) std::abort();
  std::vector<ProgressEvent> twice = events;
  twice.insert(twice.end(), events.begin(), events.end());
  if (!same_state(state, replay_progress(builtin(), twice))) std::abort();
  return state;
}

void read_progress(std::string_view text) {
  using namespace mlroadmap;
  const auto log = parse_progress(text, "fuzz.jsonl");
  if (!log) return;
  if (log->complete_bytes > text.size()) std::abort();
  write_back(*log);
  const ProgressState state = replay_twice(log->events);
  const ProgressReport report = make_progress_report(plan(), state, CalendarDate{2027, 6, 1});
  if (report.percent < 0 || report.percent > 100) std::abort();
}

// Each item and each problem on a line of the text, items in order.
void check_lines(std::string_view text, const auto& items, const auto& problems) {
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::uint32_t previous = 0;
  for (const mlroadmap::CheckedItem& item : items) {
    if (item.line <= previous || item.line > lines) std::abort();
    previous = item.line;
  }
  for (const mlroadmap::Diagnostic& problem : problems) {
    if (problem.line < 1 || problem.line > lines || problem.file != "fuzz.md") std::abort();
  }
}

void read_markdown(std::string_view text) {
  using namespace mlroadmap;
  const auto items = checked_skills(text, "fuzz.md");
  if (!items) {
    check_lines(text, std::vector<CheckedItem>{}, items.error());
    return;
  }
  check_lines(text, items->items, items->warnings);
  for (const CheckedItem& item : items->items) {
    const std::string line = "- [x] item " + skill_comment(item.skill) + "\n";
    const auto again = checked_skills(line, "again.md");
    if (!again || again->items.size() != 1 || again->items[0].skill != item.skill) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  read_progress(text);
  read_markdown(text);
  return 0;
}
