#include "overlay_apply.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_map>

#include "mlroadmap/spelling.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

using namespace std::string_view_literals;

// The lists an overlay's item may edit in place, by kind: add_NAME and remove_NAME.
constexpr std::array<std::array<std::string_view, 2>, 3> kEditableLists = {
    {{}, {"prerequisites"sv, "recommended"sv}, {"skills"sv, {}}}};
constexpr std::array<std::array<std::string_view, 3>, 3> kRequiredFields = {
    {{"name"sv}, {"name"sv, "category"sv}, {"name"sv}}};

bool is_list_edit(ItemKind kind, std::string_view key) {
  for (const std::string_view list : kEditableLists[static_cast<std::size_t>(kind)]) {
    if (list.empty()) continue;
    if ((key.starts_with("add_") && key.substr(4) == list) ||
        (key.starts_with("remove_") && key.substr(7) == list)) {
      return true;
    }
  }
  return false;
}

class OverlayStep {
 public:
  OverlayStep(const StepInput& in, std::vector<Diagnostic>& diagnostics)
      : in_(in), diagnostics_(diagnostics), top_(in.base, in.base_shape.top) {}

  StepResult run();
  /// The item at [begin, end) of the base patched alone.
  Splice patch_alone(ItemKind kind, std::size_t begin, std::size_t end, const OverlayItem& item,
                     bool strip_default) {
    patch_item(kind, begin, item, strip_default);
    return apply_edits(in_.base, in_.base_map, std::move(edits_), begin, end);
  }

 private:
  SourcePlace here(std::size_t overlay_offset) const {
    return SourcePlace{in_.overlay_file, overlay_offset};
  }
  void report(Severity severity, std::size_t overlay_offset, std::string message) {
    diagnostics_.push_back(
        in_.overlay_map.diagnostic(severity, here(overlay_offset), std::move(message)));
  }
  Piece from_overlay(std::size_t begin, std::size_t end) const {
    return Piece::copied(in_.overlay, in_.overlay_map, begin, end);
  }
  void patch_top();
  void patch_list(ItemKind kind);
  std::optional<std::size_t> default_role();
  void add_new(ItemKind kind, const OverlayItem& item, std::vector<std::vector<Piece>>& added);
  void remove_item(ItemKind kind, const OverlayItem& item);
  void patch_item(ItemKind kind, std::size_t base_begin, const OverlayItem& item,
                  bool strip_default);
  void patch_member(const JsonSequence& base, SequenceEditor& editor, const JsonElement& field);
  void edit_list(ItemKind kind, const JsonSequence& base, SequenceEditor& editor,
                 const OverlayItem& item, std::string_view list);
  void edit_elements(const JsonElement* add, const JsonElement* remove,
                     const JsonSequence& array, const OverlayItem& item, std::string_view list,
                     ItemKind kind);
  std::vector<Piece> new_list(const JsonElement* add, std::string_view key);
  std::string unknown(ItemKind kind, std::string_view id) const;

  const StepInput& in_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Edit> edits_;
  SequenceEditor top_;
  std::vector<Removal> removals_;
  std::vector<std::string> keys_;  // text of the merge's own that pieces point into
};

StepResult OverlayStep::run() {
  patch_top();
  for (const ItemKind kind : {ItemKind::category, ItemKind::skill, ItemKind::role}) {
    patch_list(kind);
  }
  top_.emit(edits_, here(in_.overlay_shape.top.open));
  StepResult result{apply_edits(in_.base, in_.base_map, std::move(edits_)), std::move(removals_)};
  return result;
}

// Every top-level member but `extends` and the lists patches the graph's own.
void OverlayStep::patch_top() {
  for (const JsonElement& member : in_.overlay_shape.top.elements) {
    if (member.key == "extends" || member.key == "categories" || member.key == "skills" ||
        member.key == "roles") {
      continue;
    }
    patch_member(in_.base_shape.top, top_, member);
  }
}

std::string OverlayStep::unknown(ItemKind kind, std::string_view id) const {
  const ItemList& base = in_.base_shape.lists[static_cast<std::size_t>(kind)];
  const std::vector<std::string_view> ids(base.ids.begin(), base.ids.end());
  return fmt::format("the graph it extends has no {} '{}'{}",
                     kItemNames[static_cast<std::size_t>(kind)], id,
                     did_you_mean(closest_matches(id, ids)));
}

