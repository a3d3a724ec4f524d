// The skill comment on each task item of a Markdown roadmap, and reading checked items back.

#include <fmt/format.h>

#include "mlroadmap/progress.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

constexpr std::string_view kOpen = "<!-- skill: ";
constexpr std::string_view kClose = " -->";

// Bytes a comment's text cannot hold or that would make it ambiguous: controls, space, '%',
// '<', '>', and a '-' after another (an HTML comment cannot hold "--").
bool needs_encoding(std::string_view id, std::size_t i) {
  const auto u = static_cast<unsigned char>(id[i]);
  if (u <= 0x20 || u == 0x7F || u == '%' || u == '<' || u == '>') return true;
  return u == '-' && i > 0 && id[i - 1] == '-';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The id a comment's text encodes, or nullopt when it is not a valid encoding.
std::optional<std::string> decode_id(std::string_view text) {
  std::string id;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      id += text[i];
      continue;
    }
    const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) return std::nullopt;
    id += static_cast<char>(high * 16 + low);
    i += 2;
  }
  if (id.empty()) return std::nullopt;
  return id;
}

// Whether a line is a checked task item: optional indentation (up to a code block's), a
// bullet or an ordered list marker, a space, then [x] or [X].
bool is_checked_item(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size()) return false;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    ++i;
  } else {
    const std::size_t digits = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i == digits || i - digits > 9 || i >= line.size() || (line[i] != '.' && line[i] != ')')) {
      return false;
    }
    ++i;
  }
  std::size_t spaces = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i, ++spaces;
  if (spaces == 0) return false;
  const std::string_view box = line.substr(i, 3);
  return box == "[x]" || box == "[X]";
}

}  // namespace

std::string skill_comment(std::string_view id) {
  std::string out(kOpen);
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (needs_encoding(id, i)) {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(id[i]));
    } else {
      out += id[i];
    }
  }
  out += kClose;
  return out;
}

std::expected<CheckedItems, std::vector<Diagnostic>> checked_skills(std::string_view markdown,
                                                                    std::string_view file) {
  CheckedItems found;
  std::vector<Diagnostic> errors;
  std::size_t at = 0;
  std::uint32_t number = 0;
  while (at < markdown.size()) {
    ++number;
    std::size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(at, end - at);
    at = end + 1;
    if (!is_checked_item(line)) continue;
    const std::size_t open = line.find(kOpen);
    if (open == std::string_view::npos) {
      found.warnings.push_back({Severity::warning, std::string(file), number, 1,
                                "a checked item without a skill comment is not marked",
                                std::string(line)});
      continue;
    }
    const std::size_t from = open + kOpen.size();
    const std::size_t close = line.find(kClose, from);
    const auto id = close == std::string_view::npos
                        ? std::nullopt
                        : decode_id(line.substr(from, close - from));
    if (!id) {
      errors.push_back({Severity::error, std::string(file), number,
                        static_cast<std::uint32_t>(open + 1),
                        "a skill comment must be <!-- skill: ID --> with the ID percent-encoded",
                        std::string(line)});
      continue;
    }
    found.items.push_back({*id, number});
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return found;
}

}  // namespace mlroadmap
