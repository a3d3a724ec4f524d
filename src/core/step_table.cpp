#include "step_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text.hpp"

namespace mlroadmap::detail {

namespace {

// The narrowest the name and last columns get before a line is allowed past the width.
constexpr std::size_t kMinimumName = 16;
constexpr std::size_t kMinimumLast = 12;

// A word of a row's name cell, and whether it belongs to the name (bold) or what follows it.
struct Word {
  std::string_view text;
  bool bold;
};

void split_words(std::string_view text, bool bold, std::vector<Word>& words) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) words.push_back({text.substr(i, end - i), bold});
    i = end;
  }
}

// The byte length of the first `columns` characters of UTF-8 `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t columns) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    if (seen++ == columns) break;
  }
  return i;
}

// Words laid out in lines of at most `width` columns; a word wider than a line is cut.
std::vector<std::vector<Word>> wrap_words(const std::vector<Word>& words, std::size_t width) {
  std::vector<std::vector<Word>> lines(1);
  std::size_t column = 0;
  for (Word word : words) {
    std::size_t w = display_width(word.text);
    if (column > 0 && column + 1 + w > width) {
      lines.emplace_back();
      column = 0;
    }
    while (column == 0 && w > width && width > 0) {
      const std::size_t cut = prefix_bytes(word.text, width);
      lines.back().push_back({word.text.substr(0, cut), word.bold});
      lines.emplace_back();
      word.text.remove_prefix(cut);
      w = display_width(word.text);
    }
    column += (column > 0 ? 1 : 0) + w;
    lines.back().push_back(word);
  }
  return lines;
}

// A line of words, the name's words in bold, and its width.
std::pair<std::string, std::size_t> paint_line(const std::vector<Word>& line,
                                               const Painter& paint) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t k = 0; k < line.size();) {
    std::string run(line[k].text);
    const bool bold = line[k].bold;
    for (++k; k < line.size() && line[k].bold == bold; ++k) {
      run += ' ';
      run += line[k].text;
    }
    width += (out.empty() ? 0 : 1) + display_width(run);
    if (!out.empty()) out += ' ';
    out += bold ? paint.bold(run) : run;
  }
  return {out, width};
}

std::string cut_to(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string cut(text.substr(0, prefix_bytes(text, width - 1)));
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + "…";
}

std::size_t name_width(const TableRow& row) {
  return display_width(row.name) + display_width(row.extra);
}

// How wide the name column wants to be: wide enough for the names of nine rows in ten and any
// up to a quarter wider; a rare longer one (a list of alternatives) wraps instead of pushing
// every row's hours far from its name.
std::size_t fitting_width(std::vector<std::size_t> widths) {
  if (widths.empty()) return 0;
  std::sort(widths.begin(), widths.end());
  const std::size_t limit = widths[((widths.size() - 1) * 9 + 9) / 10] * 5 / 4;
  std::size_t fit = 0;
  for (const std::size_t w : widths) {
    if (w <= limit) fit = w;
  }
  return fit;
}

}  // namespace

StepTable::StepTable(const std::vector<TableRow>& rows, TableLayout layout)
    : unwrapped_(layout.unwrapped) {
  std::size_t largest = 0;
  std::vector<std::size_t> names;
  std::size_t widest = 0;
  std::size_t last_full = 0;
  for (const TableRow& row : rows) {
    largest = std::max(largest, row.number);
    names.push_back(name_width(row));
    widest = std::max(widest, names.back());
    last_full = std::max(last_full, display_width(row.last));
    if (cells_.size() < row.cells.size()) cells_.resize(row.cells.size(), 0);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      cells_[c] = std::max(cells_[c], display_width(row.cells[c]));
    }
  }
  number_ = fmt::formatted_size("{}", largest);
  indent_ = number_ + 4;
  std::size_t fixed = indent_ + (last_full > 0 ? 2 : 0);
  for (const std::size_t w : cells_) fixed += 2 + w;
  const std::size_t room = layout.width > fixed ? layout.width - fixed : 0;
  // Every name on one line when the width allows, else all but the rare long one.
  const std::size_t name_full =
      !unwrapped_ && widest + last_full <= room ? widest : fitting_width(std::move(names));
  if (unwrapped_ || name_full + last_full <= room) {
    name_ = name_full;
    last_ = last_full;
    return;
  }
  // Names come first: the last column keeps at most two fifths of the room.
  last_ = std::min(last_full, std::max(kMinimumLast, room * 2 / 5));
  name_ = std::max(kMinimumName, room > last_ ? room - last_ : 0);
  if (name_full < name_) {
    name_ = name_full;
    last_ = std::max(std::min(last_full, room - name_), std::min(last_full, kMinimumLast));
  }
}

std::string StepTable::render(const TableRow& row, const Painter& paint) const {
  std::vector<Word> words;
  split_words(row.name, true, words);
  split_words(row.extra, false, words);
  const auto lines = wrap_words(words, unwrapped_ ? std::string::npos : name_);
  std::string out;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    auto [text, width] = paint_line(lines[k], paint);
    std::string line = k == 0 ? fmt::format("  {:>{}}. ", row.number, number_)
                              : std::string(indent_, ' ');
    line += text;
    if (k == 0) {
      std::string rest;
      for (std::size_t c = 0; c < cells_.size(); ++c) {
        const std::string& cell = c < row.cells.size() ? row.cells[c] : std::string();
        rest += "  " + std::string(cells_[c] - display_width(cell), ' ') + cell;
      }
      if (!row.last.empty()) rest += "  " + (unwrapped_ ? row.last : cut_to(row.last, last_));
      while (!rest.empty() && rest.back() == ' ') rest.pop_back();
      if (!rest.empty()) line += std::string(name_ - std::min(name_, width), ' ') + paint.dim(rest);
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace mlroadmap::detail
