#include "mlroadmap/names.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "text.hpp"

namespace mlroadmap {

namespace {

// Graphs can be huge: a typo is compared with every name only up to this many skills.
constexpr std::size_t kMaxSuggestionScan = 200'000;

// Every spelling of every skill; things are numbered after the `first` already listed.
void add_skill_names(const SkillGraph& graph, std::vector<Spelling>& names, std::size_t first) {
  if (graph.skill_count() > kMaxSuggestionScan) return;
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    names.push_back({graph.skill(s).id, first + s});
    names.push_back({graph.skill(s).name, first + s});
    for (const std::string_view alias : graph.aliases(s)) names.push_back({alias, first + s});
  }
}

}  // namespace

std::expected<SkillIndex, std::string> resolve_skill(const SkillGraph& graph,
                                                     std::string_view name) {
  if (const auto skill = graph.find_skill(name)) return *skill;
  std::vector<Spelling> names;
  add_skill_names(graph, names, 0);
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
  std::vector<Spelling> names;
  for (std::size_t r = 0; r < graph.roles().size(); ++r) {
    names.push_back({graph.roles()[r].id, r});
    names.push_back({graph.roles()[r].name, r});
  }
  add_skill_names(graph, names, graph.roles().size());
  return std::unexpected(fmt::format("unknown role or skill '{}'{}", terminal_safe(name),
                                     did_you_mean(closest_matches(name, names))));
}

namespace {

// Whether `word` is one of the words of `name` (runs of letters and digits), in any case:
// "mlops" is a word of "System design & production (MLOps)".
bool is_word_of(std::string_view word, std::string_view name) {
  const auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
  };
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !is_word_char(name[i])) ++i;
    std::size_t end = i;
    while (end < name.size() && is_word_char(name[end])) ++end;
    if (end > i && equals_ignoring_case(name.substr(i, end - i), word)) return true;
    i = end;
  }
  return false;
}

}  // namespace

namespace {

// The categories `word` is a word of the name of.
std::vector<CategoryIndex> categories_with_word(const SkillGraph& graph, std::string_view word) {
  std::vector<CategoryIndex> found;
  for (CategoryIndex c = 0; c < graph.categories().size(); ++c) {
    if (is_word_of(word, graph.categories()[c].name)) found.push_back(c);
  }
  return found;
}

std::string ambiguous_category(const SkillGraph& graph, std::string_view word,
                               const std::vector<CategoryIndex>& candidates) {
  std::vector<std::string> names;
  for (const CategoryIndex c : candidates) {
    names.push_back(fmt::format("'{}' ({})", terminal_safe(graph.categories()[c].id),
                                terminal_safe(graph.categories()[c].name)));
  }
  return fmt::format("category '{}' is ambiguous: it is a word of {}; give one of their ids",
                     terminal_safe(word), fmt::join(names, ", "));
}

}  // namespace

std::expected<CategoryIndex, std::string> resolve_category(const SkillGraph& graph,
                                                           std::string_view name) {
  if (const auto category = graph.find_category(name)) return *category;
  const std::vector<CategoryIndex> by_word = categories_with_word(graph, name);
  if (by_word.size() == 1) return by_word.front();
  if (by_word.size() > 1) return std::unexpected(ambiguous_category(graph, name, by_word));
  std::vector<std::string_view> names;
  for (const Category& category : graph.categories()) {
    names.push_back(category.id);
    names.push_back(category.name);
  }
  return std::unexpected(fmt::format("unknown category '{}'{}", terminal_safe(name),
                                     did_you_mean(closest_matches(name, names))));
}

std::expected<Subject, std::string> resolve_subject(const SkillGraph& graph,
                                                    std::string_view name) {
  if (const auto skill = graph.find_skill(name)) return Subject{Subject::Kind::skill, *skill};
  if (const auto role = graph.find_role(name)) return Subject{Subject::Kind::role, *role};
  if (const auto category = graph.find_category(name)) {
    return Subject{Subject::Kind::category, *category};
  }
  const std::vector<CategoryIndex> by_word = categories_with_word(graph, name);
  if (by_word.size() == 1) return Subject{Subject::Kind::category, by_word.front()};
  if (by_word.size() > 1) return std::unexpected(ambiguous_category(graph, name, by_word));
  std::vector<Spelling> names;
  const std::size_t roles = graph.roles().size();
  for (std::size_t r = 0; r < roles; ++r) {
    names.push_back({graph.roles()[r].id, r});
    names.push_back({graph.roles()[r].name, r});
  }
  for (std::size_t c = 0; c < graph.categories().size(); ++c) {
    names.push_back({graph.categories()[c].id, roles + c});
    names.push_back({graph.categories()[c].name, roles + c});
  }
  add_skill_names(graph, names, roles + graph.categories().size());
  return std::unexpected(fmt::format("unknown skill, role or category '{}'{}", terminal_safe(name),
                                     did_you_mean(closest_matches(name, names))));
}

}  // namespace mlroadmap
