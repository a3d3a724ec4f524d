#include "overlay_references.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include "text.hpp"

namespace mlroadmap::detail {

namespace {

class Dropper {
 public:
  Dropper(std::string_view text, const SourceMap& map, JsonLimits limits, bool lint,
          std::vector<Diagnostic>& diagnostics)
      : text_(text), map_(map), limits_(limits), lint_(lint), diagnostics_(diagnostics) {}

  Splice run(const std::vector<Removal>& removals);

 private:
  using Removed = std::unordered_map<std::string, SourcePlace>;
  const SourcePlace* removed(ItemKind kind, std::string_view id) const {
    const Removed& ids = removed_[static_cast<std::size_t>(kind)];
    const auto it = ids.find(to_lower_ascii(id));
    return it == ids.end() ? nullptr : &it->second;
  }
  void report(Severity severity, std::size_t offset, std::string message) {
    diagnostics_.push_back(map_.diagnostic(severity, map_.place_of(offset), std::move(message)));
  }
  // A reference dropped: a warning when looking for what is legal but probably a mistake.
  void drop(std::size_t offset, std::string message) {
    if (lint_) report(Severity::warning, offset, std::move(message));
  }
  std::string because(ItemKind kind, std::string_view id, const SourcePlace& place) const {
    return fmt::format("{} '{}' is removed at {}", kItemNames[static_cast<std::size_t>(kind)], id,
                       map_.where(place));
  }
  void skills(const ItemList& list);
  void in_skill(std::string_view owner, std::size_t begin);
  void in_role(std::string_view owner, std::size_t begin);
  void in_requirements(std::string_view owner, const JsonElement& member);
  bool in_group(std::string_view owner, const JsonElement& element);
  void in_list(std::string_view owner, const JsonElement& member, ItemKind kind,
               std::string_view what);

