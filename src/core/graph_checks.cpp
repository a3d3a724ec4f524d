#include "graph_checks.hpp"

#include <cstdint>
#include <thread>
#include <utility>

namespace mlroadmap {

namespace {

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

  // An explicit stack: a deep chain of prerequisites must not overflow the call stack.
  struct Frame {
    SkillIndex skill;
    std::uint32_t requirement;
    std::uint32_t requirement_count;
    std::uint32_t option;
  };
  std::vector<Frame> stack;
  const auto enter = [&](SkillIndex s) {
    state[s] = on_path;
    stack.push_back({s, 0, static_cast<std::uint32_t>(graph.requirement_count(s)), 0});
  };
  for (SkillIndex root = 0; root < n && cycles.size() < cycle_limit; ++root) {
    if (state[root] != unvisited) continue;
    enter(root);
    while (!stack.empty() && cycles.size() < cycle_limit) {
      Frame& top = stack.back();
      if (top.requirement == top.requirement_count) {
        state[top.skill] = done;
        stack.pop_back();
        continue;
      }
      const Requirement requirement = graph.requirement(top.skill, top.requirement);
      if (requirement.options.empty()) {  // only in a graph that failed to load
        ++top.requirement;
        continue;
      }
      const SkillIndex next = requirement.options[top.option];
      if (++top.option == requirement.options.size()) {
        ++top.requirement;
        top.option = 0;
      }
      if (state[next] == unvisited) {
        enter(next);
      } else if (state[next] == on_path) {
        DependencyCycle cycle;
        std::size_t start = stack.size();
        while (stack[start - 1].skill != next) --start;
        for (std::size_t i = start - 1; i < stack.size(); ++i) cycle.path.push_back(stack[i].skill);
        cycle.path.push_back(next);
        cycles.push_back(std::move(cycle));
      }
    }
    stack.clear();
  }
  return cycles;
}

// Kahn's algorithm: a skill is ready once everything it requires is placed. The lists of who
// requires each skill are built in two passes over the requirements, each asking for the
// entries it will update a few skills ahead (they sit anywhere in the arrays); the walk then
// reads the lists in the order skills become ready, asking for each one's list ahead too.
// In a large graph both passes run on two threads, each over the requirements of half the
// skills: each thread counts into an array of its own, and fills each list from a cursor of
// its own, the first half's skills before the second's, so the lists are the same.
std::vector<SkillIndex> ready_order(const SkillGraph& graph) {
  constexpr std::size_t kAhead = 8;
  constexpr std::size_t kWorthAThread = 1 << 16;
  const std::size_t n = graph.skill_count();
  const bool split = n >= kWorthAThread && std::thread::hardware_concurrency() > 1;
  const auto half = static_cast<SkillIndex>(split ? n / 2 : n);
  // Runs part(first, last, k) over the requiring skills [0, half) with k = 0 and, when split,
  // [half, n) with k = 1 on a second thread.
  const auto in_halves = [&](auto part) {
    if (!split) {
      part(SkillIndex{0}, half, 0);
      return;
    }
    std::thread helper([&] { part(half, static_cast<SkillIndex>(n), 1); });
    part(SkillIndex{0}, half, 0);
    helper.join();
  };

  std::vector<std::uint32_t> waiting(n, 0);           // requirements not yet placed, per skill
  std::vector<std::uint32_t> needed_begin(n + 1, 0);  // who requires each skill: where it starts
  std::vector<std::uint32_t> later(split ? n + 1 : 0, 0);  // the second half's counts, cursors
  in_halves([&](SkillIndex first, SkillIndex last, int k) {
    std::uint32_t* const count = (k == 0 ? needed_begin.data() : later.data()) + 1;
    for (SkillIndex s = first; s < last; ++s) {
      if (s + kAhead < last) {
        graph.for_each_required(s + kAhead, [&](SkillIndex o) { SkillGraph::prefetch(count + o); });
      }
      graph.for_each_required(s, [&](SkillIndex o) {
        ++waiting[s];
        ++count[o];
      });
    }
  });
  if (split) {  // later[o + 1] becomes the first half's count: where the second half starts
    for (std::size_t o = 0; o < n; ++o) std::swap(needed_begin[o + 1], later[o + 1]);
    for (std::size_t o = 0; o < n; ++o) needed_begin[o + 1] += later[o + 1];
  }
  for (std::size_t s = 0; s < n; ++s) needed_begin[s + 1] += needed_begin[s];
  std::vector<SkillIndex> needed_by(needed_begin[n]);
  {
    std::vector<std::uint32_t> fill(needed_begin.begin(), needed_begin.end() - 1);
    if (split) {
      for (std::size_t o = 0; o < n; ++o) later[o] = needed_begin[o] + later[o + 1];
    }
    in_halves([&](SkillIndex first, SkillIndex last, int k) {
      std::uint32_t* const cursor = k == 0 ? fill.data() : later.data();
      for (SkillIndex s = first; s < last; ++s) {
        if (s + 2 * kAhead < last) {
          graph.for_each_required(s + 2 * kAhead,
                                  [&](SkillIndex o) { SkillGraph::prefetch(cursor + o); });
        }
        if (s + kAhead < last) {
          graph.for_each_required(
              s + kAhead, [&](SkillIndex o) { SkillGraph::prefetch(&needed_by[cursor[o]]); });
        }
        graph.for_each_required(s, [&](SkillIndex o) { needed_by[cursor[o]++] = s; });
      }
    });
  }
  std::vector<SkillIndex> order;
  order.reserve(n);
  for (SkillIndex s = 0; s < n; ++s) {
    if (waiting[s] == 0) order.push_back(s);
  }
  for (std::size_t head = 0; head < order.size(); ++head) {
    if (head + 2 * kAhead < order.size()) {
      SkillGraph::prefetch(&needed_begin[order[head + 2 * kAhead]]);
    }
    if (head + kAhead < order.size()) {
      const SkillIndex ahead = order[head + kAhead];
      for (std::uint32_t e = needed_begin[ahead]; e < needed_begin[ahead + 1]; e += 16) {
        SkillGraph::prefetch(&needed_by[e]);
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

DependencyOrder order_dependencies(const SkillGraph& graph, std::size_t cycle_limit) {
  DependencyOrder result;
  result.order = ready_order(graph);
  if (result.order.size() < graph.skill_count()) {
    result.cycles = find_cycles(graph, result.order, cycle_limit);
    result.order.clear();
  }
  return result;
}

}  // namespace mlroadmap
