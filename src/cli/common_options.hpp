#pragma once
// Flags several commands share, and the steps that go with them.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "output.hpp"

namespace mlroadmap::cli {

struct GraphOptions {
  std::string path;  ///< empty: the built-in graph
};
void add_graph_options(CLI::App& command, GraphOptions& options);

/// The graph the options name, after printing its warnings; nullopt after printing its errors.
std::optional<SkillGraph> load_graph_for(const GraphOptions& options);

enum class OutputFormat { text, json, markdown };

struct OutputOptions {
  std::string format;  ///< empty: inferred from the output file's extension, else text
  std::string path;    ///< empty: standard output
  ColorMode color = ColorMode::automatic;
};
void add_output_options(CLI::App& command, OutputOptions& options);

/// The format asked for, or the one the output file's extension implies, or text.
OutputFormat resolve_format(const OutputOptions& options);

/// Sends finished output where the options say; false when it could not be written.
bool emit(const OutputOptions& options, std::string_view text);

/// Splits comma lists ("python, sql") given once or many times into trimmed, non-empty names.
std::vector<std::string> split_names(const std::vector<std::string>& values);

}  // namespace mlroadmap::cli
