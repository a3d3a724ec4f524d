#include <fmt/format.h>

#include "diagram.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace detail {

namespace {

std::string node_label(const SkillGraph& graph, SkillIndex s) {
  const Skill& skill = graph.skill(s);
  if (!skill.has_hours) return std::string(skill.name);
  return fmt::format("{}\n{} h", skill.name, format_number(skill.hours));
}

// Labels keep the line breaks the diagram puts in them; control characters from the data
// become spaces.
std::string safe_lines(std::string_view raw) {
  std::string text;
  std::size_t start = 0;
  for (std::size_t nl = raw.find('\n'); nl != std::string_view::npos; nl = raw.find('\n', start)) {
    text += terminal_safe(raw.substr(start, nl - start)) + '\n';
    start = nl + 1;
  }
  return text + terminal_safe(raw.substr(start));
}

// DOT double-quoted string contents; "\n" in the label becomes DOT's centred line break.
std::string dot_text(std::string_view raw) {
  std::string out;
  for (const char c : safe_lines(raw)) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Mermaid label text inside double quotes: characters that could end the label or be read as
// markup become entity codes. Mermaid 11 does not decode "#amp;" in a label, so '&' is written
// as it is: inside a quoted label it is drawn as written.
std::string mermaid_text(std::string_view raw) {
  std::string out;
  for (const char c : safe_lines(raw)) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '`': out += "#96;"; break;
      case '\n': out += "<br/>"; break;
      default: out += c;
    }
  }
  return out;
}

DiagramEdge::Kind edge_kind(bool any_of, bool recommended) {
  if (recommended) return DiagramEdge::Kind::recommended;
  return any_of ? DiagramEdge::Kind::alternative : DiagramEdge::Kind::required;
}

}  // namespace

Diagram diagram_of_graph(const SkillGraph& graph) {
  Diagram diagram;
  diagram.title = std::string(graph.title());
  diagram.groups.resize(graph.categories().size());
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    diagram.groups[c].title = std::string(graph.categories()[c].name);
  }
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    diagram.groups[graph.skill(s).category].nodes.push_back({s, node_label(graph, s)});
    for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
      const Requirement requirement = graph.requirement(s, r);
      for (const SkillIndex option : requirement.options) {
        diagram.edges.push_back({option, s, edge_kind(requirement.any_of, false)});
      }
    }
    for (const Recommendation& r : graph.recommended(s)) {
      diagram.edges.push_back({r.skill, s, DiagramEdge::Kind::recommended});
    }
  }
  std::erase_if(diagram.groups, [](const DiagramGroup& g) { return g.nodes.empty(); });
  return diagram;
}

Diagram diagram_of_plan(const SkillGraph& graph, const Plan& plan) {
  Diagram diagram;
  diagram.groups.resize(plan.stage_count);
  for (std::uint32_t stage = 1; stage <= plan.stage_count; ++stage) {
    diagram.groups[stage - 1].title = stage_title(stage);
  }
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    diagram.groups[step.stage - 1].nodes.push_back({step.skill, node_label(graph, step.skill)});
    for (const PlanLink& link : plan.waits_for(i)) {
      const bool any_of =
          link.recommended == 0 && graph.requirement(step.skill, link.index).any_of;
      diagram.edges.push_back(
          {plan.steps[link.step].skill, step.skill, edge_kind(any_of, link.recommended != 0)});
    }
  }
  return diagram;
}

