#include "graph_checks.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <utility>

#include "graph_builder.hpp"
#include "json_object.hpp"
#include "machinery.hpp"

namespace mlroadmap {

namespace {

// What a requirement item holds when its name did not resolve: only in a graph whose load found
// errors, which is still searched for cycles among what did load. Every walk here leaves it out.
constexpr SkillIndex kUnresolved = detail::GraphBuilder::kUnresolved;

// Calls visit(o) for each skill `s` requires, and unless kPlain also each it recommends, whose
// reference resolved: the order of skills keeps both kinds of link. kPlain is for a graph
// without recommendations whose references all resolved (nearly every large graph): its walks
// pay nothing for either.
template <bool kPlain, typename Visit>
[[gnu::always_inline]] inline void for_each_resolved(const SkillGraph& graph, SkillIndex s,
                                                     Visit visit) {
  if constexpr (kPlain) {
    graph.for_each_required(s, visit);
    return;
  }
  graph.for_each_required(s, [&](SkillIndex o) {
    if (o != kUnresolved) [[likely]]
      visit(o);
  });
  if constexpr (!kPlain) {  // recommendations too
    for (const Recommendation& r : graph.recommended(s)) {
      if (r.skill != kUnresolved) visit(r.skill);
    }
  }
}

// The links leaving a skill, required ones first, one at a time: what the depth-first walk of
// find_cycles keeps per skill on its path.
struct LinkCursor {
  SkillIndex skill;
  std::uint32_t requirement = 0;
  std::uint32_t option = 0;
  std::uint32_t recommendation = 0;

