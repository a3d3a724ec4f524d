#include "overlay_in_load.hpp"

#include <cstring>
#include <filesystem>

#include "graph_builder.hpp"
#include "graph_checks.hpp"
#include "graph_parser.hpp"
#include "graph_references.hpp"
#include "json_object.hpp"
#include "mapped_file.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/load_options.hpp"
#include "overlay_chain.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

// Offsets into the buffer are kept in 32 bits, as in any graph's text.
constexpr std::size_t kLargestBuffer = 0xFFFFFFFFu;

}  // namespace

std::size_t OverlayInLoad::room_needed(std::size_t base_size, std::string_view overlay,
                                       const OverlayShape& shape) {
  std::size_t items = 0;
  for (const OverlayList& list : shape.lists) items += list.items.size();
  // The overlay, then each patched item: at most its base text and its overlay text together,
  // with separators.
  return base_size + 4 * overlay.size() + 4096 * (items + 1);
}

OverlayInLoad::OverlayInLoad(SourceFile base, std::optional<MappedFile> mapped, SourceFile overlay,
                             OverlayShape shape, JsonLimits limits)
    : files_{std::move(base), std::move(overlay)}, shape_(std::move(shape)), limits_(limits) {
  base_map_ = SourceMap::identity(files_, 0);
  overlay_map_ = SourceMap::identity(files_, 1);
  base_size_ = files_[0].text.size();
  const std::size_t room = room_needed(base_size_, files_[1].text, shape_);
  if (mapped && mapped->text().data() == files_[0].text.data() && mapped->room_size() >= room) {
    // The base stays where it is mapped; the room after it takes the rest.
    data_ = const_cast<char*>(mapped->text().data());
    overlay_at_ = mapped->room_offset();
    capacity_ = overlay_at_ + mapped->room_size();
    mapped_.emplace(std::move(*mapped));
    if (capacity_ > kLargestBuffer) throw LayerDeclined{};
  } else {
    overlay_at_ = base_size_ + 1;
    capacity_ = overlay_at_ + room;
    if (capacity_ > kLargestBuffer) throw LayerDeclined{};  // before taking the memory
    buffer_ = std::make_unique_for_overwrite<char[]>(capacity_);
    data_ = buffer_.get();
    std::memcpy(data_, files_[0].text.data(), base_size_);
    data_[base_size_] = '\n';
  }
  std::memcpy(data_ + overlay_at_, files_[1].text.data(), files_[1].text.size());
  used_ = overlay_at_ + files_[1].text.size();
  for (const JsonElement& member : shape_.top.elements) {
    if (member.key == "version" || member.key == "title" || member.key == "description") {
      if (top_field(member.key)) throw LayerDeclined{};  // given twice
      top_fields_.emplace_back(member.key, overlay_at_ + member.value);
    } else if (member.key != "extends" && member.key != "schema_version" &&
               member.key != "categories" && member.key != "skills" && member.key != "roles") {
      throw LayerDeclined{};  // a field the graph format does not have: the load warns
    }
  }
  for (const ItemKind kind : {ItemKind::category, ItemKind::skill, ItemKind::role}) {
    check_items(kind);
  }
}

// The overlay's items of one kind by id; what would be a message sends the load to the merge.
void OverlayInLoad::check_items(ItemKind kind) {
  const std::size_t k = static_cast<std::size_t>(kind);
  const std::string_view overlay = files_[1].text;
  const auto& items = shape_.lists[k].items;
  for (std::uint32_t i = 0; i < items.size(); ++i) {
    const OverlayItem& item = items[i];
    if (!by_id_[k].emplace(to_lower_ascii(item.id), i).second) throw LayerDeclined{};
    named_.set(fingerprint_ignoring_case(item.id));
    if (kind == ItemKind::role && says_true(overlay, item, "default")) {
      if (new_default_) throw LayerDeclined{};  // two defaults
      new_default_ = true;
    }
    if (!says_true(overlay, item, "remove")) continue;
    if (item.object.elements.size() != 2) throw LayerDeclined{};  // a removal with fields
    removed_ids_[k].insert(to_lower_ascii(item.id));
    removed_.set(fingerprint_ignoring_case(item.id));
    removes_any_ = true;
  }
  touched_[k] = !items.empty() || (kind == ItemKind::role && new_default_);
}

ReadLayer::Action OverlayInLoad::action(ItemKind kind, std::string_view id) const {
  const std::size_t k = static_cast<std::size_t>(kind);
  const auto found = may_name(id) ? by_id_[k].find(to_lower_ascii(id)) : by_id_[k].end();
  if (found == by_id_[k].end()) {
    if (kind == ItemKind::role && new_default_) return {Action::replace, kNone};
    return {};
  }
  const bool drop = says_true(files_[1].text, shape_.lists[k].items[found->second], "remove");
  return {drop ? Action::drop : Action::replace, found->second};
}

