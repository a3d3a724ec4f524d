#include "common_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/request.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::pair<OutputFormat, std::string_view> kFormatNames[] = {
    {OutputFormat::text, "text"},         {OutputFormat::json, "json"},
    {OutputFormat::markdown, "markdown"}, {OutputFormat::dot, "dot"},
    {OutputFormat::mermaid, "mermaid"},   {OutputFormat::ids, "ids"}};

std::string_view format_name(OutputFormat format) {
  for (const auto& [f, name] : kFormatNames) {
    if (f == format) return name;
  }
  return "text";
}

}  // namespace

void add_max_graph_size_option(CLI::App& command, std::size_t& max_bytes) {
  command
      .add_option("--max-graph-size", max_bytes,
                  "Refuse graph files larger than this (default 1GiB; suffixes KiB, MiB, GiB)")
      ->transform(CLI::AsSizeValue(false))
      ->type_name("SIZE");
}

void add_graph_options(CLI::App& command, GraphOptions& options) {
  command
      .add_option("--graph", options.path,
                  "Skill graph file to use instead of the built-in one ('-' for stdin)")
      ->type_name("FILE");
  add_max_graph_size_option(command, options.max_bytes);
}

std::optional<SkillGraph> load_graph_for(const GraphOptions& options) {
  LoadOptions load;
  load.max_file_bytes = options.max_bytes;
  GraphLoadResult result =
      options.path.empty() ? load_builtin_graph() : load_graph_file(options.path, load);
  print_diagnostics(result.diagnostics);
  return std::move(result.graph);
}

void add_output_options(CLI::App& command, OutputOptions& options,
                        std::vector<OutputFormat> allowed) {
  options.allowed = std::move(allowed);
  std::vector<std::string> names;
  for (const OutputFormat f : options.allowed) names.emplace_back(format_name(f));
  command
      .add_option(
          "--format", options.format,
          fmt::format("Output format: {} (default: {})", fmt::join(names, ", "), names.front()))
      ->check(CLI::IsMember(names))
      ->type_name(fmt::format("{}", fmt::join(names, "|")));
  command
      .add_option("-o,--output", options.path,
                  "Write to FILE (replaced whole, never half-written); the format follows "
                  "its extension unless --format is given")
      ->type_name("FILE");
  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  command.add_option("--color", options.color, "Colour: auto, always or never")
      ->transform(CLI::CheckedTransformer(colors))
      ->type_name("auto|always|never");
  command.add_flag("-q,--quiet", options.quiet, "Plain output without headings or decoration");
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
      {".txt", OutputFormat::text}};
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

void add_plan_input_options(CLI::App& command, PlanInputOptions& options, bool with_schedule) {
  command
      .add_option("--have", options.have,
                  "Skills you already have (ids, names or aliases; comma lists, repeatable)")
      ->type_name("SKILLS");
  command
      .add_option("--have-file", options.have_files,
                  "Read skills you have from FILE: one per line or comma-separated, "
                  "'#' comments; '-' for stdin")
      ->type_name("FILE");
  command
      .add_option("--goal", options.goals,
                  "Role or skill to aim for (repeatable; default: the graph's default role)")
      ->type_name("GOAL");
  command
      .add_option("--prefer", options.prefer,
                  "Skills to take when a step can be met by any one of several (comma lists, "
                  "repeatable; first listed first)")
      ->type_name("SKILLS");
  options.exact_flag = command.add_flag(
      "--exact,!--no-exact", options.exact,
      "A skill you have covers only itself, not its prerequisites (--no-exact: it covers them)");
  if (with_schedule) {
    options.pace_option = command
                              .add_option("--hours-per-week", options.hours_per_week,
                                          "Study pace: give every step its weeks")
                              ->check(CLI::Range(0.1, 168.0))
                              ->type_name("N");
    command
        .add_option("--start", options.start,
                    "First day of study (YYYY-MM-DD): with a pace, give every step its dates")
        ->type_name("DATE");
  }
  command
      .add_option("--profile", options.profile,
                  "Read have, goals, prefer, exact, hours_per_week and start from a JSON profile; "
                  "flags on the command line win")
      ->type_name("FILE");
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
std::optional<RequestFlags> request_flags(const PlanInputOptions& options) {
  RequestFlags flags;
  if (!options.have.empty() || !options.have_files.empty()) {
    flags.have = split_names(options.have);
    for (const std::string& path : options.have_files) {
      const auto text = read_input(path, kMaxNameListBytes);
      if (!text) {
        print_error(text.error().message());
        return std::nullopt;
      }
      for (std::string& name : parse_name_list(*text)) flags.have->push_back(std::move(name));
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
  const auto flags = request_flags(options);
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