// The overlay's role that says it is the default, when one does; two are an error.
std::optional<std::size_t> OverlayStep::default_role() {
  std::optional<std::size_t> found;
  const auto& items = in_.overlay_shape.lists[static_cast<std::size_t>(ItemKind::role)].items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!says_true(in_.overlay, items[i], "default")) continue;
    if (found) {
      report(Severity::error, items[i].object.member("default")->value,
             fmt::format("role '{}': more than one default role in this file ('{}' is the "
                         "default at {})",
                         items[i].id, items[*found].id,
                         in_.overlay_map.where(here(
                             items[*found].object.member("default")->value))));
      continue;
    }
    found = i;
  }
  return found;
}

void OverlayStep::patch_list(ItemKind kind) {
  const std::size_t k = static_cast<std::size_t>(kind);
  const OverlayList& overlay = in_.overlay_shape.lists[k];
  const ItemList& base = in_.base_shape.lists[k];
  const bool new_default = kind == ItemKind::role && default_role().has_value();
  std::unordered_map<std::string, std::size_t> wanted;  // overlay items by id, ignoring case
  for (std::size_t i = 0; i < overlay.items.size(); ++i) {
    const OverlayItem& item = overlay.items[i];
    const auto [at, added] = wanted.emplace(to_lower_ascii(item.id), i);
    if (!added) {
      report(Severity::error, item.id_offset,
             fmt::format("{} '{}' is given twice in this file (first at {})", kItemNames[k],
                         item.id,
                         in_.overlay_map.where(here(overlay.items[at->second].id_offset))));
    }
  }
  std::vector<std::optional<std::size_t>> in_base(overlay.items.size());
  std::string lower;
  for (std::size_t b = 0; b < base.ids.size(); ++b) {
    if (!wanted.empty()) {
      lower = to_lower_ascii(base.ids[b]);
      const auto it = wanted.find(lower);
      if (it != wanted.end() && !in_base[it->second]) {
        in_base[it->second] = b;
        continue;
      }
    }
    if (new_default) patch_item(kind, base.array.elements[b].begin, OverlayItem{}, true);
  }
  SequenceEditor editor(in_.base, base.array);
  std::vector<std::vector<Piece>> added;
  for (std::size_t i = 0; i < overlay.items.size(); ++i) {
    const OverlayItem& item = overlay.items[i];
    if (wanted.at(to_lower_ascii(item.id)) != i) continue;  // given twice
    if (!in_base[i]) {
      add_new(kind, item, added);
    } else if (says_true(in_.overlay, item, "remove")) {
      editor.remove(*in_base[i]);
      remove_item(kind, item);
    } else {
      patch_item(kind, base.array.elements[*in_base[i]].begin, item, new_default);
    }
  }
  const SourcePlace place = here(overlay.offset);
  if (base.present) {
    for (auto& pieces : added) editor.append(std::move(pieces));
    editor.emit(edits_, place);
  } else if (!added.empty()) {
    keys_.push_back(fmt::format("\"{}\": [", kListNames[k]));
    std::vector<Piece> member{Piece::own(keys_.back(), place)};
    for (std::size_t i = 0; i < added.size(); ++i) {
      if (i > 0) member.push_back(Piece::own(", ", place));
      member.insert(member.end(), added[i].begin(), added[i].end());
    }
    member.push_back(Piece::own("]", place));
    top_.append(std::move(member));
  }
}