ReadLayer::Placed OverlayInLoad::patch(ItemKind kind, std::uint32_t index, std::size_t begin,
                                       std::size_t end) {
  static const OverlayItem kNoPatch{};
  const OverlayItem& item =
      index == kNone ? kNoPatch : shape_.lists[static_cast<std::size_t>(kind)].items[index];
  const GraphShape no_shape;
  const StepInput input{base(),       base_map_, no_shape, files_[1].text,
                        overlay_map_, 1,         shape_,   limits_};
  std::vector<Diagnostic> diagnostics;
  const bool strip_default = kind == ItemKind::role && new_default_;
  const Splice patched = patch_one_item(input, kind, begin, end, item, strip_default, diagnostics);
  if (!diagnostics.empty()) throw LayerDeclined{};
  return write(patched.text());
}

ReadLayer::Placed OverlayInLoad::write(std::string_view patched) {
  const std::lock_guard lock(writing_);
  if (used_ + patched.size() + 1 > capacity_) throw LayerDeclined{};
  const std::size_t at = used_;
  std::memcpy(data_ + at, patched.data(), patched.size());
  data_[at + patched.size()] = '\n';
  used_ += patched.size() + 1;
  return {at, at + patched.size()};
}

ReadLayer::Placed OverlayInLoad::new_item(ItemKind kind, std::uint32_t index) const {
  const OverlayItem& item = shape_.lists[static_cast<std::size_t>(kind)].items[index];
  for (const JsonElement& field : item.object.elements) {
    if (field.key == "remove" || field.key.starts_with("add_") ||
        field.key.starts_with("remove_")) {
      throw LayerDeclined{};  // an edit of what the base does not have
    }
  }
  return {overlay_at_ + item.object.open, overlay_at_ + item.object.close + 1};
}

std::optional<std::size_t> OverlayInLoad::top_field(std::string_view key) const {
  for (const auto& [name, at] : top_fields_) {
    if (name == key) return at;
  }
  return std::nullopt;
}

bool OverlayInLoad::removed(ItemKind kind, std::string_view name) const {
  return removed_ids_[static_cast<std::size_t>(kind)].contains(to_lower_ascii(name));
}

std::optional<SkillGraph> load_overlay_in_one_read(std::string_view text,
                                                   std::string_view file_name,
                                                   const LoadOptions& limits, SourceFile builtin) {
  // Linting wants each dropped reference said, as the merge on text says it.
  if (limits.lint) return std::nullopt;
  const JsonLimits json{limits.max_depth, limits.max_string_bytes};
  try {
    GraphShape top = scan_graph(text, json);
    std::vector<ShapeProblem> problems;
    OverlayShape shape = read_overlay(text, std::move(top.top), json, problems);
    if (!problems.empty()) return std::nullopt;
    const std::string name = base_name(file_name, shape.extends, builtin.name);
    // A file is mapped, with room after it for the overlay and the patched items; else read
    // whole, and copied with them into one buffer.
    std::optional<MappedFile> mapped;
    std::string owned;
    std::string_view base = builtin.text;
    if (shape.extends != kExtendsBuiltin) {
      std::error_code error;
      const auto size = std::filesystem::file_size(name, error);
      auto map = MappedFile::map(name, limits.max_file_bytes,
                                 error ? 0 : OverlayInLoad::room_needed(size, text, shape));
      if (!map) return std::nullopt;
      if (*map) {
        mapped.emplace(std::move(**map));
        base = mapped->text();
      } else {
        auto read = read_input(name, limits.max_file_bytes);
        if (!read) return std::nullopt;
        owned = std::move(*read);
        base = owned;
      }
    }
    OverlayInLoad layer(SourceFile{name, base}, std::move(mapped),
                        SourceFile{std::string(file_name), text}, std::move(shape), json);
    Messages messages(layer.text(), file_name, limits.max_errors);
    GraphBuilder builder(layer.text(), false);
    JsonReader reader(layer.base(), json);
    GraphParser(reader, messages, builder, limits, nullptr, &layer).parse_document();
    if (messages.diagnostics().empty()) {
      register_names(builder, messages);
      resolve_references(builder, messages, nullptr);
      check_cycles(builder, messages);
    }
    if (!messages.diagnostics().empty()) return std::nullopt;
    return builder.finish();
  } catch (const LayerDeclined&) {
  } catch (const JsonSyntaxError&) {
  } catch (const ExtendsFound&) {
  } catch (const TooManyErrors&) {
  }
  return std::nullopt;
}

}  // namespace mlroadmap::detail