  // The next linked skill (kUnresolved for one that did not resolve), or nothing at the end;
  // `recommended` says which kind of link it was.
  std::optional<SkillIndex> next(const SkillGraph& graph, bool& recommended) {
    while (requirement < graph.requirement_count(skill)) {
      const Requirement r = graph.requirement(skill, requirement);
      if (option >= r.options.size()) {  // an empty group: only in a graph that failed to load
        ++requirement;
        option = 0;
        continue;
      }
      const SkillIndex o = r.options[option];
      if (++option == r.options.size()) {
        ++requirement;
        option = 0;
      }
      recommended = false;
      return o;
    }
    const auto later = graph.recommended(skill);
    if (recommendation == later.size()) return std::nullopt;
    recommended = true;
    return later[recommendation++].skill;
  }
};

// The cycles a depth-first walk meets, roots in file order: only run when a graph has some.
// `placed` are the skills Kahn's algorithm could order: everything they require is placed too,
// so no cycle goes through them and the walk starts with them done. It then meets the other
// skills in the same order as a walk of the whole graph would, so it finds the same cycles.
std::vector<DependencyCycle> find_cycles(const SkillGraph& graph,
                                         const std::vector<SkillIndex>& placed,
                                         std::size_t cycle_limit) {
  enum : std::uint8_t { unvisited, on_path, done };
  const std::size_t n = graph.skill_count();
  std::vector<std::uint8_t> state(n, unvisited);
  for (const SkillIndex s : placed) state[s] = done;
  std::vector<DependencyCycle> cycles;

  // An explicit stack: a deep chain of prerequisites must not overflow the call stack. Each
  // entry also says whether the link into it was a recommendation.
  struct Frame {
    LinkCursor links;
    bool entered_by_recommendation;
  };
  std::vector<Frame> stack;
  const auto enter = [&](SkillIndex s, bool recommended) {
    state[s] = on_path;
    stack.push_back({LinkCursor{s}, recommended});
  };
  for (SkillIndex root = 0; root < n && cycles.size() < cycle_limit; ++root) {
    if (state[root] != unvisited) continue;
    enter(root, false);
    while (!stack.empty() && cycles.size() < cycle_limit) {
      bool recommended = false;
      const auto next = stack.back().links.next(graph, recommended);
      if (!next) {
        state[stack.back().links.skill] = done;
        stack.pop_back();
        continue;
      }
      if (*next == kUnresolved) continue;
      if (state[*next] == unvisited) {
        enter(*next, recommended);
      } else if (state[*next] == on_path) {
        DependencyCycle cycle;
        std::size_t start = stack.size();
        while (stack[start - 1].links.skill != *next) --start;
        for (std::size_t i = start - 1; i < stack.size(); ++i) {
          cycle.path.push_back(stack[i].links.skill);
          if (i + 1 < stack.size()) cycle.recommended.push_back(stack[i + 1].entered_by_recommendation);
        }
        cycle.path.push_back(*next);
        cycle.recommended.push_back(recommended);
        cycles.push_back(std::move(cycle));
      }
    }
    stack.clear();
  }
  return cycles;
}

// Who requires each skill, as lists laid end to end: the list of `o` is
// needed_by[needed_begin[o] .. needed_begin[o + 1]). In a large graph both passes that build
// them run on two threads, each over the requirements of half the skills: each thread counts
// into an array of its own, and fills each list from a cursor of its own, the first half's
// skills before the second's, so the lists are the same. Each pass asks for the entries it will
// update a few skills ahead (they sit anywhere in the arrays).
struct ReverseLists {
  std::vector<std::uint32_t> needed_begin;
  std::vector<SkillIndex> needed_by;
};

constexpr std::size_t kAhead = 8;

// Counts how many skills require each one (into needed_begin, as the starts of their lists)
// and how many requirements each skill waits for.
template <bool kPlain>
void count_requirements(const SkillGraph& graph, bool split, ReverseLists& lists,
                        std::vector<std::uint32_t>& waiting, std::vector<std::uint32_t>& later) {
  const auto n = static_cast<SkillIndex>(graph.skill_count());
  std::vector<std::uint32_t>& needed_begin = lists.needed_begin;
  std::uint32_t* const wait = waiting.data();
  detail::run_in_halves(n, split, [&](SkillIndex first, SkillIndex last, int k) {
    std::uint32_t* const count = (k == 0 ? needed_begin.data() : later.data()) + 1;
    for (SkillIndex s = first; s < last; ++s) {
      if (s + kAhead < last) {
        for_each_resolved<kPlain>(graph, s + kAhead,
                                 [&](SkillIndex o) { detail::prefetch(count + o); });
      }
      for_each_resolved<kPlain>(graph, s, [&](SkillIndex o) {
        ++wait[s];
        ++count[o];
      });
    }
  });
  if (split) {  // later[o + 1] becomes the first half's count: where the second half starts
    for (std::size_t o = 0; o < n; ++o) std::swap(needed_begin[o + 1], later[o + 1]);
    for (std::size_t o = 0; o < n; ++o) needed_begin[o + 1] += later[o + 1];
  }
  for (std::size_t s = 0; s < n; ++s) needed_begin[s + 1] += needed_begin[s];
}

template <bool kPlain>
void fill_reverse_lists(const SkillGraph& graph, bool split, ReverseLists& lists,
                        std::vector<std::uint32_t>& later) {
  const auto n = static_cast<SkillIndex>(graph.skill_count());
  lists.needed_by.resize(lists.needed_begin[n]);
  SkillIndex* const needed_by = lists.needed_by.data();
  std::vector<std::uint32_t> fill(lists.needed_begin.begin(), lists.needed_begin.end() - 1);
  if (split) {
    for (std::size_t o = 0; o < n; ++o) later[o] = lists.needed_begin[o] + later[o + 1];
  }
  detail::run_in_halves(n, split, [&](SkillIndex first, SkillIndex last, int k) {
    std::uint32_t* const cursor = k == 0 ? fill.data() : later.data();
    for (SkillIndex s = first; s < last; ++s) {
      if (s + 2 * kAhead < last) {
        for_each_resolved<kPlain>(graph, s + 2 * kAhead,
                          [&](SkillIndex o) { detail::prefetch(cursor + o); });
      }
      if (s + kAhead < last) {
        for_each_resolved<kPlain>(graph, s + kAhead,
                          [&](SkillIndex o) { detail::prefetch(&needed_by[cursor[o]]); });
      }
      for_each_resolved<kPlain>(graph, s, [&](SkillIndex o) { needed_by[cursor[o]++] = s; });
    }
  });
}

// Kahn's algorithm: a skill is ready once everything it requires is placed. The walk reads the
// reverse lists in the order skills become ready, asking for each one's list ahead.
template <bool kPlain>
std::vector<SkillIndex> ready_order(const SkillGraph& graph) {
  const std::size_t n = graph.skill_count();
  const bool split = detail::worth_a_thread(n);
  std::vector<std::uint32_t> waiting(n, 0);                // requirements not yet placed, per skill
  std::vector<std::uint32_t> later(split ? n + 1 : 0, 0);  // the second half's counts, cursors
  ReverseLists lists;
  lists.needed_begin.assign(n + 1, 0);
  count_requirements<kPlain>(graph, split, lists, waiting, later);
  fill_reverse_lists<kPlain>(graph, split, lists, later);
  const std::vector<std::uint32_t>& needed_begin = lists.needed_begin;
  const std::vector<SkillIndex>& needed_by = lists.needed_by;

  std::vector<SkillIndex> order;
  order.reserve(n);
  for (SkillIndex s = 0; s < n; ++s) {
    if (waiting[s] == 0) order.push_back(s);
  }
  for (std::size_t head = 0; head < order.size(); ++head) {
    if (head + 2 * kAhead < order.size()) {
      detail::prefetch(&needed_begin[order[head + 2 * kAhead]]);
    }
    if (head + kAhead < order.size()) {
      const SkillIndex ahead = order[head + kAhead];
      for (std::uint32_t e = needed_begin[ahead]; e < needed_begin[ahead + 1]; e += 16) {
        detail::prefetch(&needed_by[e]);
      }
    }
    const SkillIndex u = order[head];
    for (std::uint32_t e = needed_begin[u]; e < needed_begin[u + 1]; ++e) {
      if (--waiting[needed_by[e]] == 0) order.push_back(needed_by[e]);
    }
  }
  return order;
}

}  // namespace

DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit,
                                   bool all_resolved) {
  DependencyOrder result;
  const bool plain = all_resolved && !graph.has_recommendations();
  result.order = plain ? ready_order<true>(graph) : ready_order<false>(graph);
  if (result.order.size() < graph.skill_count()) {
    result.cycles = find_cycles(graph, result.order, cycle_limit);
    result.order.clear();
  }
  return result;
}