// An id the graph does not have: a new item, which must be whole; a removal or a list edit of
// it is a mistake (a typo, or an item the graph has since dropped).
void OverlayStep::add_new(ItemKind kind, const OverlayItem& item,
                          std::vector<std::vector<Piece>>& added) {
  const std::size_t k = static_cast<std::size_t>(kind);
  for (const JsonElement& field : item.object.elements) {
    if (field.key == "remove" || is_list_edit(kind, field.key)) {
      report(Severity::error, field.begin,
             fmt::format("{} '{}': '{}' changes a {} of the graph it extends, but {}",
                         kItemNames[k], item.id, field.key, kItemNames[k], unknown(kind, item.id)));
      return;
    }
  }
  std::vector<std::string_view> missing;
  for (const std::string_view field : kRequiredFields[k]) {
    if (field.empty()) continue;
    const JsonElement* given = item.object.member(field);
    if (given == nullptr || given->type == JsonType::null) missing.push_back(field);
  }
  if (!missing.empty()) {
    report(Severity::error, item.id_offset,
           fmt::format("{} '{}' is new here ({}), so it needs '{}'", kItemNames[k], item.id,
                       unknown(kind, item.id), fmt::join(missing, "' and '")));
    return;
  }
  added.push_back({from_overlay(item.object.open, item.object.close + 1)});
}

void OverlayStep::remove_item(ItemKind kind, const OverlayItem& item) {
  for (const JsonElement& field : item.object.elements) {
    if (field.key == "id" || field.key == "remove") continue;
    report(Severity::error, field.begin,
           fmt::format("{} '{}' is removed, so it takes no other field ('{}')",
                       kItemNames[static_cast<std::size_t>(kind)], item.id, field.key));
  }
  removals_.push_back(Removal{kind, item.id, here(item.object.member("remove")->begin)});
}

// The graph's item at `base_begin` patched by the overlay's `item`; `strip_default` when another
// role becomes the default. An empty item only strips the default.
void OverlayStep::patch_item(ItemKind kind, std::size_t base_begin, const OverlayItem& item,
                             bool strip_default) {
  const JsonSequence base = scan_sequence(in_.base, base_begin, in_.limits);
  SequenceEditor editor(in_.base, base);
  for (const JsonElement& field : item.object.elements) {
    if (field.key == "id" || field.key == "remove" || is_list_edit(kind, field.key)) continue;
    patch_member(base, editor, field);
  }
  for (const std::string_view list : kEditableLists[static_cast<std::size_t>(kind)]) {
    if (!list.empty()) edit_list(kind, base, editor, item, list);
  }
  if (strip_default && item.object.member("default") == nullptr) {
    for (std::size_t i = 0; i < base.elements.size(); ++i) {
      if (base.elements[i].key == "default") editor.remove(i);
    }
  }
  editor.emit(edits_, here(item.object.open));
}

// One member as RFC 7396 merges it: null deletes, an object merges into an object, anything
// else replaces or is added.
void OverlayStep::patch_member(const JsonSequence& base, SequenceEditor& editor,
                               const JsonElement& field) {
  std::optional<std::size_t> old;
  for (std::size_t i = 0; i < base.elements.size(); ++i) {
    if (base.elements[i].key == field.key) old = i;
  }
  if (field.type == JsonType::null) {
    if (old) editor.remove(*old);
    return;
  }
  if (!old) {
    editor.append({from_overlay(field.begin, field.end)});
    return;
  }
  const JsonElement& was = base.elements[*old];
  if (field.type == JsonType::object && was.type == JsonType::object) {
    const JsonSequence inner = scan_sequence(in_.base, was.value, in_.limits);
    const JsonSequence patch = scan_sequence(in_.overlay, field.value, in_.limits);
    SequenceEditor inner_editor(in_.base, inner);
    for (const JsonElement& member : patch.elements) patch_member(inner, inner_editor, member);
    inner_editor.emit(edits_, here(field.value));
    return;
  }
  editor.replace_value(*old, {from_overlay(field.value, field.end)});
}

