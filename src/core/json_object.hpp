#pragma once
// Reading JSON objects of a known shape, shared by the graph parser and the profile reader:
// the fields each kind of object may have, a loop over members that reports unknown and
// duplicate keys, values of the expected type, and messages about a text counted against a
// limit.

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_reader.hpp"
#include "mlroadmap/diagnostic.hpp"
#include "source_map.hpp"

namespace mlroadmap::detail {

/// Thrown once a text has had as many errors as its reader allows: the last message says so.
struct TooManyErrors {};

/// The messages about one text: each placed at a byte offset, counted against a limit.
class Messages {
 public:
  Messages(std::string_view text, std::string_view file,
           std::size_t max_errors = std::numeric_limits<std::size_t>::max())
      : text_(text), file_(file), max_errors_(max_errors) {}
  /// Messages about a text assembled from others (a merged graph): each is placed, through
  /// `map`, where its words were written.
  Messages(std::string_view text, const SourceMap& map, std::size_t max_errors)
      : text_(text), max_errors_(max_errors), map_(&map) {}

  /// Adds a message at `offset`; throws TooManyErrors when it is the error at the limit.
  void report(Severity severity, std::size_t offset, std::string message,
              ErrorCode code = ErrorCode::bad_value);
  void error(std::size_t offset, std::string message, ErrorCode code = ErrorCode::bad_value) {
    report(Severity::error, offset, std::move(message), code);
  }
  /// "line:column" of an offset, for a message that points at another place ("file:line:column"
  /// in an assembled text).
  std::string where(std::size_t offset) const;
  /// A diagnostic at `offset`, not counted.
  Diagnostic make(Severity severity, std::size_t offset, std::string message) const;

  std::string_view text() const { return text_; }
  std::string_view file() const { return file_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// The messages in file order, which is how people fix them; ones without a place last.
  std::vector<Diagnostic> take_sorted();

 private:
  std::string_view text_;
  std::string_view file_;
  std::size_t max_errors_;
  std::size_t error_count_ = 0;
  std::vector<Diagnostic> diagnostics_;
  const SourceMap* map_ = nullptr;
};

/// The fields one kind of object may have, and which of them one object has shown, as bits: a
/// key given twice and a required one missing are caught without keeping any text. The list is
/// known when compiling, so matching a key is a handful of compares of its length and bytes.
/// A field given as null counts as absent, but as given for duplicates.
template <const auto& kKnown>
class FieldSet {
 public:
  static_assert(kKnown.size() <= 32, "one bit a field");
  static constexpr std::span<const std::string_view> known() { return kKnown; }
  /// The index of `key` among the known fields, or -1.
  [[gnu::always_inline]] static int find(std::string_view key) {
    return find_among(key, std::make_index_sequence<kKnown.size()>{});
  }
  /// Marks a field seen; false when it already was.
  bool add(int field) {
    const std::uint32_t bit = 1u << field;
    if ((seen_ & bit) != 0) return false;
    seen_ |= bit;
    return true;
  }
  /// Marks a field, already added, as given null at `offset`: absent, but for duplicates.
  void add_null(int field, std::size_t offset) {
    nulls_ |= 1u << field;
    null_offsets_[static_cast<std::size_t>(field)] = offset;
  }
  /// Whether the object has `field`, given and not null.
  bool has(std::string_view field) const {
    const int i = find(field);
    return i >= 0 && (((seen_ & ~nulls_) >> i) & 1u) != 0;
  }
  /// Where `field` was given as null, if it was.
  std::optional<std::size_t> null_at(std::string_view field) const {
    const int i = find(field);
    if (i < 0 || ((nulls_ >> i) & 1u) == 0) return std::nullopt;
    return null_offsets_[static_cast<std::size_t>(i)];
  }

 private:
  // Unrolled, so each comparison is of a known length: a few word compares, no call.
  template <std::size_t... kI>
  [[gnu::always_inline]] static int find_among(std::string_view key,
                                               std::index_sequence<kI...>) {
    int found = -1;
    (void)((key.size() == kKnown[kI].size() &&
            std::memcmp(key.data(), kKnown[kI].data(), kKnown[kI].size()) == 0 &&
            (found = static_cast<int>(kI), true)) ||
           ...);
    return found;
  }

  std::uint32_t seen_ = 0;
  std::uint32_t nulls_ = 0;
  std::array<std::size_t, kKnown.size()> null_offsets_;  // read only where nulls_ has the bit
};

/// A field's index in its list, known at compile time: the cases of a switch over what
/// accept_field returns.
template <std::size_t N>
consteval int field_index(const std::array<std::string_view, N>& known, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (known[i] == name) return static_cast<int>(i);
  }
  throw "not a field of this kind of object";
}

/// Who a message is about: "graph", "skill 'x'", "skill #3", "skill 'x': resource #2". The
/// text is made only when a message needs it, which for most objects is never.
class Owner {
 public:
  Owner(std::string_view text) : kind_(text) {}    // NOLINT: plain names convert
  Owner(const std::string& text) : kind_(text) {}  // NOLINT
  Owner(const char* text) : kind_(text) {}         // NOLINT
  /// "kind 'id'", or "kind #ordinal" while the id is not known.
  static Owner named(std::string_view kind, std::string_view id, std::size_t ordinal) {
    Owner owner(kind);
    owner.id_ = id;
    owner.ordinal_ = ordinal;
    owner.named_ = true;
    return owner;
  }
  /// A part of another owner: "skill 'x': resource #2".
  Owner(const Owner& whole, std::string_view part, std::size_t part_ordinal = 0) : Owner(whole) {
    part_ = part;
    part_ordinal_ = part_ordinal;
  }
  std::string text() const;

