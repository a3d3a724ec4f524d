#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlroadmap {

/// How serious a diagnostic is: errors stop a graph from loading, warnings do not.
enum class Severity { error, warning };

/// What kind of problem a diagnostic reports, for programs: a stable name beside the message
/// (docs/json-schemas.md lists them). Graph diagnostics are read by people and keep bad_value
/// unless a kind below fits.
enum class ErrorCode : std::uint8_t {
  bad_value,        ///< a value of the wrong type, out of range, or not a date
  malformed_json,   ///< the text is not JSON
  not_an_object,    ///< JSON, but not an object
  unknown_field,    ///< a field the object may not have
  duplicate_field,  ///< a field given twice
  unknown_skill,    ///< a name that is no skill (have, prefer)
  unknown_goal,     ///< a name that is no role or skill (goals)
  line_too_long,    ///< an input line over the size limit
  unschedulable,    ///< the plan's schedule cannot be given (too long, past 9999-12-31)
  write_failed,     ///< a file for the result could not be written
  malformed_csv,    ///< a CSV row that cannot be read: an open quote, more cells than columns
};

/// The code's name in outputs: "bad_value", "malformed_json", ...
std::string_view to_string(ErrorCode code);

/// A problem found in an input, with the place it was found when there is one.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;        ///< empty when the problem is not about a file
  std::uint32_t line = 0;  ///< 1-based; 0 when there is no position
  std::uint32_t column = 0;
  std::string message;
  std::string source_line;  ///< the text of the offending line, for a caret display; may be empty
  ErrorCode code = ErrorCode::bad_value;
};

/// "error" or "warning".
std::string_view to_string(Severity severity);

/// `file:line:col: error: message`, `file: error: message`, or `error: message`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// The 1-based line and column (counted in characters) of a byte offset in a text.
struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

/// A diagnostic about `text` (named `file`) at byte `offset`, with its source line.
Diagnostic make_diagnostic(Severity severity, std::string_view file, std::string_view text,
                           std::size_t offset, std::string message);

/// True when any diagnostic in the list is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace mlroadmap
