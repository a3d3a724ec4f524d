#include "common_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/match.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/request.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::pair<OutputFormat, std::string_view> kFormatNames[] = {
    {OutputFormat::text, "text"},
    {OutputFormat::json, "json"},
    {OutputFormat::markdown, "markdown"},
    {OutputFormat::dot, "dot"},
    {OutputFormat::mermaid, "mermaid"},
    {OutputFormat::ids, "ids"},
    {OutputFormat::csv, "csv"}};

std::string_view format_name(OutputFormat format) {
  for (const auto& [f, name] : kFormatNames) {
    if (f == format) return name;
  }
  return "text";
}

}  // namespace

void add_max_graph_size_option(CommandFlags& command, std::size_t& max_bytes) {
  command.add(max_bytes, {.names = "--max-graph-size",
                          .help = "Refuse graph files larger than this (default 1GiB)",
                          .takes = Takes::size});
}

void add_graph_options(CommandFlags& command, GraphOptions& options) {
  command.group("Graph options");
  command.add(options.path, {.names = "--graph",
                             .help = "Skill graph file to use instead of the built-in one ('-' "
                                     "for stdin; default: MLROADMAP_GRAPH when set)",
                             .takes = Takes::file});
  add_max_graph_size_option(command, options.max_bytes);
}

std::string graph_path(const GraphOptions& options) {
  if (!options.path.empty()) return options.path;
  const char* variable = std::getenv("MLROADMAP_GRAPH");
  return variable != nullptr ? std::string(variable) : std::string();
}

std::optional<SkillGraph> load_graph_for(const GraphOptions& options) {
  LoadOptions load;
  load.max_file_bytes = options.max_bytes;
  const std::string path = graph_path(options);
  GraphLoadResult result = path.empty() ? load_builtin_graph() : load_graph_file(path, load);
  print_diagnostics(result.diagnostics);
  return std::move(result.graph);
}

