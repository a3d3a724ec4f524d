#pragma once
// The shapes a merge reads: a graph read only as deep as a merge needs (its top-level members,
// and the range and id of each category, skill and role), and an overlay read whole.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_edits.hpp"

namespace mlroadmap::detail {

/// The three lists of a graph, in the order of their index.
enum class ItemKind { category = 0, skill = 1, role = 2 };
inline constexpr std::array<std::string_view, 3> kListNames = {"categories", "skills", "roles"};
inline constexpr std::array<std::string_view, 3> kItemNames = {"category", "skill", "role"};

/// One of a graph's lists: the array, the id of each element (empty when it has none) and,
/// for the skills when scan_graph was given a test, whether each names what passes it.
struct ItemList {
  bool present = false;
  JsonSequence array;
  std::vector<std::string> ids;
  std::vector<bool> names;
};

/// A graph read shallowly: its top-level members and its lists.
struct GraphShape {
  JsonSequence top;
  std::array<ItemList, 3> lists;
};

/// The members of a skill that name other items: its category, prerequisites (any_of groups
/// and their defaults among them) and recommendations.
inline constexpr std::array<std::string_view, 3> kNamingMembers = {"category", "prerequisites",
                                                                   "recommended"};

/// Reads `text` shallowly; throws JsonSyntaxError where it is malformed or not an object. Its
/// keys and strings are read strictly, but between them only brackets are matched: the text is
/// loaded afterwards, which checks all of it, or was loaded before. With `wanted`, the strings
/// of each skill's naming members are put to it (see ItemList::names).
GraphShape scan_graph(std::string_view text, JsonLimits limits,
                      const JsonReader::StringTest* wanted = nullptr);

/// An item of an overlay's list: its members, and its id when it has a valid one.
struct OverlayItem {
  JsonSequence object;
  std::string id;
  std::size_t id_offset = 0;
};

/// An overlay's list as written; `present` when the overlay has it.
struct OverlayList {
  bool present = false;
  std::size_t offset = 0;
  std::vector<OverlayItem> items;
};

/// An overlay read whole: its top-level members (`extends` among them) and its lists.
struct OverlayShape {
  JsonSequence top;
  std::string extends;
  std::size_t extends_offset = 0;
  std::array<OverlayList, 3> lists;
};

/// A message about a place in the overlay being read.
struct ShapeProblem {
  std::size_t offset;
  std::string message;
};

/// Reads an overlay whose shape `top` is; problems of shape (a list that is not an array, an
/// item without an id, a wrong schema_version...) are added to `problems`.
OverlayShape read_overlay(std::string_view text, JsonSequence top, JsonLimits limits,
                          std::vector<ShapeProblem>& problems);

/// Whether the value at `offset` of `text` is the literal true.
inline bool is_true_at(std::string_view text, std::size_t offset) {
  return text.substr(offset, 4) == "true";
}

/// Whether the overlay's item says `"KEY": true` ("remove", "default").
inline bool says_true(std::string_view overlay, const OverlayItem& item, std::string_view key) {
  const JsonElement* member = item.object.member(key);
  return member != nullptr && is_true_at(overlay, member->value);
}

}  // namespace mlroadmap::detail
