#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "mlroadmap/plan.hpp"

namespace mlroadmap {

std::vector<SkillIndex> implied_cover(const Plan& plan) {
  std::vector<SkillIndex> implied;
  for (const SkillIndex s : plan.covered) {
    if (std::find(plan.have.begin(), plan.have.end(), s) == plan.have.end()) implied.push_back(s);
  }
  return implied;
}

std::vector<StageTotals> stage_totals(const Plan& plan) {
  std::vector<StageTotals> stages;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    if (stages.empty() || stages.back().stage != step.stage) {
      stages.push_back({step.stage, i, 0, 0});
    }
    ++stages.back().steps;
    stages.back().hours += step.end_hour - step.start_hour;
  }
  return stages;
}

std::vector<NeededBy> needed_by(const SkillGraph& graph, const Plan& plan, std::size_t step) {
  std::vector<NeededBy> out;
  for (const std::uint32_t waiting : plan.unlocks(step)) {
    for (const PlanLink& link : plan.waits_for(waiting)) {
      if (link.step != step) continue;
      out.push_back({waiting, graph.requirement(plan.steps[waiting].skill, link.requirement).why});
      break;
    }
  }
  return out;
}

// Plans in four passes: what is covered, what the goals need, which member each any_of group
// takes, and the staged order.
class PlanBuilder {
 public:
  PlanBuilder(const SkillGraph& graph, const PlanRequest& request)
      : graph_(graph),
        request_(request),
        covered_(graph.skill_count(), 0),
        in_plan_(graph.skill_count(), 0) {}

  Plan build() {
    plan_.exact = request_.exact;
    plan_.hours_per_week = request_.hours_per_week;
    plan_.start = request_.start;
    for (const SkillIndex s : request_.have) {
      if (std::find(plan_.have.begin(), plan_.have.end(), s) == plan_.have.end()) {
        plan_.have.push_back(s);
      }
    }
    mark_covered();
    resolve_goals();
    collect_needed();
    order_steps();
    link_steps();
    return std::move(plan_);
  }

 private:
  // A skill you have covers everything it requires, transitively, unless the request is exact.
  // Members of an any_of group stay uncovered: knowing the skill does not say which one you used.
  void mark_covered() {
    std::vector<SkillIndex> stack;
    for (const SkillIndex s : plan_.have) {
      if (covered_[s]) continue;
      covered_[s] = 1;
      stack.push_back(s);
    }
    if (request_.exact) return;
    while (!stack.empty()) {
      const SkillIndex s = stack.back();
      stack.pop_back();
      for (std::size_t r = 0; r < graph_.requirement_count(s); ++r) {
        const Requirement requirement = graph_.requirement(s, r);
        if (requirement.any_of) continue;
        for (const SkillIndex option : requirement.options) {
          if (!covered_[option]) {
            covered_[option] = 1;
            stack.push_back(option);
          }
        }
      }
    }
  }

  void resolve_goals() {
    plan_.goals = request_.goals;
    if (plan_.goals.empty()) {
      if (const auto role = graph_.default_role()) {
        plan_.goals.push_back({Goal::Kind::role, *role});
      } else {
        for (SkillIndex s = 0; s < graph_.skill_count(); ++s) {
          targets_.push_back(s);
        }
        return;
      }
    }
    for (const Goal& goal : plan_.goals) {
      if (goal.kind == Goal::Kind::skill) {
        targets_.push_back(goal.index);
      } else {
        const auto& skills = graph_.role(goal.index).skills;
        targets_.insert(targets_.end(), skills.begin(), skills.end());
      }
    }
  }

  void note_covered(SkillIndex s) {
    if (covered_[s] == 1) {
      covered_[s] = 2;  // covered and needed: listed in the plan's `covered`
      covered_needed_.push_back(s);
    }
  }

