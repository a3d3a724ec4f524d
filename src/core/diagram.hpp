#pragma once
// A drawing of skills and their prerequisites, independent of the language that draws it:
// boxes in groups (categories or stages) and arrows from a prerequisite to what it unlocks.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"

namespace mlroadmap::detail {

struct DiagramNode {
  SkillIndex skill;
  std::string label;  ///< name and hours, lines separated by '\n'
};

struct DiagramGroup {
  std::string title;
  std::vector<DiagramNode> nodes;
  bool context = false;  ///< skills outside what the drawing is about, drawn faint
};

struct DiagramEdge {
  enum class Kind : std::uint8_t {
    required,     ///< a prerequisite
    alternative,  ///< one member of an any_of group
    recommended,  ///< order-only: worth learning first, not needed
  };
  SkillIndex from;  ///< the prerequisite, or the recommended skill
  SkillIndex to;    ///< what waits for it
  Kind kind;
};

struct Diagram {
  std::string title;
  std::vector<DiagramGroup> groups;
  std::vector<DiagramEdge> edges;
};

/// Every skill, grouped by category, with every requirement and recommendation as an edge.
Diagram diagram_of_graph(const SkillGraph& graph);
/// A plan's steps, grouped by stage, with the edges between steps.
Diagram diagram_of_plan(const SkillGraph& graph, const Plan& plan);

/// The edge a plan link draws: from the step waited for to `step`.
DiagramEdge plan_edge(const SkillGraph& graph, const Plan& plan, std::size_t step,
                      const PlanLink& link);

/// A node's label: the skill's name, and its hours on a second line when it has them.
std::string node_label(const SkillGraph& graph, SkillIndex skill);

/// Text for inside a double-quoted Mermaid label, drawn as written ('\n' is a line break).
std::string mermaid_label(std::string_view raw);

std::string render_dot(const SkillGraph& graph, const Diagram& diagram);
/// Mermaid flowchart source (without a Markdown code fence).
std::string render_mermaid(const SkillGraph& graph, const Diagram& diagram);

}  // namespace mlroadmap::detail
