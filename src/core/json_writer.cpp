#include "json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mlroadmap::detail {

namespace {

// The bytes JSON needs escaped here: quote, backslash, control characters and DEL.
constexpr auto kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped['"'] = escaped['\\'] = escaped[0x7F] = true;
  return escaped;
}();

// The first byte at or after `i` that JSON needs escaped here: a quote, a backslash, a control
// character or DEL. Sixteen bytes at a time with SSE2.
std::size_t plain_run_end(std::string_view text, std::size_t i) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i below_space = _mm_set1_epi8(0x20);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= text.size()) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Bytes 0x00-0x1F: signed less than 0x20 and not negative (0x80 and up are UTF-8).
    const __m128i control =
        _mm_andnot_si128(_mm_cmplt_epi8(chunk, zero), _mm_cmplt_epi8(chunk, below_space));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                     _mm_or_si128(_mm_cmpeq_epi8(chunk, del), control));
    const int mask = _mm_movemask_epi8(special);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < text.size() && !kEscaped[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  std::size_t end = plain_run_end(text, 0);
  out += '"';
  std::size_t i = 0;
  while (true) {
    out.append(text.data() + i, end - i);
    if (end >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[end]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
    i = end + 1;
    end = plain_run_end(text, i);
  }
  out += '"';
}

void JsonWriter::grow(std::size_t size) {
  // Into the capacity the caller reserved, if any; by doubling beyond it. The room is left as
  // it is, not zeroed: every byte of it is written before it counts as written (used_).
  out_.resize_and_overwrite(std::max({out_.capacity(), out_.size() * 2, used_ + size + 4096}),
                            [](char*, std::size_t n) { return n; });
  settled_ = false;
}

void JsonWriter::string(std::string_view text) {
  const std::size_t end = plain_run_end(text, 0);
  if (end == text.size()) {  // nothing to escape, as in nearly every id and name
    char* at = room(text.size() + 2);
    *at = '"';
    std::copy(text.begin(), text.end(), at + 1);  // memcpy would be handed null for ""
    at[text.size() + 1] = '"';
  } else {
    settle();
    append_json_string(out_, text);
    used_ = out_.size();
  }
  if (has_items_.empty()) settle();
}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  const std::size_t spaces = has_items_.size() * static_cast<std::size_t>(indent_);
  char* at = room(1 + spaces);
  *at = '\n';
  std::memset(at + 1, ' ', spaces);
}

void JsonWriter::end_object() {
  const bool had = has_items_.back() != 0;
  has_items_.pop_back();
  if (had && indent_ > 0) newline();
  put('}');
  if (has_items_.empty()) {
    if (indent_ > 0) put('\n');
    settle();
  }
  if (flush_ && used_ >= threshold_) {
    settle();
    flush_(out_);
    out_.clear();
    used_ = 0;
  }
}

void JsonWriter::end_array() {
  const bool had = has_items_.back() != 0;
  has_items_.pop_back();
  if (had && indent_ > 0) newline();
  put(']');
  if (has_items_.empty()) {
    if (indent_ > 0) put('\n');
    settle();
  }
}

void JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    put("null");
  } else if (number == std::floor(number) && std::fabs(number) < 1e15) {
    char* at = room(24);
    used_ -= 24 - static_cast<std::size_t>(
                      std::to_chars(at, at + 24, static_cast<std::int64_t>(number)).ptr - at);
  } else {
    settle();
    fmt::format_to(std::back_inserter(out_), "{}", number);
    used_ = out_.size();
  }
  if (has_items_.empty()) settle();
}

void JsonWriter::value(std::int64_t number) {
  before_value();
  char* at = room(24);
  used_ -= 24 - static_cast<std::size_t>(std::to_chars(at, at + 24, number).ptr - at);
  if (has_items_.empty()) settle();
}

void JsonWriter::number_text(std::string_view json_number) {
  before_value();
  put(json_number);
  if (has_items_.empty()) settle();
}

void JsonWriter::null() {
  before_value();
  put("null");
  if (has_items_.empty()) settle();
}

}  // namespace mlroadmap::detail
