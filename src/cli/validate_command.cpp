#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"

namespace mlroadmap::cli {

void setup_validate(CommandFlags& command, ValidateOptions& options) {
  command.add(options.files, {.names = "files",
                              .help = "Graph files ('-' for stdin)",
                              .takes = Takes::file,
                              .repeatable = true,
                              .required = true});
  add_max_graph_size_option(command, options.max_bytes);
  add_output_options(command, options.output, {OutputFormat::text, OutputFormat::json});
}

int run_validate(const ValidateOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  LoadOptions load;
  load.max_file_bytes = options.max_bytes;
  load.lint = true;
  std::vector<FileDiagnostics> files;
  std::size_t errors = 0, warnings = 0;
  for (const std::string& path : options.files) {
    GraphLoadResult result = load_graph_file(path, load);
    for (const Diagnostic& d : result.diagnostics) {
      (d.severity == Severity::error ? errors : warnings) += 1;
    }
    files.push_back({path == "-" ? "<stdin>" : path, std::move(result.diagnostics)});
  }
  std::string text;
  if (*format == OutputFormat::json) {
    text = render_diagnostics_json(files);
  } else {
    for (const FileDiagnostics& file : files) text += render_diagnostics_text(file.diagnostics);
    if (!options.output.quiet) {
      text += fmt::format(
          "{} {}, {} {}, {} {}\n", files.size(), files.size() == 1 ? "file" : "files", errors,
          errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
    }
  }
  if (!emit(options.output, text)) return kDataError;
  return errors > 0 ? kDataError : kSuccess;
}

}  // namespace mlroadmap::cli
