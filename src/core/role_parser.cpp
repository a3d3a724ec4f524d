// The graph parser's reading of roles: their fields, the names they give (resolved later by
// graph_references) and their salary figures.
#include <fmt/format.h>

#include <array>

#include "graph_parser.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

using namespace std::string_view_literals;

constexpr std::array kRoleFields = {"id"sv,         "name"sv,      "summary"sv, "skills"sv,
                                    "builds_on"sv,  "default"sv,   "grows_into"sv,
                                    "salary"sv};
constexpr std::array kSalaryFields = {"currency"sv, "region"sv, "source"sv, "note"sv, "bands"sv};
constexpr std::array kBandFields = {"level"sv, "min"sv, "max"sv};

std::string role_owner(std::string_view id, std::size_t ordinal) {
  return id.empty() ? fmt::format("role #{}", ordinal) : fmt::format("role '{}'", id);
}

}  // namespace

void GraphParser::parse_roles() {
  if (!in_.expect(JsonType::array, "graph", "roles")) return;
  lists_read_[static_cast<std::size_t>(ItemKind::role)] = true;
  json_.begin_array();
  while (json_.next_element()) {
    const std::string owner = fmt::format("role #{}", builder_.parts().roles.size() + 1);
    if (!in_.expect(JsonType::object, owner, "roles[]")) continue;
    if (!take_layered(ItemKind::role)) parse_role();
  }
  read_layer_items(ItemKind::role);
}

void GraphParser::parse_role() {
  const std::size_t object_offset = json_.offset();
  const std::size_t ordinal = builder_.parts().roles.size() + 1;
  json_.begin_object();
  FieldSet<kRoleFields> fields;
  Role role;
  RoleRefs refs;
  refs.offset = object_offset;
  std::size_t default_offset = object_offset;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    const std::string owner = role_owner(role.id, ordinal);
    if (in_.accept_field(fields, key, key_offset, owner) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "id") {
      refs.offset = json_.offset();
      role.id = read_id(owner, key, "role");
    } else if (key == "name") {
      role.name = read_required_text(owner, key);
    } else if (key == "summary") {
      role.summary = read_text(owner, key);
    } else if (key == "default") {
      default_offset = json_.offset();
      if (in_.expect(JsonType::boolean, owner, key)) role.is_default = json_.read_bool();
    } else if (key == "builds_on") {
      newer_field("builds_on", json_.offset());
      parse_role_names(owner, key, refs);
    } else if (key == "skills" || key == "grows_into") {
      parse_role_names(owner, key, refs);
    } else if (key == "salary") {
      role.salary = parse_salary(owner);
    }
  }
  in_.require(fields, {"id", "name"}, object_offset, role_owner(role.id, ordinal));
  add_role(std::move(role), std::move(refs), object_offset, default_offset);
}

void GraphParser::parse_role_names(const Owner& owner, std::string_view key, RoleRefs& refs) {
  auto& list = key == "skills" ? refs.skills : key == "builds_on" ? refs.builds_on : refs.grows_into;
  if (!in_.expect(JsonType::array, owner, key)) return;
  const std::string element = fmt::format("{}[]", key);
  json_.begin_array();
  while (json_.next_element()) {
    if (!in_.expect(JsonType::string, owner, element)) continue;
    const std::size_t offset = json_.offset();
    const std::string_view name = json_.read_string();
    if (!dropped(key == "skills" ? ItemKind::skill : ItemKind::role, name)) {
      list.emplace_back(builder_.keep(name), offset);
    }
  }
}

void GraphParser::add_role(Role role, RoleRefs refs, std::size_t object_offset,
                           std::size_t default_offset) {
  const auto& roles = builder_.parts().roles;
  const std::string owner = role_owner(role.id, roles.size() + 1);
  if (limits_.lint && refs.skills.empty() && refs.builds_on.empty()) {
    warn(object_offset, fmt::format("{}: has no skills", owner));
  }
  for (const Role& other : roles) {
    if (!role.id.empty() && equals_ignoring_case(other.id, role.id)) {
      error(refs.offset, fmt::format("duplicate role id '{}'", role.id));
    }
  }
  if (role.is_default) {
    if (const auto current = builder_.parts().default_role) {
      error(default_offset,
            fmt::format("{}: more than one default role ('{}' is already the default)", owner,
                        roles[*current].id));
    } else {
      builder_.set_default_role(static_cast<RoleIndex>(roles.size()));
    }
  }
  builder_.add_role(std::move(role), std::move(refs));
}

std::optional<Salary> GraphParser::parse_salary(std::string_view role_owner) {
  const std::string owner = fmt::format("{}: salary", role_owner);
  if (!in_.expect(JsonType::object, role_owner, "salary")) return std::nullopt;
  json_.begin_object();
  FieldSet<kSalaryFields> fields;
  Salary salary;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (in_.accept_field(fields, key, key_offset, owner) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "currency") {
      salary.currency = read_text(owner, key);
    } else if (key == "region") {
      salary.region = read_text(owner, key);
    } else if (key == "source") {
      salary.source = read_text(owner, key);
    } else if (key == "note") {
      salary.note = read_text(owner, key);
    } else if (key == "bands" && in_.expect(JsonType::array, owner, key)) {
      json_.begin_array();
      while (json_.next_element()) {
        if (in_.expect(JsonType::object, owner, "bands[]"))
          salary.bands.push_back(parse_band(owner));
      }
    }
  }
  return salary;
}

SalaryBand GraphParser::parse_band(const std::string& owner) {
  const std::size_t band_offset = json_.offset();
  json_.begin_object();
  FieldSet<kBandFields> fields;
  SalaryBand band;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (in_.accept_field(fields, key, key_offset, owner) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "level") {
      band.level = read_text(owner, key);
    } else if (key == "min") {
      band.min = in_.read_integer(owner, key);
    } else {
      band.max = in_.read_integer(owner, key);
    }
  }
  in_.require(fields, {"level"}, band_offset, owner);
  if (band.min && band.max && *band.min > *band.max) {
    error(band_offset, fmt::format("{}: band '{}' has min above max", owner, band.level));
  }
  return band;
}

}  // namespace mlroadmap::detail
