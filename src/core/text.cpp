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

namespace {

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Where the next word starts (or the end of `text`), skipping blanks from `at`.
std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (at < text.size() && is_blank(text[at])) ++at;
  return at;
}

// Where the word starting at `at` ends.
std::size_t word_end(std::string_view text, std::size_t at) {
  while (at < text.size() && !is_blank(text[at])) ++at;
  return at;
}

}  // namespace

std::string wrap_text(std::string_view text, std::size_t width, std::size_t first_indent,
                      std::size_t indent) {
  std::string out;
  std::size_t column = first_indent;
  bool first_word = true;
  for (std::size_t i = skip_blanks(text, 0); i < text.size();) {
    const std::size_t end = word_end(text, i);
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    if (first_word) {
      first_word = false;
    } else if (column + 1 + w > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
    } else {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    i = skip_blanks(text, end);
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

namespace {

// How many bytes a UTF-8 sequence led by `lead` has; 0 for a byte that cannot lead one (a
// continuation byte, an overlong two-byte lead, or a lead past U+10FFFF).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC2 || lead > 0xF4) return 0;
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

// Some leads allow only part of the continuation range in the byte after them: below it E0
// and F0 would be overlong; above it ED would be a surrogate and F4 past U+10FFFF.
bool second_byte_fits(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0: return second >= 0xA0;
    case 0xED: return second < 0xA0;
    case 0xF0: return second >= 0x90;
    case 0xF4: return second < 0x90;
    default: return true;
  }
}

// The length of the well-formed UTF-8 sequence at text[i], a byte of 0x80 or more; 0 when it
// is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = sequence_length(lead);
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return second_byte_fits(lead, static_cast<unsigned char>(text[i + 1])) ? length : 0;
}

// U+0080..U+009F, the C1 controls: two bytes in UTF-8, C2 80 to C2 9F.
bool is_c1_control(std::string_view sequence) {
  return sequence.size() == 2 && static_cast<unsigned char>(sequence[0]) == 0xC2 &&
         static_cast<unsigned char>(sequence[1]) <= 0x9F;
}

// Appends the character that starts at text[i], a byte of 0x80 or more, as a terminal may
// see it, and returns the bytes it took. A well-formed UTF-8 sequence passes, except C1
// controls, which become a space; anything else becomes '?', so a terminal never sees a broken
// or control sequence.
std::size_t append_safe_sequence(std::string& out, std::string_view text, std::size_t i) {
  const std::size_t length = utf8_sequence_length(text, i);
  if (length == 0) {
    out += '?';
    return 1;
  }
  if (is_c1_control(text.substr(i, length))) {
    out += ' ';
  } else {
    out.append(text.data() + i, length);
  }
  return length;
}

}  // namespace

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      i += append_safe_sequence(out, text, i);
      continue;
    }
    out += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
    ++i;
  }
  return out;
}

}  // namespace mlroadmap
