#include <fmt/format.h>

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// "file:1:2: error: message", with "error:" (or "warning:") in bold red (magenta) when coloured,
// as compilers print it.
std::string header(const Diagnostic& d, bool color) {
  std::string text = terminal_safe(format_diagnostic(d));
  if (!color) return text;
  const std::string severity = fmt::format("{}:", to_string(d.severity));
  const std::size_t at = d.file.empty() ? 0 : text.find(": " + severity) + 2;
  if (at < 2 && !d.file.empty()) return text;
  const char* code = d.severity == Severity::error ? "\x1b[1;31m" : "\x1b[1;35m";
  return text.replace(at, severity.size(), fmt::format("{}{}\x1b[0m", code, severity));
}

}  // namespace

std::string render_diagnostics_text(const std::vector<Diagnostic>& diagnostics, bool color) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (d.file.empty()) {
      out += fmt::format("mlroadmap: {}\n", header(d, color));
      continue;
    }
    out += header(d, color) + "\n";
    if (d.line == 0 || d.source_line.empty()) continue;
    // The line as it is, tabs kept so the caret lines up, other control characters hidden.
    std::string line;
    std::string caret;
    std::uint32_t column = 1;
    for (const char c : d.source_line) {
      const auto u = static_cast<unsigned char>(c);
      line += (u < 0x20 && c != '\t') || u == 0x7F ? ' ' : c;
      if ((u & 0xC0) != 0x80 && column < d.column) {
        caret += c == '\t' ? '\t' : ' ';
        ++column;
      }
    }
    out += fmt::format("{}\n{}^\n", terminal_safe_keeping_tabs(line), caret);
  }
  return out;
}

std::string render_diagnostics_json(const std::vector<FileDiagnostics>& files) {
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  std::size_t errors = 0, warnings = 0;
  json.key("files");
  json.begin_array();
  for (const FileDiagnostics& file : files) {
    json.begin_object();
    json.member("file", file.file);
    std::size_t file_errors = 0;
    for (const Diagnostic& d : file.diagnostics) file_errors += d.severity == Severity::error;
    json.member("errors", static_cast<std::int64_t>(file_errors));
    json.member("warnings", static_cast<std::int64_t>(file.diagnostics.size() - file_errors));
    errors += file_errors;
    warnings += file.diagnostics.size() - file_errors;
    json.key("diagnostics");
    json.begin_array();
    for (const Diagnostic& d : file.diagnostics) {
      json.begin_object();
      json.member("severity", to_string(d.severity));
      if (d.line > 0) {
        json.member("line", d.line);
        json.member("column", d.column);
      }
      json.member("message", d.message);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.member("errors", static_cast<std::int64_t>(errors));
  json.member("warnings", static_cast<std::int64_t>(warnings));
  json.end_object();
  return out;
}

}  // namespace mlroadmap
