#include "mlroadmap/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "csv_cells.hpp"
#include "mlroadmap/spelling.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

constexpr std::string_view kFieldNames[] = {"id",    "have",           "goals", "prefer",
                                            "exact", "hours_per_week", "start"};

}  // namespace

std::string_view without_bom(std::string_view text) {
  using detail::kByteOrderMark;
  return text.starts_with(kByteOrderMark) ? text.substr(kByteOrderMark.size()) : text;
}

char csv_delimiter(std::string_view header) {
  bool quoted = false;
  bool semicolon = false;
  for (const char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\t') return '\t';
    semicolon = semicolon || c == ';';
  }
  return semicolon ? ';' : ',';
}

bool CsvRecordEnd::take(std::string_view line) {
  // A quote opens a quoted cell only at the start of a cell (after spaces); inside one, a
  // doubled quote is a quote and a single one closes it.
  bool cell_start = !in_quotes_;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes_) {
      if (c != '"') continue;
      if (i + 1 < line.size() && line[i + 1] == '"') {
        ++i;
      } else {
        in_quotes_ = false;
      }
    } else if (c == delimiter_) {
      cell_start = true;
    } else if (c == '"' && cell_start) {
      in_quotes_ = true;
      cell_start = false;
    } else if (c != ' ') {
      cell_start = false;
    }
  }
  return !in_quotes_;
}

bool CsvRecordReader::take(std::string_view line, std::size_t number) {
  if (!open_) {
    if (blank_csv_line(line, delimiter_)) return false;
    record_.assign(line);
    first_line_ = number;
    end_ = CsvRecordEnd(delimiter_);
  } else {
    record_ += '\n';
    record_ += line;
  }
  open_ = !end_.take(line) && record_.size() <= max_bytes_;
  return !open_;
}

bool CsvRecordReader::finish() {
  const bool was_open = open_;
  open_ = false;
  return was_open;
}

std::expected<std::vector<std::string>, std::string> split_csv_record(std::string_view record,
                                                                      char delimiter) {
  std::vector<std::string> cells(1);
  bool in_quotes = false;
  bool cell_start = true;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    std::string& cell = cells.back();
    if (in_quotes) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < record.size() && record[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        in_quotes = false;
      }
    } else if (c == delimiter) {
      cells.emplace_back();
      cell_start = true;
    } else if (c == '"' && cell_start) {
      cell.clear();  // spaces before the opening quote are not part of the cell
      in_quotes = true;
      cell_start = false;
    } else {
      cell += c;
      if (c != ' ') cell_start = false;
    }
  }
  if (in_quotes) return std::unexpected(std::string("a quoted cell is not closed"));
  return cells;
}

std::vector<std::string> split_list_cell(std::string_view cell) {
  const char separator = cell.find(';') != std::string_view::npos ? ';' : ',';
  // A spreadsheet cell may also hold one item a line.
  const char separators[] = {separator, '\n', '\r', '\0'};
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find_first_of(separators, start);
    if (end == std::string_view::npos) end = cell.size();
    const std::string_view item = detail::trim_cell(cell.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

std::vector<std::string_view> csv_profile_fields() {
  return {std::begin(kFieldNames), std::end(kFieldNames)};
}

bool blank_csv_line(std::string_view line, char delimiter) {
  return std::all_of(line.begin(), line.end(),
                     [delimiter](char c) { return c == delimiter || c == ' ' || c == '\t'; });
}

std::expected<CsvProfileColumns, Diagnostic> read_csv_profile_header(std::string_view header,
                                                                     std::string_view file) {
  header = without_bom(header);
  const auto problem = [&](std::string message, ErrorCode code = ErrorCode::unknown_field) {
    return std::unexpected(
        Diagnostic{Severity::error, std::string(file), 1, 1, std::move(message), {}, code});
  };
  CsvProfileColumns columns;
  columns.delimiter = csv_delimiter(header);
  const auto cells = split_csv_record(header, columns.delimiter);
  if (!cells) return problem(fmt::format("header: {}", cells.error()), ErrorCode::malformed_csv);
  const std::vector<std::string_view> known = csv_profile_fields();
  for (const std::string& cell : *cells) {
    const std::string name = to_lower_ascii(detail::trim_cell(cell));
    if (name.empty()) {
      columns.fields.push_back(-1);
      continue;
    }
    const auto at = std::find(known.begin(), known.end(), name);
    if (at == known.end()) {
      return problem(fmt::format(
          "unknown column '{}'{}; a profile's columns are id, have, "
          "goals, prefer, exact, hours_per_week and start",
          terminal_safe(detail::trim_cell(cell)), did_you_mean(closest_matches(name, known))));
    }
    const int field = static_cast<int>(at - known.begin());
    if (std::find(columns.fields.begin(), columns.fields.end(), field) != columns.fields.end()) {
      return problem(fmt::format("column '{}' is given twice", known[field]),
                     ErrorCode::duplicate_field);
    }
    columns.fields.push_back(field);
  }
  if (std::all_of(columns.fields.begin(), columns.fields.end(), [](int f) { return f < 0; })) {
    return problem(
        "the header names no column; a profile's columns are id, have, goals, prefer, "
        "exact, hours_per_week and start",
        ErrorCode::malformed_csv);
  }
  return columns;
}

}  // namespace mlroadmap
