#include "common_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/profile.hpp"

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

std::optional<std::string> read_input(const std::string& path, std::size_t max_bytes) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    print_error(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n;
  bool too_big = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (text.size() + n > max_bytes) {
      too_big = true;
      break;
    }
    text.append(buffer, n);
  }
  const bool failed = std::ferror(file) != 0;
  const int reason = errno;
  if (file != stdin) std::fclose(file);
  if (too_big) {
    print_error(fmt::format("'{}' is larger than the limit of {} bytes", path, max_bytes));
    return std::nullopt;
  }
  if (failed) {
    print_error(fmt::format("cannot read '{}': {}", path, std::strerror(reason)));
    return std::nullopt;
  }
  return text;
}

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
                  "Read have, goals, exact, hours_per_week and start from a JSON profile; "
                  "flags on the command line win")
      ->type_name("FILE");
}

std::optional<SkillIndex> skill_named(const SkillGraph& graph, std::string_view name) {
  const auto skill = resolve_skill(graph, name);
  if (skill) return *skill;
  print_error(skill.error());
  return std::nullopt;
}

std::expected<PlanRequest, int> plan_request_for(const SkillGraph& graph,
                                                 const PlanInputOptions& options) {
  Profile profile;
  if (!options.profile.empty()) {
    const auto text = read_input(options.profile, 1 << 20);
    if (!text) return std::unexpected(kDataError);
    auto parsed = parse_profile(*text, options.profile == "-" ? "<stdin>" : options.profile);
    if (!parsed) {
      print_diagnostics(parsed.error());
      return std::unexpected(kDataError);
    }
    profile = std::move(*parsed);
  }

  std::vector<std::string> have = split_names(options.have);
  for (const std::string& path : options.have_files) {
    const auto text = read_input(path);
    if (!text) return std::unexpected(kDataError);
    for (std::string& name : parse_name_list(*text)) have.push_back(std::move(name));
  }
  if (options.have.empty() && options.have_files.empty() && profile.have) have = *profile.have;
  std::vector<std::string> goals = split_names(options.goals);
  if (goals.empty() && profile.goals) goals = *profile.goals;

  PlanRequest request;
  request.exact = options.exact_flag != nullptr && options.exact_flag->count() > 0
                      ? options.exact
                      : profile.exact.value_or(false);
  request.hours_per_week = options.pace_option != nullptr && options.pace_option->count() > 0
                               ? options.hours_per_week
                               : profile.hours_per_week.value_or(0);
  if (!options.start.empty()) {
    request.start = parse_date(options.start);
    if (!request.start) {
      print_error(fmt::format("--start: '{}' is not a date as YYYY-MM-DD", options.start));
      return std::unexpected(kUsageError);
    }
  } else {
    request.start = profile.start;
  }
  if (request.start && request.hours_per_week <= 0) {
    print_error("--start needs a pace: give --hours-per-week too");
    return std::unexpected(kUsageError);
  }

  bool unknown = false;
  for (const std::string& name : have) {
    if (const auto skill = skill_named(graph, name)) {
      request.have.push_back(*skill);
    } else {
      unknown = true;
    }
  }
  for (const std::string& name : goals) {
    const auto goal = resolve_goal(graph, name);
    if (!goal) {
      print_error(goal.error());
      unknown = true;
    } else if (std::find(request.goals.begin(), request.goals.end(), *goal) ==
               request.goals.end()) {
      request.goals.push_back(*goal);
    }
  }
  if (unknown) return std::unexpected(kUsageError);
  return request;
}

std::vector<std::string> split_names(const std::vector<std::string>& values) {
  std::vector<std::string> names;
  for (const std::string& value : values) {
    for (std::string& name : parse_name_list(value)) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace mlroadmap::cli
