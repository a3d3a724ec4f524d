#include "json_edits.hpp"

#include <algorithm>

namespace mlroadmap::detail {

namespace {

// A reader of the value at `offset`, whose errors are placed in the whole text.
template <typename Read>
auto read_at(std::string_view text, std::size_t offset, JsonLimits limits, Read read) {
  JsonReader json(text.substr(offset), limits);
  try {
    return read(json);
  } catch (JsonSyntaxError& e) {
    e.offset += offset;
    throw;
  }
}

}  // namespace

const JsonElement* JsonSequence::member(std::string_view key) const {
  for (const JsonElement& e : elements) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

JsonSequence scan_sequence(std::string_view text, std::size_t offset, JsonLimits limits) {
  return read_at(text, offset, limits, [offset](JsonReader& json) {
    JsonSequence sequence;
    sequence.open = offset + json.offset();
    std::string_view key;
    std::size_t key_offset = 0;
    if (json.peek() == JsonType::object) {
      json.begin_object();
      while (json.next_member(key, key_offset)) {
        JsonElement element{offset + key_offset, 0, offset + json.offset(), std::string(key),
                            json.peek()};
        json.skip_value();
        element.end = offset + json.offset();
        sequence.elements.push_back(std::move(element));
      }
    } else {
      json.begin_array();
      while (json.next_element()) {
        const JsonType type = json.peek();
        JsonElement element{offset + json.offset(), 0, offset + json.offset(), {}, type};
        json.skip_value();
        element.end = offset + json.offset();
        sequence.elements.push_back(std::move(element));
      }
    }
    sequence.close = offset + json.offset() - 1;
    return sequence;
  });
}

std::string string_at(std::string_view text, std::size_t offset, JsonLimits limits) {
  return read_at(text, offset, limits,
                 [](JsonReader& json) { return std::string(json.read_string()); });
}

std::optional<std::string> element_id(std::string_view text, const JsonElement& element,
                                      JsonLimits limits) {
  if (element.type == JsonType::string) return string_at(text, element.value, limits);
  if (element.type != JsonType::object) return std::nullopt;
  const JsonSequence object = scan_sequence(text, element.value, limits);
  const JsonElement* id = object.member("id");
  if (id == nullptr || id->type != JsonType::string) return std::nullopt;
  return string_at(text, id->value, limits);
}

Splice apply_edits(std::string_view text, const SourceMap& map, std::vector<Edit> edits) {
  return apply_edits(text, map, std::move(edits), 0, text.size());
}

Splice apply_edits(std::string_view text, const SourceMap& map, std::vector<Edit> edits,
                   std::size_t begin, std::size_t end) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  Splice out;
  out.reserve(end - begin + 4096);
  std::size_t at = begin;
  for (const Edit& edit : edits) {
    if (edit.begin < at) continue;  // overlaps one already made: never made by the merge
    out.copy(text, map, at, edit.begin);
    for (const Piece& piece : edit.pieces) {
      if (piece.map != nullptr) {
        out.copy(piece.text, *piece.map, piece.begin, piece.end);
      } else {
        out.glue(piece.text, piece.place);
      }
    }
    at = edit.end;
  }
  out.copy(text, map, at, end);
  return out;
}

bool SequenceEditor::emptied() const {
  return std::all_of(removed_.begin(), removed_.end(), [](bool r) { return r; });
}

// What comes before each element: the white space the first one has after the bracket when
// that is a new line and indentation, else a single space.
std::string_view SequenceEditor::separator() const {
  if (sequence_.elements.empty()) return " ";
  const std::string_view before = text_.substr(
      sequence_.open + 1, sequence_.elements.front().begin - sequence_.open - 1);
  return before.find('\n') != std::string_view::npos ? before : " ";
}

// Each run of removed elements goes with the separator that follows it, or, at the end, the
// one before it: what is left reads as if they had never been there.
void SequenceEditor::emit_removals(std::vector<Edit>& edits) const {
  const auto& elements = sequence_.elements;
  for (std::size_t i = 0; i < elements.size();) {
    if (!removed_[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < elements.size() && removed_[j + 1]) ++j;
    if (j + 1 < elements.size()) {
      edits.push_back(Edit{elements[i].begin, elements[j + 1].begin, {}});
    } else if (i > 0) {
      edits.push_back(Edit{elements[i - 1].end, elements[j].end, {}});
    } else {
      edits.push_back(Edit{elements[i].begin, elements[j].end, {}});
    }
    i = j + 1;
  }
}

void SequenceEditor::emit(std::vector<Edit>& edits, SourcePlace place) const {
  for (const Edit& edit : replaced_) edits.push_back(edit);
  emit_removals(edits);
  if (appended_.empty()) return;
  const auto& elements = sequence_.elements;
  const std::string_view separator = this->separator();
  Edit insert;
  insert.begin = insert.end = elements.empty() ? sequence_.open + 1 : elements.back().end;
  bool first = emptied();
  for (const auto& element : appended_) {
    if (!first) insert.pieces.push_back(Piece::own(",", place));
    if (!first || elements.empty()) {
      insert.pieces.push_back(Piece::own(elements.empty() ? "" : separator, place));
    }
    first = false;
    insert.pieces.insert(insert.pieces.end(), element.begin(), element.end());
  }
  edits.push_back(std::move(insert));
}

}  // namespace mlroadmap::detail
