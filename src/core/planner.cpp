#include <algorithm>
#include <cmath>
#include <tuple>

#include "graph_parts.hpp"
#include "machinery.hpp"
#include "member_choice.hpp"
#include "mlroadmap/coverage.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap {

namespace detail {
struct PlanKey {};
}  // namespace detail

namespace {

// Gives a vector's memory back now (`v = {}` would only empty it and keep the capacity).
template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

}  // namespace

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
      out.push_back({waiting, link_why(graph, plan.steps[waiting].skill, link),
                     link.recommended != 0});
      break;
    }
  }
  return out;
}

std::string_view to_string(ChosenBy rule) {
  switch (rule) {
    case ChosenBy::have: return "have";
    case ChosenBy::plan: return "plan";
    case ChosenBy::prefer: return "prefer";
    case ChosenBy::group_default: return "default";
    case ChosenBy::fewest_hours: break;
  }
  return "fewest_hours";
}

bool Plan::learning(std::size_t step) const {
  return std::binary_search(learning_steps.begin(), learning_steps.end(), step);
}

const StepChoice* Plan::choice(std::size_t step) const {
  const auto it = std::lower_bound(
      choices.begin(), choices.end(), step,
      [](const StepChoice& c, std::size_t s) { return c.step < s; });
  return it != choices.end() && it->step == step ? &*it : nullptr;
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
    plan_.has_links = request_.links;
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
    for (const SkillIndex s : request_.learning) {
      if (in_plan_[s] & kPlanned) in_plan_[s] |= kLearning;
    }
    order_steps();
    return std::move(plan_);
  }

 private:
  static constexpr std::uint8_t kPlanned = 1;  // in_plan_ bits
  static constexpr std::uint8_t kGoal = 2;
  static constexpr std::uint8_t kLearning = 4;
  static constexpr SkillIndex kNoChoice = 0xFFFFFFFFu;

  bool started(SkillIndex s) const { return (in_plan_[s] & kLearning) != 0; }

  // Pass one: what the skills you have cover (the rule is in coverage.hpp).
  void mark_covered() { mlroadmap::mark_covered(graph_, plan_.have, request_.exact, covered_); }

  void resolve_goals() {
    plan_.goals = request_.goals;
    if (plan_.goals.empty()) {
      if (const auto role = graph_.default_role()) {
        plan_.goals.push_back({Goal::Kind::role, *role});
      } else {
        every_skill_ = true;  // no goal and no role to aim for: the whole graph
        return;
      }
    }
    for (const Goal& goal : plan_.goals) {
      if (goal.kind == Goal::Kind::skill) {
        targets_.push_back(goal.index);
      } else {
        const auto& skills = graph_.role(goal.index).targets;
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
    if (in_plan_[root] & kPlanned) return;
    in_plan_[root] |= kPlanned;
    stack_.push_back(root);
    while (!stack_.empty()) {
      const SkillIndex s = stack_.back();
      stack_.pop_back();
      for (std::uint32_t r = 0; r < graph_.requirement_count(s); ++r) {
        const Requirement requirement = graph_.requirement(s, r);
        if (requirement.any_of) {
          open_groups_.push_back({s, r});
          continue;
        }
        for (const SkillIndex option : requirement.options) {
          if (covered_[option]) {
            note_covered(option);
          } else if (!(in_plan_[option] & kPlanned)) {
            in_plan_[option] |= kPlanned;
            prefetch_requirement_start(graph_, option);
            stack_.push_back(option);
          }
        }
      }
    }
  }

  void collect_needed() {
    if (every_skill_) {
      collect_every_skill();
      return;
    }
    for (std::size_t k = 0; k < targets_.size(); ++k) {
      prefetch(k, targets_.size(), [&](std::size_t i) { return targets_[i]; });
      const SkillIndex target = targets_[k];
      add_with_prerequisites(target);
      if (!covered_[target]) in_plan_[target] |= kGoal;
    }
    release(targets_);
    if (open_groups_.empty()) return;
    chosen_.assign(graph_.requirement_total(), kNoChoice);
    detail::MemberChooser chooser(graph_, request_.prefer, covered_, in_plan_, kPlanned);
    for (std::size_t g = 0; g < open_groups_.size(); ++g) {
      const auto [skill, r] = open_groups_[g];
      const Requirement group = graph_.requirement(skill, r);
      const detail::MemberPick pick = chooser.choose(group);
      chosen_[graph_.requirement_number(skill, r)] = pick.member;
      choices_.note(pick, group.options, graph_.skill_count());
      add_with_prerequisites(pick.member);
    }
  }

  // With every skill a goal, what the goals need is every skill not covered, and every covered
  // one is needed: no walk is needed to know it. Each any_of group then takes its first
  // covered member, or else its first (planned) one, as the chooser would; every member being
  // a goal, no step is a choice between alternatives.
  void collect_every_skill() {
    const auto n = static_cast<SkillIndex>(graph_.skill_count());
    for (SkillIndex s = 0; s < n; ++s) {
      if (covered_[s]) {
        note_covered(s);
      } else {
        in_plan_[s] = kPlanned | kGoal;
      }
    }
    bool any_of = false;
    for (SkillIndex s = 0; s < n && !any_of; ++s) {
      for (std::uint32_t r = 0; r < graph_.requirement_count(s) && !any_of; ++r) {
        any_of = graph_.requirement(s, r).any_of;
      }
    }
    if (!any_of) return;
    chosen_.assign(graph_.requirement_total(), kNoChoice);
    detail::MemberChooser chooser(graph_, {}, covered_, in_plan_, kPlanned);
    for (SkillIndex s = 0; s < n; ++s) {
      if (!(in_plan_[s] & kPlanned)) continue;
      for (std::uint32_t r = 0; r < graph_.requirement_count(s); ++r) {
        const Requirement group = graph_.requirement(s, r);
        if (group.any_of) chosen_[graph_.requirement_number(s, r)] = chooser.choose(group).member;
      }
    }
  }

  // Calls f(dep, index, recommended) for each plan skill `s` waits for, the skills it requires
  // first, then (with kRecommended) those it recommends; a skill named by two links comes
  // twice. Walks over many skills are made with kRecommended only for a graph that has
  // recommendations, so nearly every large graph pays nothing for them.
  template <bool kRecommended, typename F>
  void for_each_dependency(SkillIndex s, F f) const {
    const std::size_t count = graph_.requirement_count(s);
    for (std::uint32_t r = 0; r < count; ++r) {
      const Requirement requirement = graph_.requirement(s, r);
      SkillIndex dep;
      if (requirement.any_of) {
        dep = chosen_.empty() ? kNoChoice : chosen_[graph_.requirement_number(s, r)];
        if (dep == kNoChoice) continue;  // met by something covered
      } else {
        dep = requirement.options.front();
      }
      if (in_plan_[dep] & kPlanned) f(dep, r, false);
    }
    if constexpr (kRecommended) {
      const auto recommended = graph_.recommended(s);
      for (std::uint32_t k = 0; k < recommended.size(); ++k) {
        if (in_plan_[recommended[k].skill] & kPlanned) f(recommended[k].skill, k, true);
      }
    }
  }

  // The plan skills `s` waits for, with the link to each, first mention kept.
  void dependencies(SkillIndex s, std::vector<PlanLink>& out) const {
    out.clear();
    const auto add = [&](SkillIndex dep, std::uint32_t index, bool recommended) {
      for (const PlanLink& l : out) {
        if (l.step == dep) return;
      }
      out.push_back(PlanLink{dep, index, recommended ? 1u : 0u});
    };
    if (graph_.has_recommendations()) {
      for_each_dependency<true>(s, add);
    } else {
      for_each_dependency<false>(s, add);
    }
  }

  // A walk over many skills in an order of its own waits on memory three times a skill: for
  // where its requirements start, for the requirements, then for the record of the skill (when
  // `record`) and the entries of per-skill arrays it reads: its own (`own`) and those its
  // requirements point at (`target`). Asking for each a few skills ahead overlaps those waits.
  // `at(i)` is the skill walked i-th.
  static constexpr std::size_t kAhead = 8;
  template <typename At>
  void prefetch(std::size_t i, std::size_t count, At at, const std::uint32_t* target = nullptr,
                const std::uint32_t* own = nullptr, bool record = true) const {
    if (i + 3 * kAhead < count) prefetch_requirement_start(graph_, at(i + 3 * kAhead));
    if (i + 2 * kAhead < count) prefetch_requirements(graph_, at(i + 2 * kAhead));
    if (target != nullptr && i + kAhead < count) {
      const SkillIndex s = at(i + kAhead);
      if (record) detail::prefetch(&graph_.skill(s).hours);
      if (own != nullptr) detail::prefetch(own + s);
      graph_.for_each_required(s, [&](SkillIndex o) { detail::prefetch(target + o); });
    }
  }

  // The plan's skills ordered by stage, then longer chain, then category, then the graph's
  // order, in linear time: the skills taken in the graph's order, then stable radix passes over
  // one number made of the first three keys (std::sort of the full keys when that number would
  // not fit in 32 bits).
  std::vector<SkillIndex> sort_steps(const std::vector<std::uint32_t>& stage,
                                     const std::vector<std::uint32_t>& chain, std::size_t m) const {
    const std::size_t n = graph_.skill_count();
    std::uint64_t max_stage = 0, max_chain = 0;
    for (SkillIndex s = 0; s < n; ++s) {
      if (!(in_plan_[s] & kPlanned)) continue;
      max_stage = std::max<std::uint64_t>(max_stage, stage[s]);
      max_chain = std::max<std::uint64_t>(max_chain, chain[s]);
    }
    const std::uint64_t categories = std::max<std::size_t>(1, graph_.categories().size());
    // A started skill comes first in its stage: one more key, only when there is one.
    const std::uint64_t sides = request_.learning.empty() ? 1 : 2;
    const std::uint64_t range = (max_stage + 1) * sides * (max_chain + 1) * categories;
    if (range > 0xFFFFFFFFull) {
      std::vector<SkillIndex> members;
      members.reserve(m);
      for (SkillIndex s = 0; s < n; ++s) {
        if (in_plan_[s] & kPlanned) members.push_back(s);
      }
      const auto key = [&](SkillIndex s) {
        return std::tuple(stage[s], started(s) ? 0 : 1, ~chain[s], graph_.skill(s).category, s);
      };
      std::sort(members.begin(), members.end(),
                [&](SkillIndex a, SkillIndex b) { return key(a) < key(b); });
      return members;
    }
    // Stage first, then the longer chain first, then the category.
    const auto rank = [&](SkillIndex s) {
      return static_cast<std::uint32_t>(
          ((std::uint64_t{stage[s]} * sides + (sides - 1 - (started(s) ? 1 : 0))) *
               (max_chain + 1) +
           (max_chain - chain[s])) *
              categories +
          graph_.skill(s).category);
    };
    std::vector<std::uint64_t> items;  // rank << 32 | skill, in the graph's order
    items.reserve(m);
    for (SkillIndex s = 0; s < n; ++s) {
      if (in_plan_[s] & kPlanned) items.push_back((std::uint64_t{rank(s)} << 32) | s);
    }
    if (m < 1024) {
      // A short plan is sorted whole, which costs less than the radix counters; rank and skill
      // together are unique, so the order is the one the stable passes give.
      std::sort(items.begin(), items.end());
    } else {
      // Stable by rank, eleven bits a pass, only as many passes as the ranks need.
      std::vector<std::uint64_t> other(m);
      constexpr unsigned kBits = 11;
      for (unsigned shift = 32; shift < 64 && (range - 1) >> (shift - 32) != 0; shift += kBits) {
        std::vector<std::uint32_t> count((1u << kBits) + 1, 0);
        for (const std::uint64_t item : items) ++count[((item >> shift) & ((1u << kBits) - 1)) + 1];
        for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
        for (const std::uint64_t item : items) {
          other[count[(item >> shift) & ((1u << kBits) - 1)]++] = item;
        }
        items.swap(other);
      }
    }
    std::vector<SkillIndex> sorted(m);
    for (std::size_t k = 0; k < m; ++k) sorted[k] = static_cast<SkillIndex>(items[k]);
    return sorted;
  }

  // Steps [first, last) of the sorted plan skills, in place in the plan, and what each waits
  // for, appended to `out`; a step's end_hour holds its own hours until they are added up.
  void make_steps(const std::vector<SkillIndex>& sorted, const std::vector<std::uint32_t>& position,
                  const std::vector<std::uint32_t>& stage, std::size_t first, std::size_t last,
                  Plan::Links& out) {
    std::vector<PlanLink> deps;
    for (std::size_t k = first; k < last; ++k) {
      const SkillIndex s = sorted[k];
      if (request_.links) {
        prefetch(
            k, last, [&](std::size_t i) { return sorted[i]; }, position.data(), stage.data());
      } else if (k + kAhead < last) {  // the skill's own entries only
        const SkillIndex ahead = sorted[k + kAhead];
        detail::prefetch(&graph_.skill(ahead).hours);
        detail::prefetch(&stage[ahead]);
        detail::prefetch(&in_plan_[ahead]);
      }
      plan_.steps[k] = {s, stage[s], (in_plan_[s] & kGoal) != 0, 0, graph_.skill(s).hours};
      if (!request_.links) continue;
      dependencies(s, deps);
      for (PlanLink d : deps) {
        d.step = position[d.step];
        out.waits.push_back(d);
      }
      out.waits_begin.push_back(static_cast<std::uint32_t>(out.waits.size()));
    }
  }

  // Each plan skill's stage, walking the topological order forwards; returns how many there are.
  template <bool kRecommended>
  std::size_t compute_stages(std::vector<std::uint32_t>& stage) const {
    const std::span<const SkillIndex> order = graph_.topological_order();
    std::size_t m = 0;
    // Asking ahead for the entries of what a skill requires pays only past the caches.
    const std::uint32_t* ahead = order.size() >= detail::kLargerThanCaches ? stage.data() : nullptr;
    for (std::size_t k = 0; k < order.size(); ++k) {
      prefetch(
          k, order.size(), [&](std::size_t i) { return order[i]; }, ahead, ahead, false);
      const SkillIndex s = order[k];
      if (!(in_plan_[s] & kPlanned)) continue;
      ++m;
      std::uint32_t st = 1;
      for_each_dependency<kRecommended>(
          s, [&](SkillIndex dep, std::uint32_t, bool) { st = std::max(st, stage[dep] + 1); });
      stage[s] = st;
    }
    return m;
  }

  // Each plan skill's chain, walking the topological order backwards; returns how many links
  // the plan has between its steps.
  template <bool kRecommended>
  std::size_t compute_chains(std::vector<std::uint32_t>& chain) const {
    const std::span<const SkillIndex> order = graph_.topological_order();
    const std::size_t n = order.size();
    std::size_t edges = 0;
    const std::uint32_t* ahead = n >= detail::kLargerThanCaches ? chain.data() : nullptr;
    for (std::size_t k = n; k-- > 0;) {
      prefetch(
          n - 1 - k, n, [&](std::size_t i) { return order[n - 1 - i]; }, ahead, ahead, false);
      const SkillIndex s = order[k];
      if (!(in_plan_[s] & kPlanned)) continue;
      const std::uint32_t behind = chain[s] + 1;
      for_each_dependency<kRecommended>(s, [&](SkillIndex dep, std::uint32_t, bool) {
        chain[dep] = std::max(chain[dep], behind);
        ++edges;
      });
    }
    return edges;
  }

  // Orders the plan in linear time, walking the graph's topological order: a step's stage is
  // one more than the latest it waits for (forwards), the chain behind it one more than the
  // longest chain of what waits for it (backwards), then one sort by those keys.
  void order_steps() {
    const std::size_t n = graph_.skill_count();
    std::vector<std::uint32_t> stage(n, 0);
    std::vector<std::uint32_t> chain(n, 1);
    std::size_t m = 0;
    std::size_t edges = 0;
    // The two walks share nothing they write: a large plan has one of them in a second thread.
    const bool recommendations = graph_.has_recommendations();
    detail::run_both(
        detail::worth_a_thread(n),
        [&] { m = recommendations ? compute_stages<true>(stage) : compute_stages<false>(stage); },
        [&] {
          edges = recommendations ? compute_chains<true>(chain) : compute_chains<false>(chain);
        });

    // Within a stage, the longest chain of steps still waiting behind a skill comes first:
    // starting those early shortens the whole plan (the critical path). Ties follow the
    // category display order, then the graph's own order.
    std::vector<SkillIndex> sorted = sort_steps(stage, chain, m);
    std::vector<std::uint32_t>& position = chain;  // chain is done with: reuse its memory
    for (std::size_t k = 0; k < m; ++k) position[sorted[k]] = static_cast<std::uint32_t>(k);

    // The steps, and what each waits for (in plan numbering): a large plan's second half is
    // made in a second thread, then appended.
    plan_.steps.resize(m);
    if (request_.links) {
      links().waits_begin.reserve(m + 1);
      links().waits.reserve(edges);
    }
    if (detail::worth_a_thread(m)) {
      Plan::Links later;
      if (request_.links) later.waits.reserve(edges);  // what is never written costs no memory
      detail::run_both(
          true, [&] { make_steps(sorted, position, stage, 0, m / 2, links()); },
          [&] { make_steps(sorted, position, stage, m / 2, m, later); });
      const auto base = static_cast<std::uint32_t>(links().waits.size());
      links().waits.insert(links().waits.end(), later.waits.begin(), later.waits.end());
      for (std::size_t k = 1; k < later.waits_begin.size(); ++k) {
        links().waits_begin.push_back(base + later.waits_begin[k]);
      }
    } else {
      make_steps(sorted, position, stage, 0, m, links());
    }
    if (!request_.learning.empty()) {
      for (std::size_t k = 0; k < m; ++k) {
        if (started(sorted[k])) plan_.learning_steps.push_back(static_cast<std::uint32_t>(k));
      }
    }
    release(sorted);
    // Hours add up in plan order, after the steps are in place: the same sums either way.
    double hours = 0;
    for (PlanStep& step : plan_.steps) {
      step.start_hour = hours;
      hours += step.end_hour;
      step.end_hour = hours;
      plan_.stage_count = std::max<std::uint32_t>(plan_.stage_count, step.stage);
    }
    plan_.total_hours = hours;
    if (!choices_.empty()) {
      plan_.choices = choices_.by_step([&](SkillIndex skill) { return position[skill]; });
    }
    release(chain);  // and with it `position`
    release(stage);
    release(in_plan_);
    release(covered_);
    std::sort(covered_needed_.begin(), covered_needed_.end());
    plan_.covered = covered_needed_;
    if (request_.links) find_unlocks();
  }

  // What each step unlocks, in plan order: count, then fill with each list's start as its
  // cursor (which leaves it at the next list's start), then shift the starts back.
  void find_unlocks() {
    const std::size_t m = plan_.steps.size();
    links().unlocks_begin.assign(m + 1, 0);
    std::vector<std::uint32_t>& begin = links().unlocks_begin;
    for (const PlanLink& link : links().waits) ++begin[link.step + 1];
    for (std::size_t k = 0; k < m; ++k) begin[k + 1] += begin[k];
    links().unlocks.resize(links().waits.size());
    for (std::uint32_t k = 0; k < m; ++k) {  // in plan order, so each list comes out sorted
      for (const PlanLink& link : plan_.waits_for(k)) links().unlocks[begin[link.step]++] = k;
    }
    for (std::size_t k = m; k > 0; --k) begin[k] = begin[k - 1];
    begin[0] = 0;
  }

  Plan::Links& links() { return plan_.links(detail::PlanKey{}); }

  const SkillGraph& graph_;
  const PlanRequest& request_;
  Plan plan_;
  std::vector<std::uint8_t> covered_;  // 0 no, 1 covered, 2 covered and needed by the goals
  std::vector<std::uint8_t> in_plan_;  // kPlanned, kGoal
  std::vector<SkillIndex> targets_;
  bool every_skill_ = false;  // no goal given and no default role: every skill is a target
  std::vector<SkillIndex> stack_;
  std::vector<SkillIndex> covered_needed_;
  std::vector<std::pair<SkillIndex, std::uint32_t>> open_groups_;
  std::vector<SkillIndex> chosen_;  // per requirement number: the member an any_of group takes
  detail::ChoiceRecords choices_;    // which steps groups chose, and their alternatives
};

Plan make_plan(const SkillGraph& graph, const PlanRequest& request) {
  return PlanBuilder(graph, request).build();
}

}  // namespace mlroadmap
