#include <fmt/format.h>

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// The first sentence of a summary: what fits a one-line listing.
std::string_view first_sentence(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
      return text.substr(0, i + 1);
    }
  }
  return text;
}

void write_skill_brief(detail::JsonWriter& json, const SkillGraph& graph, SkillIndex s) {
  const Skill& skill = graph.skill(s);
  json.member("id", skill.id);
  json.member("name", skill.name);
  json.member("category", graph.category_of(s).id);
  if (skill.has_hours) json.member("hours", skill.hours);
  json.member("kind", to_string(skill.kind));
  json.member("summary", graph.summary(s));
}

// The skills of one category, in graph order, and their hours together.
struct CategoryMembers {
  std::vector<SkillIndex> skills;
  double hours = 0;
};

CategoryMembers members_of(const SkillGraph& graph, CategoryIndex c) {
  CategoryMembers members;
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    if (graph.skill(s).category != c) continue;
    members.skills.push_back(s);
    members.hours += graph.skill(s).hours;
  }
  return members;
}

// A category's heading, then each skill with its id, hours and first sentence.
void add_category_text(std::string& out, const SkillGraph& graph, CategoryIndex c,
                       const CategoryMembers& members, const Painter& paint, std::size_t width) {
  out += paint.heading(terminal_safe(graph.categories()[c].name)) +
         paint.dim(fmt::format(" ({}, {})", plural(members.skills.size(), "skill", "skills"),
                               hours_text(members.hours))) +
         "\n";
  for (const SkillIndex s : members.skills) {
    const Skill& skill = graph.skill(s);
    out += fmt::format("  {} {}", paint.bold(terminal_safe(skill.name)),
                       paint.dim(fmt::format("({}, {} h)", skill.id, format_number(skill.hours))));
    out += "\n";
    const std::string summary = terminal_safe(first_sentence(graph.summary(s)));
    if (!summary.empty()) out += "      " + wrap_text(summary, width, 6, 6) + "\n";
  }
}

// A labelled line of a skill's facts; a long value wraps under itself.
void add_field(std::string& out, std::size_t width, std::string_view label,
               std::string_view value) {
  out += fmt::format("{:<12} {}\n", label, wrap_text(value, width, 13, 13));
}

void add_facts(std::string& out, const SkillGraph& graph, SkillIndex s, std::size_t width) {
  const Skill& skill = graph.skill(s);
  add_field(out, width, "Category:", terminal_safe(graph.category_of(s).name));
  add_field(out, width, "Hours:", skill.has_hours ? format_number(skill.hours) : "not given");
  if (const auto aliases = graph.aliases(s); !aliases.empty()) {
    std::string list;
    for (const std::string_view a : aliases) list += (list.empty() ? "" : ", ") + terminal_safe(a);
    add_field(out, width, "Aliases:", list);
  }
}

// What a requirement names: "A", or for an any_of group "one of A, B or C", its default marked
// when `mark_default`; each name made safe by `safe`.
template <typename Safe>
std::string requirement_names(const SkillGraph& graph, const Requirement& requirement, Safe safe,
                              bool mark_default) {
  if (!requirement.any_of) return safe(graph.skill(requirement.options.front()).name);
  std::string names = "one of ";
  for (std::size_t k = 0; k < requirement.options.size(); ++k) {
    if (k > 0) names += k + 1 == requirement.options.size() ? " or " : ", ";
    names += safe(graph.skill(requirement.options[k]).name);
    if (mark_default && requirement.default_index == k) names += " (default)";
  }
  return names;
}

// "A: why", or for an any_of group "one of A, B or C: why".
std::string requirement_text(const SkillGraph& graph, const Requirement& requirement) {
  std::string line = requirement_names(graph, requirement, terminal_safe, true);
  if (!requirement.why.empty()) line += ": " + terminal_safe(requirement.why);
  return line;
}