 private:
  std::string_view kind_;
  std::string_view id_;
  std::size_t ordinal_ = 0;
  bool named_ = false;
  std::string_view part_;
  std::size_t part_ordinal_ = 0;
};

/// A JSON reader over a text with its messages: objects' members checked against their fields,
/// values checked against the type expected, a wrong one reported and skipped.
class ObjectReader {
 public:
  /// `unknown_field` is how serious an unknown key is (graphs warn; a profile refuses).
  ObjectReader(JsonReader& json, Messages& messages, Severity unknown_field = Severity::warning)
      : json_(json), messages_(messages), unknown_field_(unknown_field) {}

  JsonReader& json() { return json_; }
  Messages& messages() { return messages_; }
  void error(std::size_t offset, std::string message, ErrorCode code = ErrorCode::bad_value) {
    messages_.error(offset, std::move(message), code);
  }

  /// Checks a key against the fields an object may have; reports an unknown one and
  /// duplicates. Returns the field's index among fields.known(), or kSkipField when the value
  /// should be skipped: after those, and for null, which means the field is absent.
  static constexpr int kSkipField = -1;
  template <typename Fields>
  int accept_field(Fields& fields, std::string_view key, std::size_t key_offset,
                   const Owner& owner) {
    const int field = fields.find(key);
    if (field < 0) [[unlikely]] {
      unknown_field(fields.known(), key, key_offset, owner);
      return kSkipField;
    }
    if (!fields.add(field)) [[unlikely]] {
      duplicate_key(key, key_offset, owner);
      return kSkipField;
    }
    if (json_.peek() == JsonType::null) [[unlikely]] {
      fields.add_null(field, json_.offset());
      return kSkipField;
    }
    return field;
  }

  /// Reports a value of the wrong type and skips it; true when the type is right.
  bool expect(JsonType wanted, const Owner& owner, std::string_view field) {
    const JsonType found = json_.peek();
    if (found == wanted) [[likely]]
      return true;
    wrong_type(wanted, found, owner, field);
    return false;
  }

  /// A string value, or empty after reporting a value of another type. The view may point
  /// into the reader's scratch space: keep it before the next read.
  std::string_view read_string(const Owner& owner, std::string_view field) {
    if (!expect(JsonType::string, owner, field)) return {};
    return json_.read_string();
  }
  /// A string that means nothing when empty (a name, a URL): an empty one is an error.
  std::string_view read_required_string(const Owner& owner, std::string_view field) {
    const std::size_t offset = json_.offset();
    const bool is_text = json_.peek() == JsonType::string;
    const std::string_view text = read_string(owner, field);
    if (is_text && text.empty()) [[unlikely]]
      empty_text(field, offset, owner);
    return text;
  }
  std::optional<double> read_number(const Owner& owner, std::string_view field);
  std::optional<std::int64_t> read_integer(const Owner& owner, std::string_view field);
  /// Reports each of `required` the object at `offset` did not have: at the object when left
  /// out, at the null when given as null.
  template <typename Fields>
  void require(const Fields& fields, std::initializer_list<std::string_view> required,
               std::size_t offset, const Owner& owner) {
    for (const std::string_view field : required) {
      if (fields.has(field)) continue;
      const std::optional<std::size_t> null = fields.null_at(field);
      missing_field(field, null.value_or(offset), owner, null.has_value());
    }
  }
  /// Reports that the document is not an object, after any syntax error in it; false then.
  bool begin_document(std::string_view what);

 private:
  [[gnu::noinline]] void unknown_field(std::span<const std::string_view> known,
                                       std::string_view key, std::size_t offset,
                                       const Owner& owner);
  [[gnu::noinline]] void duplicate_key(std::string_view key, std::size_t offset,
                                       const Owner& owner);
  [[gnu::noinline]] void wrong_type(JsonType wanted, JsonType found, const Owner& owner,
                                    std::string_view field);
  void missing_field(std::string_view field, std::size_t offset, const Owner& owner, bool null);
  [[gnu::noinline]] void empty_text(std::string_view field, std::size_t offset, const Owner& owner);

  JsonReader& json_;
  Messages& messages_;
  Severity unknown_field_;
};

}  // namespace mlroadmap::detail

template <>
struct fmt::formatter<mlroadmap::detail::Owner> : fmt::formatter<std::string_view> {
  auto format(const mlroadmap::detail::Owner& owner, fmt::format_context& context) const {
    return fmt::formatter<std::string_view>::format(owner.text(), context);
  }
};
