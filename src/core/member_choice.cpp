#include "member_choice.hpp"

#include <algorithm>

namespace mlroadmap::detail {

MemberChooser::MemberChooser(const SkillGraph& graph, std::span<const SkillIndex> prefer,
                             const std::vector<std::uint8_t>& covered,
                             const std::vector<std::uint8_t>& in_plan, std::uint8_t planned)
    : graph_(graph), covered_(covered), in_plan_(in_plan), planned_(planned) {
  if (prefer.empty()) return;
  prefer_rank_.assign(graph.skill_count(), 0);
  for (std::size_t k = prefer.size(); k-- > 0;) {
    prefer_rank_[prefer[k]] = static_cast<std::uint32_t>(k + 1);  // the first listed wins
  }
}

MemberPick MemberChooser::choose(const Requirement& group) {
  for (const SkillIndex m : group.options) {
    if (covered_[m]) return {m, ChosenBy::have};
  }
  for (const SkillIndex m : group.options) {
    if (planned(m)) return {m, ChosenBy::plan};
  }
  if (const SkillIndex* m = preferred(group.options)) return {*m, ChosenBy::prefer};
  if (const auto member = group.default_member()) return {*member, ChosenBy::group_default};
  SkillIndex best = group.options.front();
  double best_hours = further_hours(best);
  for (std::size_t i = 1; i < group.options.size(); ++i) {
    const double hours = further_hours(group.options[i]);
    if (hours < best_hours) {
      best = group.options[i];
      best_hours = hours;
    }
  }
  return {best, ChosenBy::fewest_hours};
}

const SkillIndex* MemberChooser::preferred(std::span<const SkillIndex> members) const {
  if (prefer_rank_.empty()) return nullptr;
  const SkillIndex* best = nullptr;
  for (const SkillIndex& m : members) {
    if (prefer_rank_[m] != 0 && (best == nullptr || prefer_rank_[m] < prefer_rank_[*best])) {
      best = &m;
    }
  }
  return best;
}

SkillIndex MemberChooser::likely_member(const Requirement& group) const {
  if (const SkillIndex* m = preferred(group.options)) return *m;
  if (const auto member = group.default_member()) return *member;
  return *std::min_element(group.options.begin(), group.options.end(),
                           [&](SkillIndex a, SkillIndex b) {
                             return graph_.skill(a).hours < graph_.skill(b).hours;
                           });
}

// Hours that planning `member` would add: it and everything it brings in that is neither
// covered nor planned. A nested any_of group counts the member it would likely take.
double MemberChooser::further_hours(SkillIndex member) {
  if (visit_mark_.empty()) visit_mark_.assign(graph_.skill_count(), 0);
  ++epoch_;
  const auto fresh = [&](SkillIndex s) {
    return !covered_[s] && !planned(s) && visit_mark_[s] != epoch_;
  };
  double hours = 0;
  std::vector<SkillIndex> stack{member};
  visit_mark_[member] = epoch_;
  while (!stack.empty()) {
    const SkillIndex s = stack.back();
    stack.pop_back();
    hours += graph_.skill(s).hours;
    for (std::uint32_t r = 0; r < graph_.requirement_count(s); ++r) {
      const Requirement requirement = graph_.requirement(s, r);
      if (requirement.any_of) {
        if (!std::all_of(requirement.options.begin(), requirement.options.end(), fresh)) {
          continue;  // met already, or met by something this member brings
        }
        const SkillIndex likely = likely_member(requirement);
        visit_mark_[likely] = epoch_;
        stack.push_back(likely);
        continue;
      }
      for (const SkillIndex option : requirement.options) {
        if (fresh(option)) {
          visit_mark_[option] = epoch_;
          stack.push_back(option);
        }
      }
    }
  }
  return hours;
}

void ChoiceRecords::note(const MemberPick& pick, std::span<const SkillIndex> members,
                         std::size_t skill_count) {
  if (pick.rule == ChosenBy::have) return;
  if (record_of_.empty()) record_of_.assign(skill_count, 0);
  if (record_of_[pick.member] == 0) {
    records_.push_back({pick.member, pick.rule, {}});
    record_of_[pick.member] = static_cast<std::uint32_t>(records_.size());
  }
  std::vector<SkillIndex>& alternatives = records_[record_of_[pick.member] - 1].alternatives;
  for (const SkillIndex m : members) {
    if (m != pick.member &&
        std::find(alternatives.begin(), alternatives.end(), m) == alternatives.end()) {
      alternatives.push_back(m);
    }
  }
}

}  // namespace mlroadmap::detail