void add_prerequisites(std::string& out, const SkillGraph& graph, SkillIndex s,
                       const Painter& paint, std::size_t width) {
  out += "\n" + paint.bold("Prerequisites:");
  if (graph.requirement_count(s) == 0) out += " none";
  out += "\n";
  for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
    out += "  - " + wrap_text(requirement_text(graph, graph.requirement(s, r)), width, 4, 4) + "\n";
  }
  if (graph.recommended(s).empty()) return;
  out += "\n" + paint.bold("Recommended first:") + " (not needed; comes first when both are planned)\n";
  for (const Recommendation& r : graph.recommended(s)) {
    std::string line = terminal_safe(graph.skill(r.skill).name);
    if (!r.why.empty()) line += ": " + terminal_safe(r.why);
    out += "  - " + wrap_text(line, width, 4, 4) + "\n";
  }
}

void add_unlocks(std::string& out, const SkillGraph& graph, SkillIndex s, const Painter& paint,
                 std::size_t width) {
  const auto dependents = dependents_of(graph, s);
  out += "\n" + paint.bold("Unlocks:");
  if (dependents.empty()) {
    out += " nothing further\n";
    return;
  }
  std::string list;
  for (const SkillIndex d : dependents) {
    list += (list.empty() ? "" : ", ") + terminal_safe(graph.skill(d).name);
  }
  out += "\n  " + wrap_text(list, width, 2, 2) + "\n";
}

void add_resources(std::string& out, std::span<const Resource> resources, const Painter& paint,
                   std::size_t width) {
  if (resources.empty()) return;
  out += "\n" + paint.bold("Resources:") + "\n";
  for (const Resource& resource : resources) {
    std::string kind = terminal_safe(resource.type);
    kind +=
        kind.empty() ? (resource.free ? "free" : "paid") : (resource.free ? ", free" : ", paid");
    out += "  - " +
           wrap_text(fmt::format("{} ({})", terminal_safe(resource.title), kind), width, 4, 4) +
           "\n    " + terminal_safe(resource.url) + "\n";
  }
}

}  // namespace

std::string render_skills_text(const SkillGraph& graph, std::optional<CategoryIndex> category,
                               const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  std::string out;
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    if (category && *category != c) continue;
    const CategoryMembers members = members_of(graph, c);
    if (style.quiet) {
      for (const SkillIndex s : members.skills) out += fmt::format("{}\n", graph.skill(s).id);
      continue;
    }
    if (members.skills.empty() && !category) continue;
    if (!out.empty()) out += "\n";
    add_category_text(out, graph, c, members, paint, width);
  }
  return out;
}

std::string render_skills_json(const SkillGraph& graph, std::optional<CategoryIndex> category) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("categories");
  json.begin_array();
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    if (category && *category != c) continue;
    json.begin_object();
    json.member("id", graph.categories()[c].id);
    json.member("name", graph.categories()[c].name);
    json.key("skills");
    json.begin_array();
    for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
      if (graph.skill(s).category != c) continue;
      json.begin_object();
      write_skill_brief(json, graph, s);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

namespace {

// What a skill needs first, for a table cell: names, an any_of group as "one of A or B".
std::string needs_cell(const SkillGraph& graph, SkillIndex s) {
  std::string cell;
  for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
    if (!cell.empty()) cell += ", ";
    cell += requirement_names(graph, graph.requirement(s, r), markdown_escape, false);
  }
  return cell.empty() ? "nothing" : cell;
}

void add_category_table(std::string& out, const SkillGraph& graph, CategoryIndex c,
                        const CategoryMembers& members) {
  out += fmt::format("\n## {}\n\n{}, {}.\n", markdown_escape(graph.categories()[c].name),
                     plural(members.skills.size(), "skill", "skills"), hours_text(members.hours));
  if (members.skills.empty()) return;
  out += "\n| Skill | Id | Hours | Needs first | Summary |\n|---|---|--:|---|---|\n";
  for (const SkillIndex s : members.skills) {
    const Skill& skill = graph.skill(s);
    out += fmt::format("| {} | `{}` | {} | {} | {} |\n", markdown_escape(skill.name), skill.id,
                       skill.has_hours ? format_number(skill.hours) : "",
                       needs_cell(graph, s), markdown_escape(first_sentence(graph.summary(s))));
  }
}

}  // namespace