namespace detail {

void check_cycles(GraphBuilder& builder, Messages& messages) {
  // Every reference resolved unless the load has errors already.
  DependencyOrder dependencies =
      order_dependencies(builder.graph(), 20, !has_errors(messages.diagnostics()));
  const auto& skills = builder.parts().skills;
  for (const DependencyCycle& cycle : dependencies.cycles) {
    std::string path(skills[cycle.path.front()].id);
    for (std::size_t i = 1; i < cycle.path.size(); ++i) {
      path += cycle.recommended[i - 1] ? " -(recommended)-> " : " -> ";
      path += skills[cycle.path[i]].id;
    }
    messages.error(builder.skill_offset(cycle.path.front()),
                   fmt::format("dependency cycle: {}", path));
  }
  if (dependencies.cycles.empty()) builder.set_topological_order(std::move(dependencies.order));
}

void check_reachable(const GraphBuilder& builder, Messages& messages) {
  const SkillGraph& graph = builder.graph();
  if (graph.roles().empty()) return;
  std::vector<bool> reached(graph.skill_count(), false);
  std::vector<SkillIndex> stack;
  for (const Role& role : graph.roles()) {
    stack.insert(stack.end(), role.targets.begin(), role.targets.end());
  }
  while (!stack.empty()) {
    const SkillIndex s = stack.back();
    stack.pop_back();
    if (reached[s]) continue;
    reached[s] = true;
    graph.for_each_required(s, [&](SkillIndex o) { stack.push_back(o); });
  }
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    if (!reached[s]) {
      messages.report(Severity::warning, builder.skill_offset(s),
                      fmt::format("skill '{}' is not needed by any role", graph.skill(s).id));
    }
  }
}

}  // namespace detail

}  // namespace mlroadmap
