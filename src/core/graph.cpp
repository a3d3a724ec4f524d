#include "mlroadmap/graph.hpp"

#include "name_table.hpp"
#include "text.hpp"

namespace mlroadmap {

SkillGraph::SkillGraph() = default;
SkillGraph::SkillGraph(SkillGraph&&) noexcept = default;
SkillGraph& SkillGraph::operator=(SkillGraph&&) noexcept = default;
SkillGraph::~SkillGraph() = default;

std::string_view SkillGraph::summary(SkillIndex skill) const {
  const std::uint32_t d = p_.details_of(skill);
  return d == kNoDetails ? std::string_view{} : p_.details[d].summary;
}

std::string_view SkillGraph::milestone(SkillIndex skill) const {
  const std::uint32_t d = p_.details_of(skill);
  return d == kNoDetails ? std::string_view{} : p_.details[d].milestone;
}

std::span<const std::string_view> SkillGraph::aliases(SkillIndex skill) const {
  const std::uint32_t d = p_.details_of(skill);
  if (d == kNoDetails) return {};
  return std::span(p_.alias_texts.data() + p_.details[d].first_alias, p_.details[d].alias_count);
}

std::span<const Resource> SkillGraph::resources(SkillIndex skill) const {
  const std::uint32_t d = p_.details_of(skill);
  if (d == kNoDetails) return {};
  return std::span(p_.resources.data() + p_.details[d].first_resource,
                   p_.details[d].resource_count);
}

std::optional<SkillIndex> SkillGraph::find_skill_by_id(std::string_view id) const {
  const auto skill = find_skill(id);
  if (!skill || p_.skills[*skill].id != id) return std::nullopt;
  return skill;
}

std::optional<SkillIndex> SkillGraph::find_skill(std::string_view name) const {
  if (!p_.names) return std::nullopt;
  const auto entry = p_.names->find(p_, name);
  if (!entry) return std::nullopt;
  return detail::NameTable::skill(p_, *entry);
}

std::optional<RoleIndex> SkillGraph::find_role(std::string_view name) const {
  for (RoleIndex r = 0; r < p_.roles.size(); ++r) {
    if (equals_ignoring_case(p_.roles[r].id, name) ||
        equals_ignoring_case(p_.roles[r].name, name)) {
      return r;
    }
  }
  return std::nullopt;
}

std::optional<CategoryIndex> SkillGraph::find_category(std::string_view name) const {
  for (CategoryIndex c = 0; c < p_.categories.size(); ++c) {
    if (equals_ignoring_case(p_.categories[c].id, name) ||
        equals_ignoring_case(p_.categories[c].name, name)) {
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace mlroadmap