  // Adds a skill and everything it needs through plain requirements; any_of groups that
  // nothing covers yet wait in `open_groups_` for pass three.
  void add_with_prerequisites(SkillIndex root) {
    if (covered_[root]) {
      note_covered(root);
      return;
    }
    if (in_plan_[root]) return;
    in_plan_[root] = 1;
    std::vector<SkillIndex> stack{root};
    while (!stack.empty()) {
      const SkillIndex s = stack.back();
      stack.pop_back();
      for (std::uint32_t r = 0; r < graph_.requirement_count(s); ++r) {
        const Requirement requirement = graph_.requirement(s, r);
        if (requirement.any_of) {
          open_groups_.push_back({s, r});
          continue;
        }
        for (const SkillIndex option : requirement.options) {
          if (covered_[option]) {
            note_covered(option);
          } else if (!in_plan_[option]) {
            in_plan_[option] = 1;
            stack.push_back(option);
          }
        }
      }
    }
  }

  void collect_needed() {
    for (const SkillIndex target : targets_) {
      add_with_prerequisites(target);
      if (!covered_[target]) is_goal_.push_back(target);
    }
    for (std::size_t g = 0; g < open_groups_.size(); ++g) {
      const auto [skill, r] = open_groups_[g];
      const SkillIndex chosen = choose_member(graph_.requirement(skill, r));
      choices_[key(skill, r)] = chosen;
      add_with_prerequisites(chosen);
    }
  }

  static std::uint64_t key(SkillIndex skill, std::uint32_t requirement) {
    return (std::uint64_t{skill} << 32) | requirement;
  }

  // The first member already covered or planned; otherwise the one needing the fewest further
  // hours, ties going to the first listed.
  SkillIndex choose_member(const Requirement& group) {
    for (const SkillIndex m : group.options) {
      if (covered_[m]) return m;
    }
    for (const SkillIndex m : group.options) {
      if (in_plan_[m]) return m;
    }
    SkillIndex best = group.options.front();
    double best_hours = further_hours(best);
    for (std::size_t i = 1; i < group.options.size(); ++i) {
      const double hours = further_hours(group.options[i]);
      if (hours < best_hours) {
        best = group.options[i];
        best_hours = hours;
      }
    }
    return best;
  }

