#include "mlroadmap/graph.hpp"

#include <algorithm>
#include <array>

#include "text.hpp"

namespace mlroadmap {

namespace {

// Per byte: 1 for what may start an id (an ASCII letter or digit), 2 for what may only follow
// ('-', '.', '_', '+', ':', '/', '@'), 0 for the rest. One lookup a byte: every id of a graph
// passes through here.
constexpr std::array<std::uint8_t, 256> kIdBytes = [] {
  std::array<std::uint8_t, 256> bytes{};
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = 1;
  for (int c = '0'; c <= '9'; ++c) bytes[c] = 1;
  for (const char c : {'-', '.', '_', '+', ':', '/', '@'}) {
    bytes[static_cast<unsigned char>(c)] = 2;
  }
  return bytes;
}();

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  const auto kind = [](char c) { return kIdBytes[static_cast<unsigned char>(c)]; };
  if (kind(id[0]) != 1) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return kind(c) != 0; });
}

namespace {
constexpr std::array<std::string_view, 4> kSkillKinds = {"skill", "project", "education",
                                                         "career"};
}  // namespace

std::string_view to_string(SkillKind kind) { return kSkillKinds[static_cast<std::size_t>(kind)]; }

std::optional<SkillKind> skill_kind_named(std::string_view name) {
  for (std::size_t k = 0; k < kSkillKinds.size(); ++k) {
    if (kSkillKinds[k] == name) return static_cast<SkillKind>(k);
  }
  return std::nullopt;
}

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