void OverlayStep::edit_list(ItemKind kind, const JsonSequence& base, SequenceEditor& editor,
                            const OverlayItem& item, std::string_view list) {
  const JsonElement* add = item.object.member(fmt::format("add_{}", list));
  const JsonElement* remove = item.object.member(fmt::format("remove_{}", list));
  if (add == nullptr && remove == nullptr) return;
  const std::string_view item_name = kItemNames[static_cast<std::size_t>(kind)];
  if (item.object.member(list) != nullptr) {
    report(Severity::error, (add != nullptr ? add : remove)->begin,
           fmt::format("{} '{}': '{}' replaces the list, so it cannot also be edited with "
                       "'{}'",
                       item_name, item.id, list, (add != nullptr ? add : remove)->key));
    return;
  }
  for (const JsonElement* edit : {add, remove}) {
    if (edit != nullptr && edit->type != JsonType::array) {
      report(Severity::error, edit->value,
             fmt::format("{} '{}': '{}' must be an array", item_name, item.id, edit->key));
      return;
    }
  }
  std::optional<std::size_t> old;
  for (std::size_t i = 0; i < base.elements.size(); ++i) {
    if (base.elements[i].key == list) old = i;
  }
  if (old && base.elements[*old].type == JsonType::array) {
    const JsonSequence array = scan_sequence(in_.base, base.elements[*old].value, in_.limits);
    edit_elements(add, remove, array, item, list, kind);
    return;
  }
  edit_elements(nullptr, remove, JsonSequence{}, item, list, kind);
  if (add == nullptr) return;
  std::vector<Piece> pieces = new_list(add, old ? std::string_view() : list);
  if (old) {
    editor.replace_value(*old, std::move(pieces));
  } else {
    editor.append(std::move(pieces));
  }
}

// A list written by the merge from the elements of `add`: `"KEY": [...]`, or just the array
// when `key` is empty.
std::vector<Piece> OverlayStep::new_list(const JsonElement* add, std::string_view key) {
  const SourcePlace place = here(add->begin);
  keys_.push_back(key.empty() ? std::string("[") : fmt::format("\"{}\": [", key));
  std::vector<Piece> pieces{Piece::own(keys_.back(), place)};
  const JsonSequence elements = scan_sequence(in_.overlay, add->value, in_.limits);
  for (std::size_t i = 0; i < elements.elements.size(); ++i) {
    if (i > 0) pieces.push_back(Piece::own(", ", place));
    pieces.push_back(from_overlay(elements.elements[i].begin, elements.elements[i].end));
  }
  pieces.push_back(Piece::own("]", place));
  return pieces;
}

// Elements named by `remove` taken out of the graph's `array`, those of `add` put at its end.
void OverlayStep::edit_elements(const JsonElement* add, const JsonElement* remove,
                                const JsonSequence& array, const OverlayItem& item,
                                std::string_view list, ItemKind kind) {
  const std::string_view item_name = kItemNames[static_cast<std::size_t>(kind)];
  SequenceEditor editor(in_.base, array);
  std::vector<std::string> present;
  for (const JsonElement& element : array.elements) {
    present.push_back(to_lower_ascii(element_id(in_.base, element, in_.limits).value_or("")));
  }
  if (remove != nullptr) {
    const JsonSequence names = scan_sequence(in_.overlay, remove->value, in_.limits);
    for (const JsonElement& name : names.elements) {
      if (name.type != JsonType::string) {
        report(Severity::error, name.begin,
               fmt::format("{} '{}': each of '{}' must be an id", item_name, item.id,
                           remove->key));
        continue;
      }
      const std::string id = string_at(in_.overlay, name.value, in_.limits);
      bool found = false;
      for (std::size_t i = 0; i < present.size(); ++i) {
        if (present[i] == to_lower_ascii(id)) {
          editor.remove(i);
          found = true;
        }
      }
      if (!found) {
        report(Severity::warning, name.begin,
               fmt::format("{} '{}': '{}' is not in its {}, so there is nothing to remove",
                           item_name, item.id, id, list));
      }
    }
  }
  if (add != nullptr) {
    const JsonSequence elements = scan_sequence(in_.overlay, add->value, in_.limits);
    for (const JsonElement& element : elements.elements) {
      editor.append({from_overlay(element.begin, element.end)});
    }
  }
  editor.emit(edits_, here(item.object.open));
}

}  // namespace

StepResult apply_overlay(const StepInput& input, std::vector<Diagnostic>& diagnostics) {
  return OverlayStep(input, diagnostics).run();
}

Splice patch_one_item(const StepInput& input, ItemKind kind, std::size_t begin, std::size_t end,
                      const OverlayItem& item, bool strip_default,
                      std::vector<Diagnostic>& diagnostics) {
  return OverlayStep(input, diagnostics).patch_alone(kind, begin, end, item, strip_default);
}

}  // namespace mlroadmap::detail
