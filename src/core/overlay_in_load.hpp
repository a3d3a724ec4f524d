#pragma once
// An overlay laid over its base while the loader reads the base, so the base is parsed once:
// each item of the base whose id the overlay names is dropped (a removal) or read from its
// patched text instead (made as the merge on text makes it, from that item alone), the
// overlay's new items are read after the base's, and references to removed items are left
// out as they are read. The graph is the one the merge on text gives; where the overlay asks
// for more than this does (a chain of overlays, a top-level field other than the title,
// version and description, an item whose id is not its first member, anything worth a
// message), LayerDeclined sends the load to the merge on text, which says what it has to say.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph_parser.hpp"
#include "mapped_file.hpp"
#include "overlay_apply.hpp"
#include "overlay_doc.hpp"

namespace mlroadmap::detail {

class OverlayInLoad final : public ReadLayer {
 public:
  /// The base's text and the overlay's (its shape read), each with its file, in one range of
  /// memory with room for the patched items: the base where it is mapped, when `mapped` holds
  /// it with room_needed() after it, else copied. Throws LayerDeclined for what it cannot do.
  OverlayInLoad(SourceFile base, std::optional<MappedFile> mapped, SourceFile overlay,
                OverlayShape shape, JsonLimits limits);
  /// The room an overlay needs after a base of `base_size` bytes.
  static std::size_t room_needed(std::size_t base_size, std::string_view overlay,
                                 const OverlayShape& shape);

  /// The base as the loader reads it: [0, base size) of the buffer.
  std::string_view base() const { return {data_, base_size_}; }
  std::string_view text() const override { return {data_, capacity_}; }
  bool touches(ItemKind kind) const override { return touched_[static_cast<std::size_t>(kind)]; }
  Action action(ItemKind kind, std::string_view id) const override;
  Placed patch(ItemKind kind, std::uint32_t item, std::size_t begin, std::size_t end) override;
  std::size_t item_count(ItemKind kind) const override {
    return shape_.lists[static_cast<std::size_t>(kind)].items.size();
  }
  /// Declines an item that is not whole: a removal or a list edit of what the base lacks.
  Placed new_item(ItemKind kind, std::uint32_t i) const override;
  bool removed(ItemKind kind, std::string_view name) const override;
  int schema_version() const override { return 2; }
  std::optional<std::size_t> top_field(std::string_view key) const override;

 private:
  void check_items(ItemKind kind);
  Placed write(std::string_view patched);

  std::vector<SourceFile> files_;
  std::size_t base_size_ = 0;
  std::size_t overlay_at_ = 0;  ///< where the overlay's text starts
  std::size_t capacity_ = 0;
  std::optional<MappedFile> mapped_;  ///< the base and the room after it, or
  std::unique_ptr<char[]> buffer_;    ///< the base copied, and the room
  char* data_ = nullptr;
  std::size_t used_ = 0;  ///< of the buffer: base, overlay, patched items so far
  std::mutex writing_;    ///< patched items are written by both halves of a split read
  OverlayShape shape_;
  JsonLimits limits_;
  SourceMap base_map_, overlay_map_;
  std::array<bool, 3> touched_{};
  bool new_default_ = false;
  std::vector<std::pair<std::string, std::size_t>> top_fields_;  ///< key, value in the buffer
  std::array<std::unordered_map<std::string, std::uint32_t>, 3> by_id_;  ///< lower case
  std::array<std::unordered_set<std::string>, 3> removed_ids_;              ///< lower case
};

/// The graph the overlay `text` (named `file_name`) makes of the graph it extends, its base
/// read once; `builtin` is the graph "builtin" names. Nothing when the merge on text must
/// make it: a base that extends another, a top-level patch, anything worth a message.
std::optional<SkillGraph> load_overlay_in_one_read(std::string_view text,
                                                   std::string_view file_name,
                                                   const LoadOptions& limits, SourceFile builtin);

}  // namespace mlroadmap::detail
