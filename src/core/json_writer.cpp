#include "json_writer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace mlroadmap::detail {

namespace {

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
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) break;
    ++i;
  }
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (true) {
    const std::size_t end = plain_run_end(text, i);
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
  }
  out += '"';
}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  out_ += '\n';
  out_.append(has_items_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back() != 0) out_ += ',';
  has_items_.back() = 1;
  if (indent_ > 0) newline();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_items_.push_back(0);
}

void JsonWriter::end_object() {
  const bool had = has_items_.back() != 0;
  has_items_.pop_back();
  if (had && indent_ > 0) newline();
  out_ += '}';
  if (has_items_.empty() && indent_ > 0) out_ += '\n';
  if (flush_ && out_.size() >= threshold_) {
    flush_(out_);
    out_.clear();
  }
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_items_.push_back(0);
}

void JsonWriter::end_array() {
  const bool had = has_items_.back() != 0;
  has_items_.pop_back();
  if (had && indent_ > 0) newline();
  out_ += ']';
  if (has_items_.empty() && indent_ > 0) out_ += '\n';
}

void JsonWriter::key(std::string_view name) {
  before_value();
  out_ += '"';
  out_ += name;
  out_ += indent_ > 0 ? "\": " : "\":";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";
  } else if (number == std::floor(number) && std::fabs(number) < 1e15) {
    char digits[24];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, static_cast<std::int64_t>(number)).ptr;
    out_.append(digits, end);
  } else {
    fmt::format_to(std::back_inserter(out_), "{}", number);
  }
}

void JsonWriter::value(std::int64_t number) {
  before_value();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out_.append(digits, end);
}

void JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace mlroadmap::detail
