#include "markdown_maps.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "diagram.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

// The steps `step` waits for that lie before `part_first` (outside the part), each once, in
// plan order.
std::vector<std::uint32_t> waited_outside(const Plan& plan, std::size_t step,
                                          std::size_t part_first) {
  std::vector<std::uint32_t> outside;
  for (const PlanLink& link : plan.waits_for(step)) {
    if (link.step < part_first) outside.push_back(link.step);
  }
  std::sort(outside.begin(), outside.end());
  outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
  return outside;
}

// A part being filled: its steps so far, the context they need, the arrows they bring.
struct OpenPart {
  MapPart part;
  std::unordered_set<std::uint32_t> context;
  std::size_t edges = 0;

  // The context `step` adds that the part does not hold yet.
  std::size_t added_context(const std::vector<std::uint32_t>& outside) const {
    return static_cast<std::size_t>(std::count_if(outside.begin(), outside.end(), [&](auto s) {
      return !context.contains(s);
    }));
  }

  void add(std::size_t step, const std::vector<std::uint32_t>& outside, std::size_t links) {
    const std::size_t room = kMaxMapNodes - (part.last - part.first + 1);
    for (const std::uint32_t s : outside) {
      if (context.contains(s)) continue;
      if (context.size() >= room) {
        ++part.context_left_out;
        continue;
      }
      context.insert(s);
      part.context.push_back(s);
    }
    part.last = step + 1;
    edges += links;
  }

  MapPart finish() {
    std::sort(part.context.begin(), part.context.end());
    return std::move(part);
  }
};

}  // namespace

std::vector<MapPart> split_stage(const Plan& plan, const StageTotals& stage) {
  std::vector<MapPart> parts;
  OpenPart open;
  open.part.first = open.part.last = stage.first_step;
  for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
    std::vector<std::uint32_t> outside = waited_outside(plan, i, open.part.first);
    const std::size_t links = plan.waits_for(i).size();
    const std::size_t steps = open.part.last - open.part.first + 1;
    const bool fits = steps + open.context.size() + open.added_context(outside) <= kMaxMapNodes &&
                      open.edges + links <= kMaxMapEdges;
    if (!fits && steps > 1) {
      parts.push_back(open.finish());
      open = OpenPart{};
      open.part.first = open.part.last = i;
      outside = waited_outside(plan, i, i);
    }
    open.add(i, outside, links);
  }
  if (open.part.last > open.part.first) parts.push_back(open.finish());
  return parts;
}

namespace {

// A range of stages drawn as one box of the overview.
struct StageRange {
  std::size_t first;  // index into the stage totals
  std::size_t last;   // one past
};

std::string range_label(const std::vector<StageTotals>& stages, StageRange range) {
  std::size_t steps = 0;
  double hours = 0;
  for (std::size_t k = range.first; k < range.last; ++k) {
    steps += stages[k].steps;
    hours += stages[k].hours;
  }
  const std::string title =
      range.last - range.first == 1
          ? stage_title(stages[range.first].stage)
          : fmt::format("Stages {}-{}", stages[range.first].stage, stages[range.last - 1].stage);
  return fmt::format("{}\n{}, {}", title, plural(steps, "skill", "skills"), hours_text(hours));
}

}  // namespace

std::string stage_overview_mermaid(const std::vector<StageTotals>& stages) {
  // Each stage can begin once the one before it is done: a stage is one more than the latest
  // stage its skills wait for. So the stages form a chain.
  const std::size_t per_box = (stages.size() + kMaxMapNodes - 1) / kMaxMapNodes;
  std::string out = "flowchart TB\n";
  std::size_t boxes = 0;
  for (std::size_t first = 0; first < stages.size(); first += per_box, ++boxes) {
    const StageRange range{first, std::min(first + per_box, stages.size())};
    out += fmt::format("  t{}[\"{}\"]\n", boxes + 1, mermaid_label(range_label(stages, range)));
  }
  for (std::size_t b = 1; b < boxes; ++b) out += fmt::format("  t{} --> t{}\n", b, b + 1);
  return out;
}

std::string stage_part_mermaid(const SkillGraph& graph, const Plan& plan, const MapPart& part,
                               const std::string& title) {
  Diagram diagram;
  if (!part.context.empty()) {
    DiagramGroup earlier{"From earlier stages", {}, true};
    for (const std::uint32_t s : part.context) {
      const PlanStep& step = plan.steps[s];
      earlier.nodes.push_back(
          {step.skill, fmt::format("{}\nstage {}", terminal_safe(graph.skill(step.skill).name),
                                   step.stage)});
    }
    diagram.groups.push_back(std::move(earlier));
  }
  DiagramGroup here{title, {}, false};
  for (std::size_t i = part.first; i < part.last; ++i) {
    here.nodes.push_back({plan.steps[i].skill, node_label(graph, plan.steps[i].skill)});
  }
  diagram.groups.push_back(std::move(here));
  for (std::size_t i = part.first; i < part.last; ++i) {
    for (const PlanLink& link : plan.waits_for(i)) {
      const bool drawn = link.step >= part.first ||
                         std::binary_search(part.context.begin(), part.context.end(), link.step);
      if (drawn) diagram.edges.push_back(plan_edge(graph, plan, i, link));
    }
  }
  return render_mermaid(graph, diagram);
}

}  // namespace mlroadmap::detail
