#include "mlroadmap/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mlroadmap {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_value: return "bad_value";
    case ErrorCode::malformed_json: return "malformed_json";
    case ErrorCode::not_an_object: return "not_an_object";
    case ErrorCode::unknown_field: return "unknown_field";
    case ErrorCode::duplicate_field: return "duplicate_field";
    case ErrorCode::unknown_skill: return "unknown_skill";
    case ErrorCode::unknown_goal: return "unknown_goal";
    case ErrorCode::line_too_long: return "line_too_long";
    case ErrorCode::unschedulable: return "unschedulable";
    case ErrorCode::write_failed: return "write_failed";
    case ErrorCode::malformed_csv: return "malformed_csv";
  }
  return "bad_value";
}

std::string format_diagnostic(const Diagnostic& d) {
  if (d.file.empty()) return fmt::format("{}: {}", to_string(d.severity), d.message);
  if (d.line == 0) return fmt::format("{}: {}: {}", d.file, to_string(d.severity), d.message);
  return fmt::format("{}:{}:{}: {}: {}", d.file, d.line, d.column, to_string(d.severity),
                     d.message);
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition pos;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  pos.column = column;
  return pos;
}

Diagnostic make_diagnostic(Severity severity, std::string_view file, std::string_view text,
                           std::size_t offset, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = std::string(file);
  d.message = std::move(message);
  const TextPosition pos = position_of(text, offset);
  d.line = pos.line;
  d.column = pos.column;
  offset = std::min(offset, text.size());
  const std::size_t newline = text.substr(0, offset).rfind('\n');
  const std::size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  constexpr std::size_t kMaxExcerpt = 200;
  if (end - begin <= kMaxExcerpt) d.source_line = std::string(text.substr(begin, end - begin));
  return d;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace mlroadmap
