#include "text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace mlroadmap {

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

namespace {

// Lowers the ASCII capitals among eight bytes at once.
std::uint64_t lower8(std::uint64_t x) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t heptets = x & (0x7F * ones);
  const std::uint64_t above_z = heptets + (0x7F - 'Z') * ones;
  const std::uint64_t from_a = heptets + (0x80 - 'A') * ones;
  const std::uint64_t upper = ~x & (from_a ^ above_z) & (0x80 * ones);
  return x | (upper >> 2);
}

std::uint64_t mix(std::uint64_t h, std::uint64_t x) {
  h ^= x * 0x9E3779B97F4A7C15ull;
  h = (h << 27) | (h >> 37);
  return h * 0xFF51AFD7ED558CCDull + 0x2545F4914F6CDD1Dull;
}

}  // namespace

// A function of the length and the lowered bytes only, so texts equal but for case hash alike.
// The last word is read ending at the last byte, overlapping the one before: no byte-by-byte
// tail; texts shorter than a word are read in two overlapping halves the same way.
std::uint64_t hash_ignoring_case(std::string_view text) {
  const char* const p = text.data();
  const std::size_t n = text.size();
  const auto load = [](const char* at, auto word) {
    std::memcpy(&word, at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  std::uint64_t h = n;
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) h = mix(h, lower8(load(p + i, std::uint64_t{})));
    h = mix(h, lower8(load(p + n - 8, std::uint64_t{})));
  } else if (n >= 4) {
    h = mix(h, lower8(load(p, std::uint32_t{}) | load(p + n - 4, std::uint32_t{}) << 32));
  } else if (n > 0) {
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    h = mix(h, lower8(byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16));
  }
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

}  // namespace mlroadmap

namespace mlroadmap {

std::string format_number(double value) {
  std::string out = fmt::format("{:.2f}", value);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string wrap_text(std::string_view text, std::size_t width, std::size_t first_indent,
                      std::size_t indent) {
  std::string out;
  std::size_t column = first_indent;
  bool line_empty = true;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    if (!line_empty && column + 1 + w > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    line_empty = false;
    i = end;
  }
  return out;
}

}  // namespace mlroadmap

namespace mlroadmap {

std::string terminal_safe_keeping_tabs(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t tab = text.find('\t'); tab != std::string_view::npos;
       tab = text.find('\t', start)) {
    out += terminal_safe(text.substr(start, tab - start)) + '\t';
    start = tab + 1;
  }
  return out + terminal_safe(text.substr(start));
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence passes, except C1 controls (U+0080..U+009F); anything else
    // becomes '?', so a terminal never sees a broken or control sequence.
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    bool valid = length > 0 && c <= 0xF4 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (valid && length == 3) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      valid = !(c == 0xE0 && next < 0xA0) && !(c == 0xED && next >= 0xA0);
    }
    if (valid && length == 4) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      valid = !(c == 0xF0 && next < 0x90) && !(c == 0xF4 && next >= 0x90);
    }
    if (!valid) {
      out += '?';
      ++i;
    } else if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += ' ';
      i += 2;
    } else {
      out.append(text.data() + i, length);
      i += length;
    }
  }
  return out;
}

}  // namespace mlroadmap
