#include <fmt/format.h>

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

std::string render_roles_text(const SkillGraph& graph, const TextStyle& style) {
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  std::string out;
  for (RoleIndex r = 0; r < graph.roles().size(); ++r) {
    const Role& role = graph.role(r);
    const RoleCost cost = role_cost(graph, r);
    if (style.quiet) {
      out += fmt::format("{}\n", role.id);
      continue;
    }
    if (r > 0) out += "\n";
    out += paint.bold(terminal_safe(role.name)) +
           paint.dim(fmt::format(" ({}{})", role.id, role.is_default ? ", default" : "")) + "\n";
    const auto field = [&](std::string_view label, std::string_view value) {
      out += fmt::format("  {:<11}{}\n", label, wrap_text(value, width, 13, 13));
    };
    if (!role.summary.empty()) field("", terminal_safe(role.summary));
    field("Takes:", fmt::format("{} from nothing, {} ({} target {})",
                                plural(cost.steps, "skill", "skills"), hours_text(cost.hours),
                                role.skills.size(), role.skills.size() == 1 ? "skill" : "skills"));
    if (role.salary && !role.salary->bands.empty()) {
      field("Pay:", salary_line(*role.salary));
      if (!role.salary->note.empty()) field("", terminal_safe(role.salary->note));
      if (!role.salary->source.empty()) {
        field("Source:", terminal_safe(role.salary->source));
      }
    }
    if (!role.grows_into.empty()) {
      std::string next;
      for (const RoleIndex g : role.grows_into) {
        if (!next.empty()) next += ", ";
        next += terminal_safe(graph.role(g).name);
      }
      field("Leads to:", next);
    }
  }
  if (graph.roles().empty() && !style.quiet) out += "This graph has no roles.\n";
  return out;
}

std::string render_roles_json(const SkillGraph& graph) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("roles");
  json.begin_array();
  for (RoleIndex r = 0; r < graph.roles().size(); ++r) {
    const Role& role = graph.role(r);
    const RoleCost cost = role_cost(graph, r);
    json.begin_object();
    json.member("id", role.id);
    json.member("name", role.name);
    json.member("summary", role.summary);
    json.member("default", role.is_default);
    json.key("skills");
    json.begin_array();
    for (const SkillIndex s : role.skills) json.value(graph.skill(s).id);
    json.end_array();
    json.key("from_nothing");
    json.begin_object();
    json.member("steps", static_cast<std::int64_t>(cost.steps));
    json.member("hours", cost.hours);
    json.end_object();
    json.key("grows_into");
    json.begin_array();
    for (const RoleIndex g : role.grows_into) json.value(graph.role(g).id);
    json.end_array();
    if (role.salary) {
      json.key("salary");
      json.begin_object();
      json.member("currency", role.salary->currency);
      json.member("region", role.salary->region);
      json.member("source", role.salary->source);
      json.member("note", role.salary->note);
      json.key("bands");
      json.begin_array();
      for (const SalaryBand& band : role.salary->bands) {
        json.begin_object();
        json.member("level", band.level);
        if (band.min) json.member("min", *band.min);
        if (band.max) json.member("max", *band.max);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return out;
}

}  // namespace mlroadmap
