#pragma once
// Edits of a JSON text that keep everything they do not touch byte for byte: an array's
// elements or an object's members found by their ranges, removed, replaced or appended to,
// and the text made again from the original and the edits, with its source map.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"
#include "source_map.hpp"

namespace mlroadmap::detail {

/// One element of an array, or one member of an object, as written: [begin, end) is the whole
/// of it (for a member, from its key's quote to the end of its value).
struct JsonElement {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t value = 0;  ///< where the value starts (begin, in an array)
  std::string key;        ///< a member's key; empty in an array
  JsonType type = JsonType::null;
};

/// An array or object: where it opens and the elements it has.
struct JsonSequence {
  std::size_t open = 0;   ///< the '[' or '{'
  std::size_t close = 0;  ///< the ']' or '}'
  std::vector<JsonElement> elements;
  /// The member named `key`, or nullptr.
  const JsonElement* member(std::string_view key) const;
};

/// The array or object that starts at `offset` of `text`; throws JsonSyntaxError where it is
/// malformed.
JsonSequence scan_sequence(std::string_view text, std::size_t offset, JsonLimits limits);
/// The string at `offset` of `text`, decoded.
std::string string_at(std::string_view text, std::size_t offset, JsonLimits limits);
/// The id an element names: a string, or an object's "id" when it is a string; else nothing.
std::optional<std::string> element_id(std::string_view text, const JsonElement& element,
                                      JsonLimits limits);

/// What replaces a range of the original: `text`[begin, end) of another text, which `map`
/// maps, or (without a map) `text` itself, the merge's own, placed at `place`.
struct Piece {
  std::string_view text;
  const SourceMap* map = nullptr;
  std::size_t begin = 0, end = 0;
  SourcePlace place;
  static Piece own(std::string_view text, SourcePlace place) {
    return Piece{text, nullptr, 0, 0, place};
  }
  static Piece copied(std::string_view text, const SourceMap& map, std::size_t begin,
                      std::size_t end) {
    return Piece{text, &map, begin, end, {}};
  }
};

/// The original's range [begin, end) replaced by pieces (an insertion when begin == end).
struct Edit {
  std::size_t begin = 0, end = 0;
  std::vector<Piece> pieces;
};

/// The original with the edits made, and its map. Edits may come in any order but must not
/// overlap; insertions at one offset keep their order.
Splice apply_edits(std::string_view text, const SourceMap& map, std::vector<Edit> edits);
/// The same for the range [begin, end) of the original only, which holds every edit.
Splice apply_edits(std::string_view text, const SourceMap& map, std::vector<Edit> edits,
                   std::size_t begin, std::size_t end);

/// The edits to one array or object: elements removed, values replaced, elements appended.
class SequenceEditor {
 public:
  SequenceEditor(std::string_view text, const JsonSequence& sequence)
      : text_(text), sequence_(sequence), removed_(sequence.elements.size(), false) {}

  void remove(std::size_t index) { removed_[index] = true; }
  bool removed(std::size_t index) const { return removed_[index]; }
  void replace_value(std::size_t index, std::vector<Piece> pieces) {
    replaced_.push_back(Edit{sequence_.elements[index].value, sequence_.elements[index].end,
                             std::move(pieces)});
  }
  /// A whole element (or member, key and all) after the last.
  void append(std::vector<Piece> element) { appended_.push_back(std::move(element)); }
  /// True when every element that was there is removed.
  bool emptied() const;
  /// The edits, added to `edits`; `place` places the separators it writes.
  void emit(std::vector<Edit>& edits, SourcePlace place) const;

 private:
  void emit_removals(std::vector<Edit>& edits) const;
  std::string_view separator() const;

  std::string_view text_;
  const JsonSequence& sequence_;
  std::vector<bool> removed_;
  std::vector<Edit> replaced_;
  std::vector<std::vector<Piece>> appended_;
};

}  // namespace mlroadmap::detail
