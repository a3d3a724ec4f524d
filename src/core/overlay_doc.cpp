#include "overlay_doc.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mlroadmap/graph.hpp"

namespace mlroadmap::detail {

namespace {

int list_index(std::string_view key) {
  for (std::size_t i = 0; i < kListNames.size(); ++i) {
    if (kListNames[i] == key) return static_cast<int>(i);
  }
  return -1;
}

bool is_naming_member(std::string_view key) {
  return std::find(kNamingMembers.begin(), kNamingMembers.end(), key) != kNamingMembers.end();
}

// A list's elements, with the id of each object that has a string "id", in one pass; with
// `wanted`, whether each names what passes it.
void scan_items(JsonReader& json, ItemList& list, const JsonReader::StringTest* wanted) {
  list.present = true;
  list.array.open = json.offset();
  json.begin_array();
  while (json.next_element()) {
    const JsonType type = json.peek();
    JsonElement element{json.offset(), 0, json.offset(), {}, type};
    std::string id;
    bool names = false;
    if (type == JsonType::object) {
      json.begin_object();
      std::string_view key;
      std::size_t key_offset;
      while (json.next_member(key, key_offset)) {
        if (key == "id" && id.empty() && json.peek() == JsonType::string) {
          id = json.read_string();
        } else if (wanted != nullptr && !names && is_naming_member(key)) {
          names = json.skim_value(wanted);
        } else {
          json.skim_value();
        }
      }
    } else {
      json.skim_value();
    }
    element.end = json.offset();
    list.array.elements.push_back(std::move(element));
    list.ids.push_back(std::move(id));
    if (wanted != nullptr) list.names.push_back(names);
  }
  list.array.close = json.offset() - 1;
}

}  // namespace

GraphShape scan_graph(std::string_view text, JsonLimits limits,
                      const JsonReader::StringTest* wanted) {
  JsonReader json(text, limits);
  GraphShape shape;
  if (json.peek() != JsonType::object) {
    throw JsonSyntaxError{json.offset(), "a skill graph must be a JSON object"};
  }
  shape.top.open = json.offset();
  json.begin_object();
  std::string_view key;
  std::size_t key_offset;
  while (json.next_member(key, key_offset)) {
    JsonElement member{key_offset, 0, json.offset(), std::string(key), json.peek()};
    const int list = list_index(member.key);
    if (list >= 0 && member.type == JsonType::array && !shape.lists[list].present) {
      const bool skills = list == static_cast<int>(ItemKind::skill);
      scan_items(json, shape.lists[list], skills ? wanted : nullptr);
    } else {
      json.skim_value();
    }
    member.end = json.offset();
    shape.top.elements.push_back(std::move(member));
  }
  shape.top.close = json.offset() - 1;
  json.finish();
  return shape;
}

namespace {

void read_items(std::string_view text, const JsonElement& member, ItemKind kind,
                JsonLimits limits, OverlayList& list, std::vector<ShapeProblem>& problems) {
  const std::string_view item_name = kItemNames[static_cast<std::size_t>(kind)];
  list.present = true;
  list.offset = member.value;
  if (member.type != JsonType::array) {
    problems.push_back({member.value, fmt::format("'{}' must be an array", member.key)});
    return;
  }
  const JsonSequence array = scan_sequence(text, member.value, limits);
  for (const JsonElement& element : array.elements) {
    if (element.type != JsonType::object) {
      problems.push_back({element.begin, fmt::format("each of '{}' must be an object with 'id'",
                                                     member.key)});
      continue;
    }
    OverlayItem item{scan_sequence(text, element.begin, limits), {}, element.begin};
    const JsonElement* id = item.object.member("id");
    if (id == nullptr || id->type != JsonType::string) {
      problems.push_back({id == nullptr ? element.begin : id->value,
                          fmt::format("each {} of an overlay needs an 'id' string", item_name)});
      continue;
    }
    item.id = string_at(text, id->value, limits);
    item.id_offset = id->value;
    if (!is_valid_id(item.id)) {
      problems.push_back({id->value, fmt::format("invalid {} id '{}'", item_name, item.id)});
      continue;
    }
    list.items.push_back(std::move(item));
  }
}

void read_extends(std::string_view text, const JsonElement& member, JsonLimits limits,
                  OverlayShape& shape, std::vector<ShapeProblem>& problems) {
  shape.extends_offset = member.value;
  if (member.type == JsonType::string) shape.extends = string_at(text, member.value, limits);
  if (shape.extends.empty()) {
    problems.push_back({member.value, "'extends' must be \"builtin\" or the path of a graph "
                                      "file"});
  }
}

}  // namespace

OverlayShape read_overlay(std::string_view text, JsonSequence top, JsonLimits limits,
                          std::vector<ShapeProblem>& problems) {
  OverlayShape shape;
  shape.top = std::move(top);
  bool version_two = false;
  for (const JsonElement& member : shape.top.elements) {
    if (member.key == "extends") {
      read_extends(text, member, limits, shape, problems);
    } else if (member.key == "schema_version") {
      version_two = text.substr(member.value, member.end - member.value) == "2";
    } else if (const int list = list_index(member.key); list >= 0) {
      read_items(text, member, static_cast<ItemKind>(list), limits, shape.lists[list],
                 problems);
    }
  }
  if (!version_two) {
    const JsonElement* version = shape.top.member("schema_version");
    problems.push_back({version != nullptr ? version->value : shape.top.open,
                        "a graph that extends another needs \"schema_version\": 2"});
  }
  return shape;
}

}  // namespace mlroadmap::detail
