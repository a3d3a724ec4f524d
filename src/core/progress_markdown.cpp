// The skill comment on each task item of a Markdown roadmap, and reading checked items back.

#include <fmt/format.h>

#include <algorithm>

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
  if (box != "[x]" && box != "[X]") return false;
  // A task item's box is followed by a space, or ends the line.
  return i + 3 == line.size() || line[i + 3] == ' ' || line[i + 3] == '\t';
}

// The fence a line opens or closes (three or more backticks or tildes after up to three spaces),
// or empty: task items inside a fenced code block are examples, not marks.
std::string_view fence_of(std::string_view line) {
  const std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return {};
  const char mark = line[indent];
  if (mark != '`' && mark != '~') return {};
  const std::size_t end = std::min(line.find_first_not_of(mark, indent), line.size());
  return end - indent >= 3 ? line.substr(indent, end - indent) : std::string_view{};
}

// Whether `line` closes the code block `fence` opened: the same mark, as many or more, and
// nothing after them.
bool closes(std::string_view fence, std::string_view line) {
  const std::string_view other = fence_of(line);
  if (other.empty() || other[0] != fence[0] || other.size() < fence.size()) return false;
  const auto after = static_cast<std::size_t>(other.data() - line.data()) + other.size();
  return line.find_first_not_of(" \t", after) == std::string_view::npos;
}

// Where a comment that looks meant to be a skill comment starts ("<!--", spaces, "skill"),
// though it is not written as this program writes one; npos when there is none.
std::size_t near_skill_comment(std::string_view line) {
  for (std::size_t open = line.find("<!--"); open != std::string_view::npos;
       open = line.find("<!--", open + 1)) {
    const std::size_t word = line.find_first_not_of(" \t", open + 4);
    if (word != std::string_view::npos && line.substr(word).starts_with("skill")) return open;
  }
  return std::string_view::npos;
}

// Reads the skill comment of one checked item, numbered `number`, into `found` or `errors`.
void read_item(std::string_view line, std::uint32_t number, std::string_view file,
               CheckedItems& found, std::vector<Diagnostic>& errors) {
  const auto problem = [&](Severity severity, std::size_t column, std::string message) {
    Diagnostic d{severity,           std::string(file), number, static_cast<std::uint32_t>(column),
                 std::move(message), std::string(line)};
    (severity == Severity::error ? errors : found.warnings).push_back(std::move(d));
  };
  std::size_t open = line.find(kOpen);
  if (open == std::string_view::npos) open = near_skill_comment(line);
  if (open == std::string_view::npos) {
    problem(Severity::warning, 1, "a checked item without a skill comment is not marked");
    return;
  }
  const std::size_t from = open + kOpen.size();
  const bool exact = line.substr(open).starts_with(kOpen);
  const std::size_t close = exact ? line.find(kClose, from) : std::string_view::npos;
  const auto id =
      close == std::string_view::npos ? std::nullopt : decode_id(line.substr(from, close - from));
  if (!id) {
    problem(Severity::error, open + 1,
            "a skill comment must be <!-- skill: ID --> with the ID percent-encoded");
    return;
  }
  found.items.push_back({*id, number});
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
  if (markdown.starts_with("\xEF\xBB\xBF")) markdown.remove_prefix(3);
  CheckedItems found;
  std::vector<Diagnostic> errors;
  std::string_view fence;  // the fence of the code block the line is in, if any
  std::uint32_t number = 0;
  for (std::size_t at = 0; at < markdown.size();) {
    ++number;
    const std::size_t end = std::min(markdown.find('\n', at), markdown.size());
    std::string_view line = markdown.substr(at, end - at);
    at = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!fence.empty()) {
      if (closes(fence, line)) fence = {};
      continue;
    }
    fence = fence_of(line);
    if (fence.empty() && is_checked_item(line)) read_item(line, number, file, found, errors);
  }
  if (errors.empty()) return found;
  // The warnings too, in line order, so that nothing read goes unsaid.
  errors.insert(errors.end(), found.warnings.begin(), found.warnings.end());
  std::stable_sort(errors.begin(), errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  return std::unexpected(std::move(errors));
}

}  // namespace mlroadmap
