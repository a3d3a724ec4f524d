#include <fmt/format.h>

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// A labelled line under a role's name; a long value wraps under itself.
void add_field(std::string& out, std::size_t width, std::string_view label,
               std::string_view value) {
  out += fmt::format("  {:<11}{}\n", label, wrap_text(value, width, 13, 13));
}

std::string takes_text(const Role& role, const RoleCost& cost) {
  return fmt::format("{} from nothing, {} ({} target {})", plural(cost.steps, "skill", "skills"),
                     hours_text(cost.hours), role.targets.size(),
                     role.targets.size() == 1 ? "skill" : "skills");
}

void add_pay_fields(std::string& out, std::size_t width, const Salary& salary) {
  if (salary.bands.empty()) return;
  add_field(out, width, "Pay:", salary_line(salary));
  if (!salary.note.empty()) add_field(out, width, "", terminal_safe(salary.note));
  if (!salary.source.empty()) add_field(out, width, "Source:", terminal_safe(salary.source));
}

std::string role_names(const SkillGraph& graph, const std::vector<RoleIndex>& roles) {
  std::string names;
  for (const RoleIndex r : roles) {
    if (!names.empty()) names += ", ";
    names += terminal_safe(graph.role(r).name);
  }
  return names;
}

void add_role_text(std::string& out, const SkillGraph& graph, const CostedRole& costed,
                   const Painter& paint, std::size_t width) {
  const Role& role = graph.role(costed.role);
  out += paint.bold(terminal_safe(role.name)) +
         paint.dim(fmt::format(" ({}{})", role.id, role.is_default ? ", default" : "")) + "\n";
  if (!role.summary.empty()) add_field(out, width, "", terminal_safe(role.summary));
  if (!role.builds_on.empty()) {
    add_field(out, width, "Builds on:", role_names(graph, role.builds_on));
  }
  add_field(out, width, "Takes:", takes_text(role, costed.cost));
  if (role.salary) add_pay_fields(out, width, *role.salary);
  if (!role.grows_into.empty()) {
    add_field(out, width, "Leads to:", role_names(graph, role.grows_into));
  }
}

void write_salary(detail::JsonWriter& json, const Salary& salary) {
  json.begin_object();
  json.member("currency", salary.currency);
  json.member("region", salary.region);
  json.member("source", salary.source);
  json.member("note", salary.note);
  json.key("bands");
  json.begin_array();
  for (const SalaryBand& band : salary.bands) {
    json.begin_object();
    json.member("level", band.level);
    if (band.min) json.member("min", *band.min);
    if (band.max) json.member("max", *band.max);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_role(detail::JsonWriter& json, const SkillGraph& graph, const CostedRole& costed) {
  const Role& role = graph.role(costed.role);
  json.begin_object();
  json.member("id", role.id);
  json.member("name", role.name);
  json.member("summary", role.summary);
  json.member("default", role.is_default);
  json.key("skills");
  json.begin_array();
  for (const SkillIndex s : role.skills) json.value(graph.skill(s).id);
  json.end_array();
  json.key("builds_on");
  json.begin_array();
  for (const RoleIndex b : role.builds_on) json.value(graph.role(b).id);
  json.end_array();
  json.key("from_nothing");
  json.begin_object();
  json.member("steps", static_cast<std::int64_t>(costed.cost.steps));
  json.member("hours", costed.cost.hours);
  json.end_object();
  json.key("grows_into");
  json.begin_array();
  for (const RoleIndex g : role.grows_into) json.value(graph.role(g).id);
  json.end_array();
  if (role.salary) {
    json.key("salary");
    write_salary(json, *role.salary);
  }
  json.end_object();
}

}  // namespace

std::string render_roles_text(const SkillGraph& graph, const std::vector<CostedRole>& roles,
                              const TextStyle& style) {
  std::string out;
  if (style.quiet) {
    for (const CostedRole& costed : roles) out += fmt::format("{}\n", graph.role(costed.role).id);
    return out;
  }
  const Painter paint(style.color);
  const std::size_t width = std::max<std::size_t>(style.width, 40);
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += "\n";
    add_role_text(out, graph, roles[i], paint, width);
  }
  if (roles.empty()) out += "This graph has no roles.\n";
  return out;
}

std::string render_roles_json(const SkillGraph& graph, const std::vector<CostedRole>& roles) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("roles");
  json.begin_array();
  for (const CostedRole& costed : roles) write_role(json, graph, costed);
  json.end_array();
  json.end_object();
  return out;
}

}  // namespace mlroadmap