  // Hours that planning `member` would add: it and everything it brings in that is neither
  // covered nor planned. A nested any_of group counts its member with the fewest own hours.
  double further_hours(SkillIndex member) {
    if (visit_mark_.empty()) visit_mark_.assign(graph_.skill_count(), 0);
    ++epoch_;
    const auto fresh = [&](SkillIndex s) {
      return !covered_[s] && !in_plan_[s] && visit_mark_[s] != epoch_;
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
          const SkillIndex cheapest = *std::min_element(
              requirement.options.begin(), requirement.options.end(),
              [&](SkillIndex a, SkillIndex b) { return graph_.skill(a).hours < graph_.skill(b).hours; });
          visit_mark_[cheapest] = epoch_;
          stack.push_back(cheapest);
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

  // The plan skills `s` waits for, with the requirement each one meets, first mention kept.
  void dependencies(SkillIndex s, std::vector<PlanLink>& out) const {
    out.clear();
    for (std::uint32_t r = 0; r < graph_.requirement_count(s); ++r) {
      const Requirement requirement = graph_.requirement(s, r);
      SkillIndex dep;
      if (requirement.any_of) {
        const auto it = choices_.find(key(s, r));
        if (it == choices_.end()) continue;  // met by something covered
        dep = it->second;
      } else {
        dep = requirement.options.front();
      }
      if (!in_plan_[dep]) continue;
      if (std::any_of(out.begin(), out.end(), [&](const PlanLink& l) { return l.step == dep; })) {
        continue;
      }
      out.push_back({dep, r});
    }
  }

  void order_steps() {
    const std::size_t n = graph_.skill_count();
    // Stages by longest path, walking the plan's requirements depth first without recursion.
    std::vector<std::uint32_t> stage(n, 0);
    std::vector<PlanLink> deps;
    std::vector<std::pair<SkillIndex, bool>> stack;
    std::vector<SkillIndex> members;
    for (SkillIndex s = 0; s < n; ++s) {
      if (!in_plan_[s]) continue;
      members.push_back(s);
      if (stage[s] != 0) continue;
      stack.push_back({s, false});
      while (!stack.empty()) {
        auto [skill, expanded] = stack.back();
        stack.pop_back();
        if (stage[skill] != 0) continue;
        dependencies(skill, deps);
        if (!expanded) {
          stack.push_back({skill, true});
          for (const PlanLink& d : deps) {
            if (stage[d.step] == 0) stack.push_back({d.step, false});
          }
          continue;
        }
        std::uint32_t highest = 0;
        for (const PlanLink& d : deps) highest = std::max(highest, stage[d.step]);
        stage[skill] = highest + 1;
      }
    }
    // Within a stage, the longest chain of steps still waiting behind a skill comes first:
    // starting those early shortens the whole plan (the critical path). Ties follow the
    // category display order, then the graph's own order.
    std::vector<std::uint32_t> chain(n, 0);
    {
      std::vector<SkillIndex> by_stage = members;
      std::sort(by_stage.begin(), by_stage.end(),
                [&](SkillIndex a, SkillIndex b) { return stage[a] > stage[b]; });
      for (const SkillIndex s : by_stage) {  // dependents (later stages) are done first
        chain[s] += 1;
        dependencies(s, deps);
        for (const PlanLink& d : deps) chain[d.step] = std::max(chain[d.step], chain[s]);
      }
    }
    std::sort(members.begin(), members.end(), [&](SkillIndex a, SkillIndex b) {
      if (stage[a] != stage[b]) return stage[a] < stage[b];
      if (chain[a] != chain[b]) return chain[a] > chain[b];
      const CategoryIndex ca = graph_.skill(a).category, cb = graph_.skill(b).category;
      if (ca != cb) return ca < cb;
      return a < b;
    });
    std::sort(is_goal_.begin(), is_goal_.end());
    step_of_.assign(n, 0);
    double hours = 0;
    plan_.steps.reserve(members.size());
    for (const SkillIndex s : members) {
      step_of_[s] = static_cast<std::uint32_t>(plan_.steps.size());
      const double start = hours;
      hours += graph_.skill(s).hours;
      plan_.steps.push_back({s, stage[s], start, hours,
                             std::binary_search(is_goal_.begin(), is_goal_.end(), s)});
      plan_.stage_count = std::max(plan_.stage_count, stage[s]);
    }
    plan_.total_hours = hours;
    std::sort(covered_needed_.begin(), covered_needed_.end());
    plan_.covered = covered_needed_;
  }

  void link_steps() {
    const std::size_t count = plan_.steps.size();
    std::vector<PlanLink> deps;
    std::vector<std::uint32_t> unlock_count(count, 0);
    plan_.waits_begin_.reserve(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
      dependencies(plan_.steps[i].skill, deps);
      for (PlanLink d : deps) {
        d.step = step_of_[d.step];
        plan_.waits_.push_back(d);
        ++unlock_count[d.step];
      }
      plan_.waits_begin_.push_back(static_cast<std::uint32_t>(plan_.waits_.size()));
    }
    plan_.unlocks_begin_.resize(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
      plan_.unlocks_begin_[i + 1] = plan_.unlocks_begin_[i] + unlock_count[i];
    }
    plan_.unlocks_.resize(plan_.waits_.size());
    std::vector<std::uint32_t> fill(plan_.unlocks_begin_.begin(), plan_.unlocks_begin_.end() - 1);
    for (std::uint32_t i = 0; i < count; ++i) {  // in plan order, so each list is sorted
      for (const PlanLink& d : plan_.waits_for(i)) plan_.unlocks_[fill[d.step]++] = i;
    }
  }

  const SkillGraph& graph_;
  const PlanRequest& request_;
  Plan plan_;
  std::vector<std::uint8_t> covered_;  // 0 no, 1 covered, 2 covered and needed by the goals
  std::vector<std::uint8_t> in_plan_;
  std::vector<SkillIndex> targets_;
  std::vector<SkillIndex> is_goal_;
  std::vector<SkillIndex> covered_needed_;
  std::vector<std::pair<SkillIndex, std::uint32_t>> open_groups_;
  std::unordered_map<std::uint64_t, SkillIndex> choices_;
  std::vector<std::uint32_t> visit_mark_;
  std::uint32_t epoch_ = 0;
  std::vector<std::uint32_t> step_of_;
};

Plan make_plan(const SkillGraph& graph, const PlanRequest& request) {
  return PlanBuilder(graph, request).build();
}

}  // namespace mlroadmap
