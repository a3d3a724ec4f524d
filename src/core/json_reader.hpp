#pragma once
// A strict, fast pull reader for JSON (RFC 8259) that knows the byte offset of every value,
// so the loader can point at the line and column of any problem. It reads in place: strings
// without escapes are views into the input.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mlroadmap::detail {

enum class JsonType { object, array, string, number, boolean, null };

#ifdef __SSE2__
/// Bit k set when byte k of the sixteen at `at` is a quote, a backslash, a control character
/// or not ASCII: what ends the plain part of a JSON string.
inline int special_bytes(const char* at) {
  const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Signed compare: bytes >= 0x80 are negative, so "less than 0x20" also catches them.
  const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))),
                                       _mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20)));
  return _mm_movemask_epi8(special);
}
#endif

/// The first byte at or after `i` that is a quote, a backslash, a control character or not
/// ASCII, or text.size(): sixteen bytes at a time where SSE2 is there (every x86-64
/// processor), one at a time otherwise and near the end.
inline std::size_t find_special_byte(std::string_view text, std::size_t i) {
#ifdef __SSE2__
  for (; i + 16 <= text.size(); i += 16) {
    const int mask = special_bytes(text.data() + i);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
  }
  return i;
}

/// The first byte at or after `i` that is a quote or a bracket, or text.size().
inline std::size_t find_structural_byte(std::string_view text, std::size_t i) {
#ifdef __SSE2__
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // '[' and '{' differ in one bit, as do ']' and '}'.
    const __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));
    const __m128i found = _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                       _mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{')),
                                                    _mm_cmpeq_epi8(folded, _mm_set1_epi8('}'))));
    const int mask = _mm_movemask_epi8(found);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '[' || c == ']' || c == '{' || c == '}') break;
  }
  return i;
}

std::string_view to_string(JsonType type);

/// Thrown for malformed JSON; the loader turns it into a Diagnostic at `offset`.
struct JsonSyntaxError {
  std::size_t offset;
  std::string message;
};

struct JsonLimits {
  std::size_t max_depth = 64;
  std::size_t max_string_bytes = 64 * 1024;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text, JsonLimits limits = {});
  /// A reader of one stretch of a large array: it starts at `offset`, where an element of the
  /// array begins, as if inside `depth` open containers (the array innermost) and before the
  /// array's first element. It reads on up to the array's end; the containers around it are
  /// left to the reader of the whole document.
  JsonReader(std::string_view text, JsonLimits limits, std::size_t offset, std::size_t depth);

  /// The type of the next value, after skipping whitespace; its offset is offset().
  JsonType peek() {
    skip_whitespace();
    if (pos_ < text_.size()) {
      const std::int8_t type = kValueStart[static_cast<unsigned char>(text_[pos_])];
      if (type >= 0) return static_cast<JsonType>(type);
    }
    return peek_slowly();
  }
  std::size_t offset() const { return pos_; }
  std::string_view text() const { return text_; }

  void begin_object();
  /// Moves to the next member of the current object; false (and leaves it) at its end.
  bool next_member(std::string_view& key, std::size_t& key_offset);
  void begin_array();
  /// Moves to the next element of the current array; false (and leaves it) at its end.
  bool next_element();

  /// The decoded string; valid until the next call that reads a string.
  std::string_view read_string() {
    skip_whitespace();
#ifdef __SSE2__
    // Most strings are short, plain and far from the end of the text: they are found here,
    // sixteen bytes at a time, without a call. Anything else is read_string_slowly's.
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t start = pos_ + 1;
      for (std::size_t i = start; i + 16 <= text_.size() && i - start <= limits_.max_string_bytes;
           i += 16) {
        const int mask = special_bytes(text_.data() + i);
        if (mask == 0) continue;
        i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        if (text_[i] != '"' || i - start > limits_.max_string_bytes) break;
        pos_ = i + 1;
        return {text_.data() + start, i - start};
      }
    }
#endif
    return read_string_slowly();
  }
  /// The number's text as written (validated against the JSON grammar).
  std::string_view read_number();
  bool read_bool();
  void read_null();
  void skip_value();
  /// What skim_value asks of each string it reads.
  using StringTest = std::function<bool(std::string_view)>;
  /// Skips the next value as skip_value does, several times faster: its strings are read as
  /// strictly, but what lies between them (numbers, literals, commas, colons) is only passed
  /// over, and brackets are only matched. For a text that is read strictly later, or was read
  /// strictly before. True when `wanted` (if given) held for one of its strings, as decoded.
  bool skim_value(const StringTest* wanted = nullptr);
  /// Goes on at `offset`, just past the end of the innermost open container, which another
  /// reader read from here on.
  void resume_after_container(std::size_t offset);
  /// Checks that nothing but whitespace follows the document.
  void finish();

 private:
  [[noreturn]] void fail(std::size_t offset, std::string message) const;
  // Most values follow their separator directly: the first byte is checked inline.
  void skip_whitespace() {
    if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) > ' ') return;
    skip_whitespace_run();
  }
  void skip_whitespace_run();
  void expect_literal(std::string_view literal);
  /// Past the digits at `i`, of which there must be one at least (of the number at `number_start`).
  std::size_t past_digits(std::size_t i, std::size_t number_start);
  void enter();
  std::string_view decode_escaped(std::size_t start, std::size_t first_escape);
  std::size_t check_utf8(std::size_t at) const;
  std::string_view read_string_slowly();
  JsonType peek_slowly();
  /// Per byte: the type of the value it starts, or -1 when it cannot start one.
  static constexpr std::array<std::int8_t, 256> kValueStart = [] {
    std::array<std::int8_t, 256> types{};
    types.fill(-1);
    types['{'] = static_cast<std::int8_t>(JsonType::object);
    types['['] = static_cast<std::int8_t>(JsonType::array);
    types['"'] = static_cast<std::int8_t>(JsonType::string);
    types['t'] = types['f'] = static_cast<std::int8_t>(JsonType::boolean);
    types['n'] = static_cast<std::int8_t>(JsonType::null);
    types['-'] = static_cast<std::int8_t>(JsonType::number);
    for (int c = '0'; c <= '9'; ++c) types[c] = static_cast<std::int8_t>(JsonType::number);
    return types;
  }();

  std::string_view text_;
  std::size_t pos_ = 0;
  JsonLimits limits_;
  std::size_t depth_ = 0;  ///< open containers
  /// No member or element of the innermost open container read yet. The containers around it
  /// need no flag of their own: each has read at least the member this one is.
  bool first_ = false;
  std::string scratch_;
};

}  // namespace mlroadmap::detail