  std::string_view text_;
  const SourceMap& map_;
  JsonLimits limits_;
  bool lint_;
  std::vector<Diagnostic>& diagnostics_;
  std::array<Removed, 3> removed_;
  std::vector<Edit> edits_;
};

Splice Dropper::run(const std::vector<Removal>& removals) {
  // Only the skills that name a removed skill or category (escapes decoded) are read again.
  // Most names are told apart by their fingerprint, without a lookup.
  std::bitset<kFingerprints> seen;
  std::size_t longest = 0;
  for (const Removal& r : removals) {
    removed_[static_cast<std::size_t>(r.kind)].emplace(to_lower_ascii(r.id), r.place);
    if (r.kind == ItemKind::role) continue;
    seen.set(fingerprint_ignoring_case(r.id));
    longest = std::max(longest, r.id.size());
  }
  const JsonReader::StringTest names_removed = [&](std::string_view name) {
    return name.size() <= longest && seen.test(fingerprint_ignoring_case(name)) &&
           (removed(ItemKind::skill, name) != nullptr ||
            removed(ItemKind::category, name) != nullptr);
  };
  const GraphShape shape = scan_graph(text_, limits_, longest > 0 ? &names_removed : nullptr);
  skills(shape.lists[static_cast<std::size_t>(ItemKind::skill)]);
  const ItemList& roles = shape.lists[static_cast<std::size_t>(ItemKind::role)];
  for (std::size_t i = 0; i < roles.ids.size(); ++i) {
    if (roles.array.elements[i].type == JsonType::object) {
      in_role(roles.ids[i], roles.array.elements[i].begin);
    }
  }
  return apply_edits(text_, map_, std::move(edits_));
}

void Dropper::skills(const ItemList& list) {
  for (std::size_t i = 0; i < list.names.size(); ++i) {
    if (list.names[i] && list.array.elements[i].type == JsonType::object) {
      in_skill(list.ids[i], list.array.elements[i].begin);
    }
  }
}

void Dropper::in_skill(std::string_view owner, std::size_t begin) {
  const JsonSequence skill = scan_sequence(text_, begin, limits_);
  for (const JsonElement& member : skill.elements) {
    if (member.key == "category" && member.type == JsonType::string) {
      const std::string category = string_at(text_, member.value, limits_);
      if (const SourcePlace* place = removed(ItemKind::category, category)) {
        report(Severity::error, member.value,
               fmt::format("skill '{}' is in category '{}', but {}", owner, category,
                           because(ItemKind::category, category, *place)));
      }
    } else if (member.key == "prerequisites" && member.type == JsonType::array) {
      in_requirements(owner, member);
    } else if (member.key == "recommended" && member.type == JsonType::array) {
      in_list(fmt::format("skill '{}'", owner), member, ItemKind::skill, "recommendation");
    }
  }
}

void Dropper::in_role(std::string_view owner, std::size_t begin) {
  const JsonSequence role = scan_sequence(text_, begin, limits_);
  for (const JsonElement& member : role.elements) {
    if (member.type != JsonType::array) continue;
    const std::string who = fmt::format("role '{}'", owner);
    if (member.key == "skills") {
      in_list(who, member, ItemKind::skill, "skill");
    } else if (member.key == "builds_on" || member.key == "grows_into") {
      in_list(who, member, ItemKind::role, fmt::format("'{}' role", member.key));
    }
  }
}

// A list of ids (or objects with one): each naming a removed item is dropped.
void Dropper::in_list(std::string_view owner, const JsonElement& member, ItemKind kind,
                      std::string_view what) {
  const JsonSequence list = scan_sequence(text_, member.value, limits_);
  SequenceEditor editor(text_, list);
  for (std::size_t i = 0; i < list.elements.size(); ++i) {
    const auto id = element_id(text_, list.elements[i], limits_);
    const SourcePlace* place = id ? removed(kind, *id) : nullptr;
    if (place == nullptr) continue;
    editor.remove(i);
    drop(list.elements[i].begin, fmt::format("{}: {} '{}' dropped, as {}", owner, what, *id,
                                             because(kind, *id, *place)));
  }
  editor.emit(edits_, map_.place_of(member.value));
}

void Dropper::in_requirements(std::string_view owner, const JsonElement& member) {
  const JsonSequence list = scan_sequence(text_, member.value, limits_);
  SequenceEditor editor(text_, list);
  for (std::size_t i = 0; i < list.elements.size(); ++i) {
    const JsonElement& element = list.elements[i];
    const auto id = element_id(text_, element, limits_);
    if (!id) {
      if (element.type == JsonType::object && !in_group(owner, element)) editor.remove(i);
      continue;
    }
    if (const SourcePlace* place = removed(ItemKind::skill, *id)) {
      editor.remove(i);
      drop(element.begin, fmt::format("skill '{}': prerequisite '{}' dropped, as {}", owner, *id,
                                      because(ItemKind::skill, *id, *place)));
    }
  }
  editor.emit(edits_, map_.place_of(member.value));
}

// An any_of group without its removed members; false when none is left, which is an error.
bool Dropper::in_group(std::string_view owner, const JsonElement& element) {
  const JsonSequence group = scan_sequence(text_, element.begin, limits_);
  const JsonElement* any_of = group.member("any_of");
  if (any_of == nullptr || any_of->type != JsonType::array) return true;
  const JsonSequence members = scan_sequence(text_, any_of->value, limits_);
  SequenceEditor editor(text_, members);
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < members.elements.size(); ++i) {
    const auto id = element_id(text_, members.elements[i], limits_);
    const SourcePlace* place = id ? removed(ItemKind::skill, *id) : nullptr;
    if (place == nullptr) continue;
    editor.remove(i);
    reasons.push_back(fmt::format("'{}' dropped from an any_of group, as {}", *id,
                                  because(ItemKind::skill, *id, *place)));
  }
  if (reasons.empty()) return true;
  if (editor.emptied()) {
    report(Severity::error, element.begin,
           fmt::format("skill '{}': an any_of group is left empty: {}", owner,
                       fmt::join(reasons, "; ")));
    return false;
  }
  for (std::size_t i = 0, r = 0; i < members.elements.size(); ++i) {
    if (!editor.removed(i)) continue;
    drop(members.elements[i].begin, fmt::format("skill '{}': {}", owner, reasons[r++]));
  }
  editor.emit(edits_, map_.place_of(any_of->value));
  SequenceEditor outer(text_, group);
  for (std::size_t i = 0; i < group.elements.size(); ++i) {
    const JsonElement& field = group.elements[i];
    if (field.key != "default" || field.type != JsonType::string) continue;
    const std::string id = string_at(text_, field.value, limits_);
    if (const SourcePlace* place = removed(ItemKind::skill, id)) {
      outer.remove(i);
      drop(field.value,
             fmt::format("skill '{}': the any_of group's default '{}' dropped, as {}", owner, id,
                         because(ItemKind::skill, id, *place)));
    }
  }
  outer.emit(edits_, map_.place_of(element.begin));
  return true;
}

}  // namespace

Splice drop_references(std::string_view text, const SourceMap& map,
                       const std::vector<Removal>& removals, JsonLimits limits, bool lint,
                       std::vector<Diagnostic>& diagnostics) {
  if (removals.empty()) {
    Splice same;
    same.copy(text, map, 0, text.size());
    return same;
  }
  return Dropper(text, map, limits, lint, diagnostics).run(removals);
}

}  // namespace mlroadmap::detail
