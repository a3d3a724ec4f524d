#pragma once
// Flags several commands share, and the steps that go with them.

#include <CLI/CLI.hpp>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"
#include "flags.hpp"
#include "mlroadmap/render.hpp"
#include "output.hpp"

namespace mlroadmap::cli {

struct GraphOptions {
  std::string path;  ///< empty: MLROADMAP_GRAPH when set, else the built-in graph
  std::size_t max_bytes = std::size_t{1} << 30;
};
/// The graph file to read: --graph, else MLROADMAP_GRAPH when it is set; empty for the
/// built-in graph (so an empty MLROADMAP_GRAPH also means the built-in graph).
std::string graph_path(const GraphOptions& options);
void add_graph_options(CommandFlags& command, GraphOptions& options);
/// --max-graph-size, for every command that reads graph files.
void add_max_graph_size_option(CommandFlags& command, std::size_t& max_bytes);

/// The graph the options name, after printing its warnings; nullopt after printing its errors.
std::optional<SkillGraph> load_graph_for(const GraphOptions& options);

enum class OutputFormat { text, json, markdown, dot, mermaid, ids, csv };

struct OutputOptions {
  std::string format;  ///< empty: inferred from the output file's extension, else the default
  std::string path;    ///< empty: standard output
  ColorMode color = ColorMode::automatic;
  bool quiet = false;
  std::vector<OutputFormat> allowed;
  bool json_lines = false;  ///< its JSON is JSON Lines: a .jsonl file is written as json
};
/// The word --format takes for `format`: "markdown".
std::string_view format_name(OutputFormat format);

/// Adds --format (one of `allowed`, the first being the default), -o, --color and -q.
void add_output_options(CommandFlags& command, OutputOptions& options,
                        std::vector<OutputFormat> allowed);

/// The format asked for, or the one the output file's extension implies, or the default;
/// nullopt (after saying why) when the extension names a format the command does not write.
std::optional<OutputFormat> resolve_format(const OutputOptions& options);

/// Terminal styling for text: colour and width when writing to a terminal, plain 80 columns
/// otherwise.
TextStyle text_style(const OutputOptions& options);

/// Sends finished output where the options say; false when it could not be written.
bool emit(const OutputOptions& options, std::string_view text);

/// What to plan: what you have, what you aim for, and at what pace.
struct PlanInputOptions {
  std::vector<std::string> have;
  std::vector<std::string> have_files;
  std::vector<std::string> goals;
  std::vector<std::string> prefer;
  bool exact = false;
  double hours_per_week = 0;
  std::string start;
  std::string profile;  ///< empty: the default profile, when it exists
  bool no_profile = false;
  std::string progress;  ///< empty: the default progress file, when it exists
  bool no_progress = false;
  CLI::Option* exact_flag = nullptr;
  CLI::Option* pace_option = nullptr;
};
/// --have, --goal and --prefer, as every command that takes them describes them.
Flag have_flag();
Flag goal_flag();
Flag prefer_flag();

void add_plan_input_options(CommandFlags& command, PlanInputOptions& options, bool with_schedule);
/// --profile and --no-profile.
void add_profile_options(CommandFlags& command, std::string& profile, bool& no_profile);
/// --progress, and --no-progress when `reading` (a command that plans from the marks).
void add_progress_option(CommandFlags& command, std::string& progress, bool* no_progress);

/// The plan request the options describe, with the profile and name files they point to read
/// and the whole resolved on `graph` by resolve_request, then moved on by the learner's
/// progress (done and skipped skills had, started ones marked, a schedule under way from
/// today); after printing what was wrong, the exit status to end with. `sources`, when given,
/// receives the files read.
std::expected<PlanRequest, int> plan_request_for(const SkillGraph& graph,
                                                 const PlanInputOptions& options,
                                                 Sources* sources = nullptr);

/// The graph the options name as `sources` call it: its path, or "built-in".
std::string graph_source(const GraphOptions& options);

/// The skill a person named, or nullopt after printing the closest names.
std::optional<SkillIndex> skill_named(const SkillGraph& graph, std::string_view name);

/// Splits comma lists ("python, sql") given once or many times into trimmed, non-empty names.
std::vector<std::string> split_names(const std::vector<std::string>& values);

}  // namespace mlroadmap::cli
