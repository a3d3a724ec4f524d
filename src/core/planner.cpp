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
          const SkillIndex cheapest =
              *std::min_element(requirement.options.begin(), requirement.options.end(),
                                [&](SkillIndex a, SkillIndex b) {
                                  return graph_.skill(a).hours < graph_.skill(b).hours;
                                });
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

  // Orders the plan in linear time: the edges between plan skills are gathered once, stages
  // come from Kahn's algorithm (a step's stage is one more than the latest it waits for), the
  // length of the chain behind each step from the same order walked backwards, then one sort.
  void order_steps() {
    std::vector<SkillIndex> members;
    step_of_.assign(graph_.skill_count(), 0);
    for (SkillIndex s = 0; s < graph_.skill_count(); ++s) {
      if (!in_plan_[s]) continue;
      step_of_[s] = static_cast<std::uint32_t>(members.size());
      members.push_back(s);
    }
    const std::size_t m = members.size();

    // Edges in member numbering: waits (what each member waits for) and the reverse.
    std::vector<std::uint32_t> wait_begin{0};
    std::vector<PlanLink> waits;
    std::vector<std::uint32_t> unlock_count(m, 0);
    wait_begin.reserve(m + 1);
    waits.reserve(m == graph_.skill_count() ? graph_.requirement_items_count() : m * 2);
    std::vector<PlanLink> deps;
    for (std::size_t i = 0; i < m; ++i) {
      dependencies(members[i], deps);
      for (PlanLink d : deps) {
        d.step = step_of_[d.step];
        ++unlock_count[d.step];
        waits.push_back(d);
      }
      wait_begin.push_back(static_cast<std::uint32_t>(waits.size()));
    }
    std::vector<std::uint32_t> unlock_begin(m + 1, 0);
    for (std::size_t i = 0; i < m; ++i) unlock_begin[i + 1] = unlock_begin[i] + unlock_count[i];
    std::vector<std::uint32_t> unlocks(waits.size());
    {
      std::vector<std::uint32_t> fill(unlock_begin.begin(), unlock_begin.end() - 1);
      for (std::uint32_t i = 0; i < m; ++i) {
        for (std::uint32_t k = wait_begin[i]; k < wait_begin[i + 1]; ++k) {
          unlocks[fill[waits[k].step]++] = i;
        }
      }
    }

    std::vector<std::uint32_t> stage(m, 1);
    std::vector<std::uint32_t> pending(m);
    std::vector<std::uint32_t> order;
    order.reserve(m);
    for (std::uint32_t i = 0; i < m; ++i) {
      pending[i] = wait_begin[i + 1] - wait_begin[i];
      if (pending[i] == 0) order.push_back(i);
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
      const std::uint32_t u = order[head];
      for (std::uint32_t k = unlock_begin[u]; k < unlock_begin[u + 1]; ++k) {
        const std::uint32_t v = unlocks[k];
        stage[v] = std::max(stage[v], stage[u] + 1);
        if (--pending[v] == 0) order.push_back(v);
      }
    }
    std::vector<std::uint32_t> chain(m, 1);
    for (std::size_t k = order.size(); k-- > 0;) {
      const std::uint32_t u = order[k];
      for (std::uint32_t e = unlock_begin[u]; e < unlock_begin[u + 1]; ++e) {
        chain[u] = std::max(chain[u], chain[unlocks[e]] + 1);
      }
    }

    // Within a stage, the longest chain of steps still waiting behind a skill comes first:
    // starting those early shortens the whole plan (the critical path). Ties follow the
    // category display order, then the graph's own order.
    // The keys are built in member order (the graph's order, so the skill records are read
    // front to back) and sorted as plain numbers, with no lookups while sorting.
    struct SortKey {
      std::uint64_t stage_chain;        // stage, then longer chains first
      std::uint64_t category_position;  // category, then the graph's order
      bool operator<(const SortKey& other) const {
        return stage_chain != other.stage_chain ? stage_chain < other.stage_chain
                                                : category_position < other.category_position;
      }
    };
    std::vector<SortKey> keys(m);
    for (std::uint32_t i = 0; i < m; ++i) {
      keys[i] = {(std::uint64_t{stage[i]} << 32) | (0xFFFF'FFFFu - chain[i]),
                 (std::uint64_t{graph_.skill(members[i]).category} << 32) | i};
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint32_t> sorted(m);
    for (std::uint32_t k = 0; k < m; ++k)
      sorted[k] = static_cast<std::uint32_t>(keys[k].category_position);
    keys = {};
    std::vector<std::uint32_t> position(m);
    for (std::uint32_t k = 0; k < m; ++k) position[sorted[k]] = k;

    std::sort(is_goal_.begin(), is_goal_.end());
    double hours = 0;
    plan_.steps.reserve(m);
    plan_.waits_begin_.reserve(m + 1);
    plan_.waits_.reserve(waits.size());
    for (const std::uint32_t i : sorted) {
      const SkillIndex s = members[i];
      const double start = hours;
      hours += graph_.skill(s).hours;
      plan_.steps.push_back(
          {s, stage[i], start, hours, std::binary_search(is_goal_.begin(), is_goal_.end(), s)});
      plan_.stage_count = std::max(plan_.stage_count, stage[i]);
      for (std::uint32_t k = wait_begin[i]; k < wait_begin[i + 1]; ++k) {
        plan_.waits_.push_back({position[waits[k].step], waits[k].requirement});
      }
      plan_.waits_begin_.push_back(static_cast<std::uint32_t>(plan_.waits_.size()));
    }
    plan_.total_hours = hours;
    std::sort(covered_needed_.begin(), covered_needed_.end());
    plan_.covered = covered_needed_;

    // What each step unlocks, in plan order.
    plan_.unlocks_begin_.assign(m + 1, 0);
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint32_t i = sorted[k];
      plan_.unlocks_begin_[k + 1] =
          plan_.unlocks_begin_[k] + (unlock_begin[i + 1] - unlock_begin[i]);
    }
    plan_.unlocks_.resize(plan_.waits_.size());
    std::vector<std::uint32_t> fill(plan_.unlocks_begin_.begin(), plan_.unlocks_begin_.end() - 1);
    for (std::uint32_t k = 0; k < m; ++k) {  // in plan order, so each list comes out sorted
      for (const PlanLink& link : plan_.waits_for(k)) plan_.unlocks_[fill[link.step]++] = k;
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
