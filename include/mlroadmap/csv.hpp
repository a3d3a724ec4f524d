#pragma once
// Profiles as spreadsheets and HR systems export them: CSV with a header row naming the
// profile's fields, comma, semicolon or tab separated, as Excel and Google Sheets write it.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/profile.hpp"

namespace mlroadmap {

/// The text without a UTF-8 byte order mark at its start.
std::string_view without_bom(std::string_view text);

/// The delimiter a CSV header line uses: a tab when it holds one outside quotes, else a
/// semicolon when it holds one, else a comma.
char csv_delimiter(std::string_view header);

/// Where a CSV record read line by line ends: a record goes on past a line break inside a
/// quoted cell (RFC 4180).
class CsvRecordEnd {
 public:
  explicit CsvRecordEnd(char delimiter) : delimiter_(delimiter) {}
  /// Takes the next line of the current record, without its line break; true when the
  /// record ends with it, and the next line starts another.
  bool take(std::string_view line);
  /// True while the record read so far has a quoted cell open.
  bool open() const { return in_quotes_; }

 private:
  char delimiter_;
  bool in_quotes_ = false;
};

/// The records of a CSV input given one line at a time, as batch and report read its rows:
/// blank lines between records are skipped, and a record goes on over line breaks inside
/// quotes, but no further than `max_bytes` past which it ends, so that a quote never closed
/// cannot take in the rest of a large input.
class CsvRecordReader {
 public:
  CsvRecordReader(char delimiter, std::size_t max_bytes)
      : delimiter_(delimiter), max_bytes_(max_bytes), end_(delimiter) {}
  /// Takes the line numbered `number`, without its line break; true when it ends a record,
  /// which record() and first_line() then hold until the next call.
  bool take(std::string_view line, std::size_t number);
  /// At the end of the input: true when a record was still open (a quoted cell never
  /// closed), which record() and first_line() then hold.
  bool finish();
  const std::string& record() const { return record_; }
  /// The line the record starts on.
  std::size_t first_line() const { return first_line_; }

 private:
  char delimiter_;
  std::size_t max_bytes_;
  CsvRecordEnd end_;
  std::string record_;
  std::size_t first_line_ = 0;
  bool open_ = false;
};

/// The cells of one CSV record: quoted cells may hold the delimiter, doubled quotes and line
/// breaks; text after a closing quote is kept. A message when a quoted cell is never closed.
std::expected<std::vector<std::string>, std::string> split_csv_record(std::string_view record,
                                                                      char delimiter);

/// The items of a list cell: split on ';' when it holds one, else on ',', and on line breaks;
/// each trimmed, empty ones dropped.
std::vector<std::string> split_list_cell(std::string_view cell);

/// The profile fields a CSV file's columns hold, from its header row.
struct CsvProfileColumns {
  char delimiter = ',';
  /// The field of each column: an index into csv_profile_fields(), or -1 for a column
  /// without a name, whose cells must be empty.
  std::vector<int> fields;
};

/// The names a profile column may have: id, have, goals, prefer, exact, hours_per_week, start.
std::vector<std::string_view> csv_profile_fields();

/// The columns of a CSV profile file from its header line (a byte order mark allowed): any of
/// csv_profile_fields() in any order, ignoring case and surrounding spaces. Otherwise the
/// problem, on line 1 of `file`: an unknown column (named, with the closest field), one given
/// twice, or a header that cannot be read.
std::expected<CsvProfileColumns, Diagnostic> read_csv_profile_header(std::string_view header,
                                                                     std::string_view file);

/// The profile in one CSV row (a record, line breaks inside quotes included), or its
/// problems, each on `line` of `file`, the line where the row starts. An empty cell leaves
/// its field out; `exact` is true/false, yes/no or 1/0 in any case; `hours_per_week` may use a
/// decimal comma; `start` is YYYY-MM-DD and needs `hours_per_week`.
ProfileRead read_csv_profile(const CsvProfileColumns& columns, std::string_view record,
                             std::string_view file, std::size_t line);

/// True when a CSV line holds nothing but delimiters and spaces: an empty spreadsheet row.
bool blank_csv_line(std::string_view line, char delimiter);

}  // namespace mlroadmap
