#include "mlroadmap/progress.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "json_writer.hpp"

namespace mlroadmap {

namespace {

using namespace std::string_view_literals;

constexpr std::array kStateNames = {"todo"sv, "learning"sv, "done"sv, "skipped"sv};

}  // namespace

std::string_view to_string(SkillState state) {
  return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<SkillState> parse_skill_state(std::string_view text) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == text) return static_cast<SkillState>(i);
  }
  return std::nullopt;
}

std::string_view progress_header() { return "{\"mlroadmap_progress\": 1}\n"; }

std::string progress_line(const ProgressEvent& event) {
  std::string out;
  {
    detail::JsonWriter json(out, 0);
    json.begin_object();
    json.member("skill", event.skill);
    json.member("state", to_string(event.state));
    json.member("date", format_date(event.date));
    if (!event.note.empty()) json.member("note", event.note);
    json.end_object();
  }
  out += '\n';
  return out;
}
std::vector<SkillIndex> ProgressState::had() const {
  std::vector<SkillIndex> out;
  for (const SkillProgress& p : skills) {
    if (p.state == SkillState::done || p.state == SkillState::skipped) out.push_back(p.skill);
  }
  return out;
}

std::vector<SkillIndex> ProgressState::learning() const {
  std::vector<SkillIndex> out;
  for (const SkillProgress& p : skills) {
    if (p.state == SkillState::learning) out.push_back(p.skill);
  }
  return out;
}

const SkillProgress* ProgressState::find(SkillIndex skill) const {
  const auto it = std::lower_bound(
      skills.begin(), skills.end(), skill,
      [](const SkillProgress& p, SkillIndex s) { return p.skill < s; });
  return it != skills.end() && it->skill == skill ? &*it : nullptr;
}

ProgressState replay_progress(const SkillGraph& graph, std::span<const ProgressEvent> events) {
  ProgressState state;
  std::vector<SkillProgress> last;  // by skill, the latest event wins
  // A file kept against an older graph may name many ids this one lacks: each is looked up
  // once, not against every one before it.
  std::unordered_set<std::string_view> unknown;
  for (const ProgressEvent& event : events) {
    const auto skill = graph.find_skill_by_id(event.skill);
    if (!skill) {
      if (unknown.insert(event.skill).second) state.unknown.push_back(event.skill);
      continue;
    }
    last.push_back({*skill, event.state, event.date});
  }
  // Stable: among a skill's events, the last in the file comes last.
  std::stable_sort(last.begin(), last.end(),
                   [](const SkillProgress& a, const SkillProgress& b) { return a.skill < b.skill; });
  for (std::size_t i = 0; i < last.size(); ++i) {
    if (i + 1 < last.size() && last[i + 1].skill == last[i].skill) continue;
    if (last[i].state != SkillState::todo) state.skills.push_back(last[i]);
  }
  return state;
}

void follow_progress(PlanRequest& request, const ProgressState& state,
                     std::optional<CalendarDate> today) {
  for (const SkillIndex s : state.had()) {
    if (std::find(request.have.begin(), request.have.end(), s) == request.have.end()) {
      request.have.push_back(s);
    }
  }
  request.learning = state.learning();
  if (today && request.start && *request.start < *today) request.start = today;
}

}  // namespace mlroadmap
