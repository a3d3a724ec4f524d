#include <fmt/format.h>

#include "diagram.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace detail {

std::string node_label(const SkillGraph& graph, SkillIndex s) {
  const Skill& skill = graph.skill(s);
  if (!skill.has_hours) return terminal_safe(skill.name);
  return fmt::format("{}\n{} h", terminal_safe(skill.name), format_number(skill.hours));
}

namespace {

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
// Graphviz reads backslash escapes (\N, \l...) and HTML entities (&amp;) in a label, so a
// backslash is doubled and '&' written as "&amp;": every name is drawn as written.
std::string dot_text(std::string_view raw) {
  std::string out;
  for (const char c : safe_lines(raw)) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '&': out += "&amp;"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

// A node's name in DOT: a skill id as a double-quoted string, only '"' and '\\' escaped, so that
// programs reading the DOT find the id as it is.
std::string dot_id(std::string_view raw) {
  std::string out;
  for (const char c : terminal_safe(raw)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The named references HTML decodes even without a ';' ("&copy2026", "&notes").
constexpr std::string_view kLegacyEntities[] = {
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil",
    "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT",
    "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN",
    "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig",
    "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil", "cent", "copy",
    "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
    "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt",
    "macr", "micro", "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf",
    "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo", "reg",
    "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc",
    "ugrave", "uml", "uuml", "yacute", "yen", "yuml"};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Whether the '&' at `i` would be read by HTML as a character reference: before '#', before a
// name ended by ';', or before one of the names decoded without it. "W&B" and "R&D" are not.
bool html_reference(std::string_view text, std::size_t i) {
  const std::string_view after = text.substr(i + 1);
  if (after.starts_with('#')) return true;
  std::size_t n = 0;
  while (n < after.size() && is_alnum(after[n])) ++n;
  if (n > 0 && n < after.size() && after[n] == ';') return true;
  for (const std::string_view name : kLegacyEntities) {
    if (after.starts_with(name)) return true;
  }
  return false;
}

// Whether '$' at `i` is half of "$$", which Mermaid 11 reads as the start or end of maths.
bool doubled_dollar(std::string_view text, std::size_t i) {
  return (i > 0 && text[i - 1] == '$') || (i + 1 < text.size() && text[i + 1] == '$');
}

}  // namespace

// Mermaid label text inside double quotes, drawn as written by Mermaid 11 in a browser (the
// tests render it in Chromium): what could end the label, be read as HTML, maths or an entity
// code becomes Mermaid's "#NN;" code. A label stays on one line, its parts joined by " · ":
// in a label with a line break (<br/>) Mermaid 11 reads "$$" as maths and "\n" as a break
// even when they are written as codes. An '&' that HTML would not read as a reference, as in
// "W&B", is written as it is, since labels drawn as SVG text (htmlLabels off) do not decode
// codes in every place.
std::string mermaid_label(std::string_view raw) {
  const std::string text = safe_lines(raw);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (const char c = text[i]) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '`': out += "#96;"; break;
      case '\\': out += "#92;"; break;
      case '\n': out += " \xc2\xb7 "; break;  // " · "
      case '&': out += html_reference(text, i) ? "#38;" : "&"; break;
      case '$': out += doubled_dollar(text, i) ? "#36;" : "$"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

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
      diagram.edges.push_back(plan_edge(graph, plan, i, link));
    }
  }
  return diagram;
}

DiagramEdge plan_edge(const SkillGraph& graph, const Plan& plan, std::size_t step,
                      const PlanLink& link) {
  const SkillIndex skill = plan.steps[step].skill;
  const bool any_of = link.recommended == 0 && graph.requirement(skill, link.index).any_of;
  return {plan.steps[link.step].skill, skill, edge_kind(any_of, link.recommended != 0)};
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
      out += fmt::format("    \"{}\" [label=\"{}\"];\n", dot_id(graph.skill(node.skill).id),
                         dot_text(node.label));
    }
    out += "  }\n";
  }
  // A recommendation is dashed, an alternative of an any_of group dotted.
  for (const DiagramEdge& edge : diagram.edges) {
    const char* style = edge.kind == DiagramEdge::Kind::recommended   ? " [style=dashed]"
                        : edge.kind == DiagramEdge::Kind::alternative ? " [style=dotted]"
                                                                      : "";
    out += fmt::format("  \"{}\" -> \"{}\"{};\n", dot_id(graph.skill(edge.from).id),
                       dot_id(graph.skill(edge.to).id), style);
  }
  out += "}\n";
  return out;
}

namespace {

// The nodes of context groups (skills from outside the part a map shows) drawn faint.
void add_mermaid_context_style(std::string& out, const Diagram& diagram) {
  std::string nodes;
  for (const DiagramGroup& group : diagram.groups) {
    if (!group.context) continue;
    for (const DiagramNode& node : group.nodes) {
      nodes += fmt::format("{}s{}", nodes.empty() ? "" : ",", node.skill);
    }
  }
  if (nodes.empty()) return;
  out += "  classDef context fill:#f4f4f4,stroke:#999999,stroke-dasharray:3 3,color:#444444\n";
  out += fmt::format("  class {} context\n", nodes);
}

}  // namespace

std::string render_mermaid(const SkillGraph& graph, const Diagram& diagram) {
  // Node names are s<index>: skill ids may hold characters Mermaid reads as syntax.
  std::string out = "flowchart LR\n";
  for (std::size_t g = 0; g < diagram.groups.size(); ++g) {
    const DiagramGroup& group = diagram.groups[g];
    const std::string title = mermaid_label(terminal_safe(group.title));
    out += fmt::format("  subgraph g{}[\"{}\"]\n", g, title);
    for (const DiagramNode& node : group.nodes) {
      out += fmt::format("    s{}[\"{}\"]\n", node.skill, mermaid_label(node.label));
    }
    out += "  end\n";
  }
  (void)graph;
  add_mermaid_context_style(out, diagram);
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