std::string render_skills_markdown(const SkillGraph& graph,
                                   std::optional<CategoryIndex> category) {
  std::string out = fmt::format("# Skills: {}\n", markdown_escape(graph.title()));
  if (!graph.version().empty()) {
    out += fmt::format("\nGraph version {}.\n", markdown_escape(graph.version()));
  }
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    if (category && *category != c) continue;
    const CategoryMembers members = members_of(graph, c);
    if (members.skills.empty() && !category) continue;
    add_category_table(out, graph, c, members);
  }
  return out;
}

std::string render_categories_text(const SkillGraph& graph, const TextStyle& style) {
  std::string out;
  std::size_t width = 0;
  for (const Category& category : graph.categories()) {
    width = std::max(width, terminal_safe(category.id).size());
  }
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    const Category& category = graph.categories()[c];
    if (style.quiet) {
      out += fmt::format("{}\n", category.id);
      continue;
    }
    const std::size_t count = members_of(graph, c).skills.size();
    out += fmt::format("{:<{}}  {} ({} {})\n", terminal_safe(category.id), width,
                       terminal_safe(category.name), count, count == 1 ? "skill" : "skills");
  }
  return out;
}

std::string render_categories_json(const SkillGraph& graph) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("categories");
  json.begin_array();
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    json.begin_object();
    json.member("id", graph.categories()[c].id);
    json.member("name", graph.categories()[c].name);
    json.member("skill_count", static_cast<std::int64_t>(members_of(graph, c).skills.size()));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

std::string render_skill_text(const SkillGraph& graph, SkillIndex s, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  const Skill& skill = graph.skill(s);
  const std::string_view kind = kind_label(skill.kind);
  std::string out = paint.heading(terminal_safe(skill.name)) +
                    paint.dim(kind.empty() ? fmt::format(" ({})", skill.id)
                                           : fmt::format(" ({}, {})", skill.id, kind)) +
                    "\n\n";
  add_facts(out, graph, s, width);
  if (const std::string_view summary = graph.summary(s); !summary.empty()) {
    out += "\n" + wrap_text(terminal_safe(summary), width, 0, 0) + "\n";
  }
  add_prerequisites(out, graph, s, paint, width);
  add_unlocks(out, graph, s, paint, width);
  add_resources(out, graph.resources(s), paint, width);
  if (const std::string_view milestone = graph.milestone(s); !milestone.empty()) {
    out += "\n" + paint.bold("Milestone:") + "\n  " +
           wrap_text(terminal_safe(milestone), width, 2, 2) + "\n";
  }
  return out;
}

std::string render_skill_json(const SkillGraph& graph, SkillIndex s) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("skill");
  json.begin_object();
  write_skill_brief(json, graph, s);
  json.key("aliases");
  json.begin_array();
  for (const std::string_view a : graph.aliases(s)) json.value(a);
  json.end_array();
  json.key("prerequisites");
  json.begin_array();
  for (std::size_t r = 0; r < graph.requirement_count(s); ++r) {
    const Requirement requirement = graph.requirement(s, r);
    json.begin_object();
    if (requirement.any_of) {
      json.key("any_of");
      json.begin_array();
      for (const SkillIndex o : requirement.options) json.value(graph.skill(o).id);
      json.end_array();
    } else {
      json.member("id", graph.skill(requirement.options.front()).id);
    }
    if (!requirement.why.empty()) json.member("why", requirement.why);
    if (const auto member = requirement.default_member()) {
      json.member("default", graph.skill(*member).id);
    }
    json.end_object();
  }
  json.end_array();
  json.key("recommended");
  json.begin_array();
  for (const Recommendation& r : graph.recommended(s)) {
    json.begin_object();
    json.member("id", graph.skill(r.skill).id);
    if (!r.why.empty()) json.member("why", r.why);
    json.end_object();
  }
  json.end_array();
  json.key("unlocks");
  json.begin_array();
  for (const SkillIndex d : dependents_of(graph, s)) json.value(graph.skill(d).id);
  json.end_array();
  json.key("resources");
  json.begin_array();
  for (const Resource& resource : graph.resources(s)) {
    json.begin_object();
    json.member("title", resource.title);
    json.member("url", resource.url);
    if (!resource.type.empty()) json.member("type", resource.type);
    json.member("free", resource.free);
    json.end_object();
  }
  json.end_array();
  json.member("milestone", graph.milestone(s));
  json.end_object();
  json.end_object();
  return out;
}

}  // namespace mlroadmap
