#include "mlroadmap/names.hpp"

#include <fmt/format.h>

#include "text.hpp"

namespace mlroadmap {

namespace {

// Graphs can be huge: a typo is compared with every name only up to this many skills.
constexpr std::size_t kMaxSuggestionScan = 200'000;

void add_skill_names(const SkillGraph& graph, std::vector<std::string_view>& names) {
  if (graph.skill_count() > kMaxSuggestionScan) return;
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    names.push_back(graph.skill(s).id);
    names.push_back(graph.skill(s).name);
    for (const std::string_view alias : graph.aliases(s)) names.push_back(alias);
  }
}

}  // namespace

std::expected<SkillIndex, std::string> resolve_skill(const SkillGraph& graph,
                                                     std::string_view name) {
  if (const auto skill = graph.find_skill(name)) return *skill;
  std::vector<std::string_view> names;
  add_skill_names(graph, names);
  std::string message = fmt::format("unknown skill '{}'{}", terminal_safe(name),
                                    did_you_mean(closest_matches(name, names)));
  if (graph.find_role(name)) {
    message += fmt::format("; '{}' is a role, which only --goal accepts", terminal_safe(name));
  }
  return std::unexpected(std::move(message));
}

std::expected<Goal, std::string> resolve_goal(const SkillGraph& graph, std::string_view name) {
  if (const auto role = graph.find_role(name)) return Goal{Goal::Kind::role, *role};
  if (const auto skill = graph.find_skill(name)) return Goal{Goal::Kind::skill, *skill};
  std::vector<std::string_view> names;
  for (const Role& role : graph.roles()) {
    names.push_back(role.id);
    names.push_back(role.name);
  }
  add_skill_names(graph, names);
  return std::unexpected(fmt::format("unknown role or skill '{}'{}", terminal_safe(name),
                                     did_you_mean(closest_matches(name, names))));
}

std::expected<CategoryIndex, std::string> resolve_category(const SkillGraph& graph,
                                                           std::string_view name) {
  if (const auto category = graph.find_category(name)) return *category;
  std::vector<std::string_view> names;
  for (const Category& category : graph.categories()) {
    names.push_back(category.id);
    names.push_back(category.name);
  }
  return std::unexpected(fmt::format("unknown category '{}'{}", terminal_safe(name),
                                     did_you_mean(closest_matches(name, names))));
}

}  // namespace mlroadmap
