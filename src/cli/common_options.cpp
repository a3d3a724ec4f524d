#include "common_options.hpp"

#include <map>

#include "mlroadmap/graph_loader.hpp"

namespace mlroadmap::cli {

void add_graph_options(CLI::App& command, GraphOptions& options) {
  command.add_option("--graph", options.path,
                     "Skill graph file to use instead of the built-in one ('-' for stdin)")
      ->type_name("FILE");
}

std::optional<SkillGraph> load_graph_for(const GraphOptions& options) {
  GraphLoadResult result =
      options.path.empty() ? load_builtin_graph() : load_graph_file(options.path);
  print_diagnostics(result.diagnostics);
  return std::move(result.graph);
}

void add_output_options(CLI::App& command, OutputOptions& options) {
  command.add_option("--format", options.format, "Output format: text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->type_name("FORMAT");
  command.add_option("-o,--output", options.path,
                     "Write to FILE (replaced whole, never half-written); the format follows "
                     "its extension (.md, .json, .txt) unless --format is given")
      ->type_name("FILE");
  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  command.add_option("--color", options.color, "Colour: auto, always or never")
      ->transform(CLI::CheckedTransformer(colors))
      ->type_name("WHEN");
}

OutputFormat resolve_format(const OutputOptions& options) {
  if (options.format == "json") return OutputFormat::json;
  if (options.format == "markdown") return OutputFormat::markdown;
  if (options.format == "text") return OutputFormat::text;
  const auto ends_with = [&](std::string_view suffix) { return options.path.ends_with(suffix); };
  if (ends_with(".json")) return OutputFormat::json;
  if (ends_with(".md") || ends_with(".markdown")) return OutputFormat::markdown;
  return OutputFormat::text;
}

bool emit(const OutputOptions& options, std::string_view text) {
  if (options.path.empty() || options.path == "-") return write_stdout(text);
  return write_file_atomically(options.path, text);
}

std::vector<std::string> split_names(const std::vector<std::string>& values) {
  std::vector<std::string> names;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      std::string name = value.substr(start, end - start);
      const auto first = name.find_first_not_of(" \t");
      const auto last = name.find_last_not_of(" \t");
      if (first != std::string::npos) names.push_back(name.substr(first, last - first + 1));
      start = end + 1;
    }
  }
  return names;
}

}  // namespace mlroadmap::cli