std::string render_dot(const SkillGraph& graph, const Diagram& diagram) {
  std::string out = "digraph roadmap {\n";
  out += "  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
  out += "  edge [color=\"#555555\"];\n";
  if (!diagram.title.empty()) {
    out += fmt::format("  label=\"{}\";\n  labelloc=t;\n", dot_text(diagram.title));
  }
  for (std::size_t g = 0; g < diagram.groups.size(); ++g) {
    const DiagramGroup& group = diagram.groups[g];
    out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n", g, dot_text(group.title));
    for (const DiagramNode& node : group.nodes) {
      out += fmt::format("    \"{}\" [label=\"{}\"];\n", dot_text(graph.skill(node.skill).id),
                         dot_text(node.label));
    }
    out += "  }\n";
  }
  // A recommendation is dashed, an alternative of an any_of group dotted.
  for (const DiagramEdge& edge : diagram.edges) {
    const char* style = edge.kind == DiagramEdge::Kind::recommended   ? " [style=dashed]"
                        : edge.kind == DiagramEdge::Kind::alternative ? " [style=dotted]"
                                                                      : "";
    out += fmt::format("  \"{}\" -> \"{}\"{};\n", dot_text(graph.skill(edge.from).id),
                       dot_text(graph.skill(edge.to).id), style);
  }
  out += "}\n";
  return out;
}

std::string render_mermaid(const SkillGraph& graph, const Diagram& diagram) {
  // Node names are s<index>: skill ids may hold characters Mermaid reads as syntax.
  std::string out = "flowchart LR\n";
  for (std::size_t g = 0; g < diagram.groups.size(); ++g) {
    const DiagramGroup& group = diagram.groups[g];
    out += fmt::format("  subgraph g{}[\"{}\"]\n", g, mermaid_text(group.title));
    for (const DiagramNode& node : group.nodes) {
      out += fmt::format("    s{}[\"{}\"]\n", node.skill, mermaid_text(node.label));
    }
    out += "  end\n";
  }
  (void)graph;
  // A recommendation is a dashed arrow, an alternative of an any_of group one labelled "or".
  for (const DiagramEdge& edge : diagram.edges) {
    const char* arrow = edge.kind == DiagramEdge::Kind::recommended   ? "-.->"
                        : edge.kind == DiagramEdge::Kind::alternative ? "-- or -->"
                                                                      : "-->";
    out += fmt::format("  s{} {} s{}\n", edge.from, arrow, edge.to);
  }
  return out;
}

}  // namespace detail

std::string render_plan_dot(const SkillGraph& graph, const Plan& plan) {
  return detail::render_dot(graph, detail::diagram_of_plan(graph, plan));
}

std::string render_plan_mermaid(const SkillGraph& graph, const Plan& plan) {
  return detail::render_mermaid(graph, detail::diagram_of_plan(graph, plan));
}

std::string render_graph_dot(const SkillGraph& graph) {
  return detail::render_dot(graph, detail::diagram_of_graph(graph));
}

std::string render_graph_mermaid(const SkillGraph& graph) {
  return detail::render_mermaid(graph, detail::diagram_of_graph(graph));
}

}  // namespace mlroadmap

namespace mlroadmap {

namespace {

std::string diagram_json(const SkillGraph& graph, const detail::Diagram& diagram,
                         std::string_view group_kind) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.member("grouped_by", group_kind);
  json.key("groups");
  json.begin_array();
  for (const detail::DiagramGroup& group : diagram.groups) {
    json.begin_object();
    json.member("title", group.title);
    json.key("nodes");
    json.begin_array();
    for (const detail::DiagramNode& node : group.nodes) {
      const Skill& skill = graph.skill(node.skill);
      json.begin_object();
      json.member("id", skill.id);
      json.member("name", skill.name);
      json.member("category", graph.category_of(node.skill).id);
      if (skill.has_hours) json.member("hours", skill.hours);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("edges");
  json.begin_array();
  for (const detail::DiagramEdge& edge : diagram.edges) {
    json.begin_object();
    json.member("from", graph.skill(edge.from).id);
    json.member("to", graph.skill(edge.to).id);
    if (edge.kind == detail::DiagramEdge::Kind::alternative) json.member("any_of", true);
    if (edge.kind == detail::DiagramEdge::Kind::recommended) json.member("kind", "recommended");
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

}  // namespace

std::string render_plan_graph_json(const SkillGraph& graph, const Plan& plan) {
  return diagram_json(graph, detail::diagram_of_plan(graph, plan), "stage");
}

std::string render_graph_json(const SkillGraph& graph) {
  return diagram_json(graph, detail::diagram_of_graph(graph), "category");
}

}  // namespace mlroadmap
