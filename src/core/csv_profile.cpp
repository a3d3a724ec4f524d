// One CSV row as a profile, and CSV cells written for spreadsheets.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "csv_cells.hpp"
#include "mlroadmap/csv.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

using detail::CsvField;

// A row's problems, each on the line where the row starts.
class RowReader {
 public:
  RowReader(std::string_view file, std::size_t line) : file_(file), line_(line) {}

  void problem(std::string message, ErrorCode code = ErrorCode::bad_value) {
    problems_.push_back(Diagnostic{Severity::error,
                                   std::string(file_),
                                   static_cast<std::uint32_t>(line_),
                                   0,
                                   std::move(message),
                                   {},
                                   code});
  }

  void cell(CsvField field, std::string_view text) {
    switch (field) {
      case detail::kId: profile_.id = std::string(text); break;
      case detail::kHave: profile_.have = split_list_cell(text); break;
      case detail::kGoals: profile_.goals = split_list_cell(text); break;
      case detail::kPrefer: profile_.prefer = split_list_cell(text); break;
      case detail::kExact: exact(text); break;
      case detail::kHoursPerWeek: hours_per_week(text); break;
      case detail::kStart: start(text); break;
    }
  }

  ProfileRead finish() {
    if (profile_.start && !profile_.hours_per_week) {
      problem("column 'start' needs 'hours_per_week'");
    }
    return ProfileRead{std::move(profile_), std::move(problems_)};
  }

 private:
  void exact(std::string_view text) {
    const std::string word = to_lower_ascii(text);
    if (word == "true" || word == "yes" || word == "1") {
      profile_.exact = true;
    } else if (word == "false" || word == "no" || word == "0") {
      profile_.exact = false;
    } else {
      problem(fmt::format("column 'exact' must be true or false (or yes/no, 1/0), found '{}'",
                          terminal_safe(text)));
    }
  }

  void hours_per_week(std::string_view text) {
    std::string digits(text);
    if (const auto comma = digits.find(','); comma != std::string::npos) digits[comma] = '.';
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value) ||
        value < 0.1 || value > 168) {
      problem(
          fmt::format("column 'hours_per_week' must be a number between 0.1 and 168, "
                      "found '{}'",
                      terminal_safe(text)));
      return;
    }
    profile_.hours_per_week = value;
  }

  void start(std::string_view text) {
    profile_.start = parse_date(text);
    if (!profile_.start) {
      problem(fmt::format("column 'start' must be a date as YYYY-MM-DD, found '{}'",
                          terminal_safe(text)));
    }
  }

  std::string_view file_;
  std::size_t line_;
  Profile profile_;
  std::vector<Diagnostic> problems_;
};

// What is wrong with a record that cannot be split into cells, starting on `line`: when a
// quote is never closed, which lines it took in.
std::string unsplit_record(std::string_view record, std::size_t line, std::string_view why) {
  const auto breaks = static_cast<std::size_t>(std::count(record.begin(), record.end(), '\n'));
  if (breaks == 0) return fmt::format("row: {}", why);
  return fmt::format("row: {}, so lines {} to {} were read as this one row", why, line,
                     line + breaks);
}

}  // namespace

ProfileRead read_csv_profile(const CsvProfileColumns& columns, std::string_view record,
                             std::string_view file, std::size_t line) {
  RowReader row(file, line);
  if (record.find(detail::kByteOrderMark) != std::string_view::npos) {
    row.problem(
        "row: a byte order mark (U+FEFF) in the middle of the file; were two files "
        "joined?",
        ErrorCode::malformed_csv);
    return row.finish();
  }
  if (!valid_utf8(record)) {
    // What the row holds goes into JSON and CSV, which are UTF-8: Excel's plain "CSV" is not.
    row.problem("row: the text is not UTF-8; save the file as UTF-8 (in Excel: CSV UTF-8)",
                ErrorCode::malformed_csv);
    return row.finish();
  }
  const auto cells = split_csv_record(record, columns.delimiter);
  if (!cells) {
    row.problem(unsplit_record(record, line, cells.error()), ErrorCode::malformed_csv);
    return row.finish();
  }
  if (cells->size() > columns.fields.size()) {
    row.problem(fmt::format("row has {} cells, but the header names {} column{}", cells->size(),
                            columns.fields.size(), columns.fields.size() == 1 ? "" : "s"),
                ErrorCode::malformed_csv);
  }
  const std::size_t n = std::min(cells->size(), columns.fields.size());
  for (std::size_t c = 0; c < n; ++c) {
    const std::string_view text = detail::trim_cell((*cells)[c]);
    if (text.empty()) continue;
    if (columns.fields[c] < 0) {
      row.problem(fmt::format("column {} has no name in the header, but this row has '{}' in it",
                              c + 1, terminal_safe(text)));
    } else {
      row.cell(static_cast<CsvField>(columns.fields[c]), text);
    }
  }
  return row.finish();
}

namespace detail {

void append_csv_cell(std::string& out, std::string_view cell) {
  const bool formula =
      !cell.empty() && (cell.front() == '=' || cell.front() == '+' || cell.front() == '-' ||
                        cell.front() == '@' || cell.front() == '\t' || cell.front() == '\r');
  const bool quoted = cell.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quoted) out += '"';
  if (formula) out += '\'';
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quoted) out += '"';
}

}  // namespace detail

}  // namespace mlroadmap
