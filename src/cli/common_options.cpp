#include "common_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include <sys/stat.h>

#include "exit_codes.hpp"
#include "learner.hpp"
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

}  // namespace

std::string_view format_name(OutputFormat format) {
  for (const auto& [f, name] : kFormatNames) {
    if (f == format) return name;
  }
  return "text";
}

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

namespace {

constexpr std::pair<std::string_view, OutputFormat> kExtensions[] = {
    {".txt", OutputFormat::text},   {".json", OutputFormat::json}, {".md", OutputFormat::markdown},
    {".markdown", OutputFormat::markdown}, {".dot", OutputFormat::dot},
    {".gv", OutputFormat::dot},     {".mmd", OutputFormat::mermaid}, {".csv", OutputFormat::csv}};

// The extension of a path's last part, in lower case: ".md" for "Road.MD"; empty for "notes",
// ".profile" or "a.d/notes".
std::string extension_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string extension(base.substr(dot));
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

// A terminal, a pipe or another device: what is written there has no file type to follow.
bool is_device(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

// ".dot or .gv (dot), .json (json), .txt (text)": the extensions a command can write.
std::string writable_extensions(const OutputOptions& options) {
  std::vector<std::string> parts;
  for (const OutputFormat format : options.allowed) {
    std::vector<std::string_view> names;
    if (format == OutputFormat::json && options.json_lines) names.push_back(".jsonl");
    for (const auto& [extension, f] : kExtensions) {
      if (f == format) names.push_back(extension);
    }
    if (!names.empty()) {
      parts.push_back(fmt::format("{} ({})", fmt::join(names, " or "), format_name(format)));
    }
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::optional<OutputFormat> resolve_format(const OutputOptions& options) {
  for (const auto& [f, name] : kFormatNames) {
    if (options.format == name) return f;
  }
  const std::string& path = options.path;
  const std::string extension = extension_of(path);
  if (path.empty() || path == "-" || extension.empty() || is_device(path)) {
    return options.allowed.front();
  }
  if (options.json_lines && extension == ".jsonl") return OutputFormat::json;
  for (const auto& [known, format] : kExtensions) {
    if (extension == known && std::find(options.allowed.begin(), options.allowed.end(),
                                        format) != options.allowed.end()) {
      return format;
    }
  }
  print_error(fmt::format("this command cannot write {} files ('{}'); it writes {}, or choose a "
                          "format with --format",
                          extension, path, writable_extensions(options)));
  return std::nullopt;
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

Flag have_flag() {
  return {.names = "--have",
          .help = "Skills you already have: ids, names or aliases, comma lists",
          .takes = Takes::skills,
          .repeatable = true};
}

Flag goal_flag() {
  return {.names = "--goal",
          .help = "Roles or skills to aim for (default: the graph's "
                  "default role)",
          .takes = Takes::goals,
          .repeatable = true};
}

Flag prefer_flag() {
  return {.names = "--prefer",
          .help = "Skills to take when a step can be met by any one of "
                  "several (comma lists; first listed first)",
          .takes = Takes::skills,
          .repeatable = true};
}

void add_plan_input_options(CommandFlags& command, PlanInputOptions& options, bool with_schedule) {
  command.group("Plan options");
  command.add(options.have, have_flag());
  command.add(options.have_files, {.names = "--have-file",
                                   .help = "Read skills you have from FILE: one per line or "
                                           "comma-separated, '#' comments, or a CSV with a Name "
                                           "column as match reads; '-' for stdin",
                                   .takes = Takes::file,
                                   .repeatable = true});
  command.add(options.goals, goal_flag());
  command.add(options.prefer, prefer_flag());
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
  add_profile_options(command, options.profile, options.no_profile);
  add_progress_option(command, options.progress, &options.no_progress);
}

void add_profile_options(CommandFlags& command, std::string& profile, bool& no_profile) {
  command.add(profile, {.names = "--profile",
                        .help = "Read have, goals, prefer, exact, hours_per_week and start from "
                                "this JSON profile instead of the default one (lists add, "
                                "single values replace)",
                        .takes = Takes::file});
  command.add(no_profile,
              {.names = "--no-profile", .help = "Read no profile, not even the default one"});
}

void add_progress_option(CommandFlags& command, std::string& progress, bool* no_progress) {
  command.add(progress, {.names = "--progress",
                         .help = "Progress file of your marks instead of the default one",
                         .takes = Takes::file});
  if (no_progress == nullptr) return;
  command.add(*no_progress, {.names = "--no-progress",
                             .help = "Read no progress file: plan as if nothing were marked"});
}

std::optional<SkillIndex> skill_named(const SkillGraph& graph, std::string_view name) {
  const auto skill = resolve_skill(graph, name);
  if (skill) return *skill;
  print_error(skill.error());
  return std::nullopt;
}

namespace {

constexpr std::size_t kMaxNameListBytes = std::size_t{16} << 20;

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
                                                 const PlanInputOptions& options,
                                                 Sources* sources) {
  Profile profile;
  const std::string profile_file = profile_path(options.profile, options.no_profile);
  if (!profile_file.empty()) {
    auto loaded = load_profile(profile_file);
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
  const std::string progress_file = progress_read_path(options.progress, options.no_progress);
  if (!progress_file.empty()) {
    const auto log = load_progress(progress_file, !options.progress.empty());
    if (!log) return std::unexpected(kDataError);
    const ProgressState state = replay_progress(graph, log->events);
    warn_unknown(state, progress_file);
    // A --start given now dates the plan as asked; a profile's start moves on to today.
    std::optional<CalendarDate> from;
    if (options.start.empty()) {
      from = today();
      if (!from) return std::unexpected(kUsageError);
    }
    follow_progress(*request, state, from);
  }
  if (sources != nullptr) {
    sources->profile = profile_file == "-" ? "<stdin>" : profile_file;
    sources->progress = progress_file;
  }
  return std::move(*request);
}

std::string graph_source(const GraphOptions& options) {
  std::string path = graph_path(options);
  if (path.empty()) return "built-in";
  return path == "-" ? "<stdin>" : path;
}

std::vector<std::string> split_names(const std::vector<std::string>& values) {
  std::vector<std::string> names;
  for (const std::string& value : values) {
    for (std::string& name : parse_name_list(value)) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace mlroadmap::cli