void add_output_options(CommandFlags& command, OutputOptions& options,
                        std::vector<OutputFormat> allowed) {
  options.allowed = std::move(allowed);
  std::vector<std::string> names;
  for (const OutputFormat f : options.allowed) names.emplace_back(format_name(f));
  command.group("Output options");
  command.add(options.format,
              {.names = "--format",
               .metavar = "FORMAT",
               .help = fmt::format("Output format (default: {}, or what the -o file's extension "
                                   "names)",
                                   names.front()),
               .takes = Takes::choice,
               .choices = names});
  command.add(options.path, {.names = "-o,--output",
                             .help = "Write to FILE (replaced whole, never half-written); the "
                                     "format follows its extension unless --format is given",
                             .takes = Takes::file});
  command.add(
      options.color,
      {.names = "--color", .metavar = "WHEN", .help = "Colour (default: auto, a terminal only)"},
      {{"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}});
  command.add(options.quiet,
              {.names = "-q,--quiet", .help = "Plain output without headings or decoration"});
}

std::optional<OutputFormat> resolve_format(const OutputOptions& options) {
  for (const auto& [f, name] : kFormatNames) {
    if (options.format == name) return f;
  }
  const std::string& path = options.path;
  static const std::pair<std::string_view, OutputFormat> kExtensions[] = {
      {".md", OutputFormat::markdown}, {".markdown", OutputFormat::markdown},
      {".json", OutputFormat::json},   {".dot", OutputFormat::dot},
      {".gv", OutputFormat::dot},      {".mmd", OutputFormat::mermaid},
      {".txt", OutputFormat::text},    {".csv", OutputFormat::csv}};
  for (const auto& [extension, format] : kExtensions) {
    if (!path.ends_with(extension)) continue;
    if (std::find(options.allowed.begin(), options.allowed.end(), format) !=
        options.allowed.end()) {
      return format;
    }
    print_error(fmt::format("this command does not write {} ('{}'); use --format to choose one",
                            format_name(format), path));
    return std::nullopt;
  }
  return options.allowed.front();
}

TextStyle text_style(const OutputOptions& options) {
  TextStyle style;
  const bool to_terminal = options.path.empty() || options.path == "-";
  style.color = to_terminal && use_color(options.color, 1);
  style.width = to_terminal ? terminal_width() : 80;
  style.quiet = options.quiet;
  return style;
}

bool emit(const OutputOptions& options, std::string_view text) {
  if (options.path.empty() || options.path == "-") return write_stdout(text);
  return write_file_atomically(options.path, text);
}

void add_plan_input_options(CommandFlags& command, PlanInputOptions& options, bool with_schedule) {
  command.group("Plan options");
  command.add(options.have, {.names = "--have",
                             .help = "Skills you already have: ids, names or aliases, comma lists",
                             .takes = Takes::skills,
                             .repeatable = true});
  command.add(options.have_files, {.names = "--have-file",
                                   .help = "Read skills you have from FILE: one per line or "
                                           "comma-separated, '#' comments, or a CSV with a Name "
                                           "column as match reads; '-' for stdin",
                                   .takes = Takes::file,
                                   .repeatable = true});
  command.add(options.goals, {.names = "--goal",
                              .help = "Roles or skills to aim for (default: the graph's "
                                      "default role)",
                              .takes = Takes::goals,
                              .repeatable = true});
  command.add(options.prefer, {.names = "--prefer",
                               .help = "Skills to take when a step can be met by any one of "
                                       "several (comma lists; first listed first)",
                               .takes = Takes::skills,
                               .repeatable = true});
  options.exact_flag = command.add(
      options.exact, {.names = "--exact",
                      .help = "A skill you have covers only itself, not its prerequisites "
                              "(--no-exact: it covers them)",
                      .negation = "--no-exact"});
  if (with_schedule) {
    options.pace_option = command.add(options.hours_per_week,
                                      {.names = "--hours-per-week",
                                       .help = "Study pace in hours a week: give every step its "
                                               "weeks",
                                       .min = 0.1,
                                       .max = 168});
    command.add(options.start, {.names = "--start",
                                .help = "First day of study: with a pace, give every step "
                                        "its dates",
                                .takes = Takes::date});
  }
  command.add(options.profile, {.names = "--profile",
                                .help = "Read have, goals, prefer, exact, hours_per_week and start "
                                        "from a JSON profile; flags on the command line win",
                                .takes = Takes::file});
}

std::optional<SkillIndex> skill_named(const SkillGraph& graph, std::string_view name) {
  const auto skill = resolve_skill(graph, name);
  if (skill) return *skill;
  print_error(skill.error());
  return std::nullopt;
}

namespace {

constexpr std::size_t kMaxProfileBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxNameListBytes = std::size_t{16} << 20;

// The profile in the file at `path` ("-": stdin), or nullopt after saying what is wrong.
std::optional<Profile> load_profile(const std::string& path) {
  const auto text = read_input(path, kMaxProfileBytes);
  if (!text) {
    print_error(text.error().message());
    return std::nullopt;
  }
  auto profile = parse_profile(*text, path == "-" ? "<stdin>" : path);
  if (!profile) {
    print_diagnostics(profile.error());
    return std::nullopt;
  }
  return std::move(*profile);
}

// The flags as the core takes them, with the names in --have-file files read; nullopt after
// saying which file could not be read.
// The names in a --have-file file: a CSV column or one a line (as `match` reads them), or comma
// lists with '#' comments; each matched as `match` does, and kept as written when it is not.
std::vector<std::string> have_file_names(const SkillGraph& graph, std::string_view text,
                                         const std::string& path) {
  auto list = read_name_list(text, path);
  std::vector<std::string> names =
      list && list->csv ? std::move(list->names) : parse_name_list(text);
  const SkillMatcher matcher(graph);
  for (std::string& name : names) {
    const SkillMatch match = matcher.match(name);
    if (match.skill) name = std::string(graph.skill(*match.skill).id);
  }
  return names;
}

std::optional<RequestFlags> request_flags(const SkillGraph& graph,
                                          const PlanInputOptions& options) {
  RequestFlags flags;
  if (!options.have.empty() || !options.have_files.empty()) {
    flags.have = split_names(options.have);
    for (const std::string& path : options.have_files) {
      const auto text = read_input(path, kMaxNameListBytes);
      if (!text) {
        print_error(text.error().message());
        return std::nullopt;
      }
      for (std::string& name : have_file_names(graph, *text, path)) {
        flags.have->push_back(std::move(name));
      }
    }
  }
  flags.goals = split_names(options.goals);
  flags.prefer = split_names(options.prefer);
  if (options.exact_flag != nullptr && options.exact_flag->count() > 0) flags.exact = options.exact;
  if (options.pace_option != nullptr && options.pace_option->count() > 0) {
    flags.hours_per_week = options.hours_per_week;
  }
  flags.start = options.start;
  return flags;
}

}  // namespace

std::expected<PlanRequest, int> plan_request_for(const SkillGraph& graph,
                                                 const PlanInputOptions& options) {
  Profile profile;
  if (!options.profile.empty()) {
    auto loaded = load_profile(options.profile);
    if (!loaded) return std::unexpected(kDataError);
    profile = std::move(*loaded);
  }
  const auto flags = request_flags(graph, options);
  if (!flags) return std::unexpected(kDataError);
  auto request = resolve_request(graph, profile, *flags);
  if (!request) {
    print_diagnostics(request.error());
    return std::unexpected(kUsageError);
  }
  return std::move(*request);
}

std::vector<std::string> split_names(const std::vector<std::string>& values) {
  std::vector<std::string> names;
  for (const std::string& value : values) {
    for (std::string& name : parse_name_list(value)) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace mlroadmap::cli
