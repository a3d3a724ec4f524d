#pragma once
// Small text routines shared inside the core: ASCII case folding, hashing, layout.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ascii.hpp"
#include "mlroadmap/spelling.hpp"

namespace mlroadmap {

/// Whether two short texts are the same, compared in place: names of fields and categories are
/// a few bytes long, shorter than a call to memcmp.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

std::string to_lower_ascii(std::string_view text);
bool equals_ignoring_case(std::string_view a, std::string_view b);
std::uint64_t hash_ignoring_case(std::string_view text);

/// The number of values fingerprint_ignoring_case gives: 12 bits.
inline constexpr std::size_t kFingerprints = 4096;

/// A fingerprint of a name, the same whatever its case, from its length and its first and last
/// eight bytes: a few instructions, to tell most names apart from a handful before a closer
/// look. (Setting bit 5 of every byte folds letters' case, and a few other bytes together,
/// which only costs a closer look.)
inline std::size_t fingerprint_ignoring_case(std::string_view name) {
  std::uint64_t value = name.size();
  if (name.size() >= 8) {
    std::uint64_t first, last;
    std::memcpy(&first, name.data(), 8);
    std::memcpy(&last, name.data() + name.size() - 8, 8);
    value ^= (first | 0x2020202020202020u) * 0xFF51AFD7ED558CCDu ^ (last | 0x2020202020202020u);
  } else {
    for (const char c : name) value = value << 8 | (static_cast<unsigned char>(c) | 0x20u);
  }
  return static_cast<std::size_t>((value * 0x9E3779B97F4A7C15u) >> 52);
}

}  // namespace mlroadmap

namespace mlroadmap {

/// A number as people write it: "12", "12.5" (at most two decimals, no trailing zeros).
std::string format_number(double value);

/// Words of `text` laid out in lines of at most `width` columns; the first line starts after
/// `first_indent` columns already used, the others with `indent` spaces.
std::string wrap_text(std::string_view text, std::size_t width, std::size_t first_indent,
                      std::size_t indent);

/// How many terminal columns `text` takes (counting characters, not bytes).
std::size_t display_width(std::string_view text);

}  // namespace mlroadmap

namespace mlroadmap {

/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or bytes past U+10FFFF).
bool valid_utf8(std::string_view text);

/// `text` safe for a terminal: control characters (C0, DEL, C1), which could start escape
/// sequences, become spaces; line breaks and tabs too, so one field stays on one line.
std::string terminal_safe(std::string_view text);
/// The same, but tabs stay tabs (for a source line above a caret).
std::string terminal_safe_keeping_tabs(std::string_view text);

/// Whether the '&' at `ampersand` in `text` could start an HTML entity or character reference:
/// it is followed by a letter or '#'.
inline bool starts_reference(std::string_view text, std::size_t ampersand) {
  const char next = ampersand + 1 < text.size() ? text[ampersand + 1] : ' ';
  return next == '#' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}

}  // namespace mlroadmap
