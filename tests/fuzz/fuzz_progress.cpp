// libFuzzer target: any bytes as a progress file and as a Markdown roadmap read back by
// `done --from`. Events that read are replayed on the built-in graph and measured against a
// plan; skill comments that read are encoded again and must decode to the same id. See
// docs/fuzzing.md.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

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

void read_progress(std::string_view text) {
  using namespace mlroadmap;
  const auto log = parse_progress(text, "fuzz.jsonl");
  if (!log) return;
  if (log->complete_bytes > text.size()) std::abort();
  // Every event written back reads back the same.
  for (const ProgressEvent& event : log->events) {
    const std::string line = std::string(progress_header()) + progress_line(event);
    const auto again = parse_progress(line, "again.jsonl");
    if (line.size() <= kMaxProgressLine &&
        (!again || again->events.size() != 1 || again->events[0].skill != event.skill ||
         again->events[0].note != event.note || again->events[0].state != event.state)) {
      std::abort();
    }
  }
  const ProgressState state = replay_progress(builtin(), log->events);
  const ProgressReport report = make_progress_report(plan(), state, CalendarDate{2027, 6, 1});
  if (report.percent < 0 || report.percent > 100) std::abort();
}

void read_markdown(std::string_view text) {
  using namespace mlroadmap;
  const auto items = checked_skills(text, "fuzz.md");
  if (!items) return;
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
