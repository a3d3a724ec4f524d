#pragma once
// A learner's progress: marks kept as events in a file they own, replayed into the state of
// each skill, and measured against their plan.

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/calendar_date.hpp"
#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap {

/// Where a learner stands with a skill. `todo` is where every skill starts, and where a reset
/// puts it back.
enum class SkillState : std::uint8_t { todo, learning, done, skipped };
/// "todo", "learning", "done" or "skipped".
std::string_view to_string(SkillState state);
std::optional<SkillState> parse_skill_state(std::string_view text);

/// One mark: a skill (by id, as written) put in a state on a date, with an optional note.
struct ProgressEvent {
  std::string skill;
  SkillState state = SkillState::todo;
  CalendarDate date;
  std::string note;  ///< empty: none
};

/// The longest line a progress file may hold, its newline included.
inline constexpr std::size_t kMaxProgressLine = std::size_t{64} << 10;

/// The first line of every progress file, with its newline.
std::string_view progress_header();

/// An event as one line of a progress file (JSON Lines), with its newline.
std::string progress_line(const ProgressEvent& event);

/// What a progress file holds: its events in file order, and warnings (a last line without its
/// newline, left by a writer that was stopped, is skipped with one).
struct ProgressLog {
  std::vector<ProgressEvent> events;
  std::vector<Diagnostic> warnings;
  /// Bytes up to the end of the last complete line: what stays when a torn line is cut off.
  std::size_t complete_bytes = 0;
  bool has_header = false;  ///< false: empty, or blank lines and a torn first line
};

/// Reads the text of a progress file named `file`: the header line, then one event a line.
/// An empty text holds no events. A complete line that is not an event, a line longer than
/// kMaxProgressLine, or a missing or unknown header is an error naming file:line.
std::expected<ProgressLog, std::vector<Diagnostic>> parse_progress(std::string_view text,
                                                                   std::string_view file);

/// Reads the progress file at `path`; a file that does not exist holds no events.
std::expected<ProgressLog, std::vector<Diagnostic>> read_progress_file(const std::string& path);

/// Appends `events` to the progress file at `path`, creating it when needed, under an exclusive lock so that marks from processes running at once are all kept.
/// A torn last line is cut off first (a warning says so); a file with an error is left exactly
/// as it was. Returns the warnings, or the errors.
std::expected<std::vector<Diagnostic>, std::vector<Diagnostic>> append_progress(
    const std::string& path, std::span<const ProgressEvent> events);

/// A skill's state after every event, with the date of the event that set it.
struct SkillProgress {
  SkillIndex skill;
  SkillState state;
  CalendarDate date;
};

/// The events replayed in order: each skill's last event decides its state.
struct ProgressState {
  std::vector<SkillProgress> skills;  ///< skills not in `todo`, by skill index
  std::vector<std::string> unknown;   ///< ids the graph does not know, as first written

  /// Skills done or skipped: what planning treats as had.
  std::vector<SkillIndex> had() const;
  std::vector<SkillIndex> learning() const;
  /// The state of `skill`, todo when no event left it elsewhere.
  const SkillProgress* find(SkillIndex skill) const;
  bool empty() const { return skills.empty() && unknown.empty(); }
};
ProgressState replay_progress(const SkillGraph& graph, std::span<const ProgressEvent> events);

/// Plans from where the learner stands: done and skipped skills are had, started ones are marked
/// and placed first in their stage. Given `today`, a start date before it (a schedule under
/// way) moves to today, so the remaining steps are scheduled from today.
void follow_progress(PlanRequest& request, const ProgressState& state,
                     std::optional<CalendarDate> today);

/// The mark a Markdown roadmap carries on each task item, hidden when rendered:
/// `<!-- skill: ID -->`, with what an HTML comment cannot hold (and '%') percent-encoded.
std::string skill_comment(std::string_view id);

/// A checked task item ([x] or [X]) of a Markdown roadmap, and the skill its comment names.
struct CheckedItem {
  std::string skill;
  std::uint32_t line;
};
struct CheckedItems {
  std::vector<CheckedItem> items;
  std::vector<Diagnostic> warnings;  ///< checked items without a skill comment
};
/// The checked task items of a Markdown roadmap this program exported, outside fenced code
/// blocks. A skill comment that cannot be decoded, or is not written as skill_comment() writes
/// it, is an error naming file:line; the errors come with the warnings, in line order.
std::expected<CheckedItems, std::vector<Diagnostic>> checked_skills(std::string_view markdown,
                                                                    std::string_view file);

/// How far along a plan a learner is. The plan is the one their profile describes, made
/// without their progress, so only marks move the measure.
struct ProgressReport {
  struct Stage {
    std::uint32_t stage;
    std::size_t steps;
    std::size_t finished;  ///< done or skipped
    double hours;
    double finished_hours;
  };
  /// What was done in the days up to today.
  struct Recent {
    std::uint32_t days;
    std::vector<SkillIndex> done;
    double hours = 0;
  };
  CalendarDate today;
  std::size_t steps = 0;
  double total_hours = 0;
  std::vector<SkillIndex> done;      ///< in plan order
  std::vector<SkillIndex> learning;  ///< in plan order
  std::vector<SkillIndex> skipped;   ///< in plan order
  std::vector<std::string> unknown;  ///< ids the graph no longer knows
  int percent = 0;                   ///< round(100 x (done + skipped) / steps)
  int percent_hours = 0;             ///< the same in hours
  double remaining_hours = 0;
  std::vector<Stage> stages;
  std::vector<Recent> recent;  ///< the last 7 and 30 days
  double hours_per_week = 0;   ///< 0: no pace, so no finish
  std::optional<CalendarDate> finish;  ///< projected from today and the remaining hours
  std::optional<CalendarDate> start;   ///< of the original schedule
  std::optional<CalendarDate> planned_finish;
  std::optional<long> weeks_ahead;  ///< negative: behind the original schedule
};
ProgressReport make_progress_report(const Plan& plan, const ProgressState& state,
                                    CalendarDate today);

/// The report for a person: the measures, then a bar per stage. `plan` is the one measured.
std::string render_progress_text(const SkillGraph& graph, const Plan& plan,
                                 const ProgressReport& report, const TextStyle& style);
/// The same for programs (docs/json-schemas.md), naming the files it was made from.
std::string render_progress_json(const SkillGraph& graph, const Plan& plan,
                                 const ProgressReport& report, const Sources& sources);
/// The same as a CommonMark document.
std::string render_progress_markdown(const SkillGraph& graph, const Plan& plan,
                                     const ProgressReport& report);

}  // namespace mlroadmap
