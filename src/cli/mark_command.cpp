// done, start, skip and reset: marks appended to the learner's progress file.

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "learner.hpp"
#include "mlroadmap/input.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kMaxRoadmapBytes = std::size_t{64} << 20;

void setup_mark(CommandFlags& command, MarkOptions& options, SkillState state, bool from) {
  options.state = state;
  command.add(options.skills, {.names = "skills",
                               .help = "Skill ids, names or aliases",
                               .takes = Takes::skill,
                               .repeatable = true,
                               .required = !from});
  if (from) {
    command.add(options.from, {.names = "--from",
                               .help = "Mark every checked item ([x]) of a Markdown roadmap "
                                       "this program wrote ('-' for stdin)",
                               .takes = Takes::file});
  }
  command.add(options.date, {.names = "--date",
                             .help = "The day of the mark (default: today)",
                             .takes = Takes::date});
  command.add(options.note, {.names = "--note",
                             .help = "A note kept with the mark",
                             .takes = Takes::text});
  add_progress_option(command, options.progress, nullptr);
  command.add(options.quiet, {.names = "-q,--quiet", .help = "Say nothing when it worked"});
  add_graph_options(command, options.graph);
}

// The skills of the checked items of the roadmap at `path`, in file order and each once, left
// out when already done; nullopt after saying what is wrong, with the status in `status`.
std::optional<std::vector<SkillIndex>> checked_in(const SkillGraph& graph, const std::string& path,
                                                  const ProgressState& state, int& status) {
  status = kDataError;
  const auto text = read_input(path, kMaxRoadmapBytes);
  if (!text) {
    print_error(text.error().message());
    return std::nullopt;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  const auto items = checked_skills(*text, name);
  if (!items) {
    print_diagnostics(items.error());
    return std::nullopt;
  }
  print_diagnostics(items->warnings);
  std::vector<SkillIndex> skills;
  std::vector<Diagnostic> unknown;
  for (const CheckedItem& item : items->items) {
    const auto skill = graph.find_skill_by_id(item.skill);
    if (!skill) {
      unknown.push_back({Severity::error, name, item.line, 1,
                         fmt::format("no skill with the id '{}' in this graph", item.skill),
                         {}});
      continue;
    }
    const SkillProgress* now = state.find(*skill);
    if (now != nullptr && now->state == SkillState::done) continue;
    if (std::find(skills.begin(), skills.end(), *skill) == skills.end()) skills.push_back(*skill);
  }
  if (!unknown.empty()) {
    print_diagnostics(unknown);
    status = kUsageError;
    return std::nullopt;
  }
  return skills;
}

// What the command line names: every skill resolved, or nullopt after saying which are not.
std::optional<std::vector<SkillIndex>> named_skills(const SkillGraph& graph,
                                                    const std::vector<std::string>& names) {
  std::vector<SkillIndex> skills;
  bool ok = true;
  for (const std::string& name : names) {
    const auto skill = skill_named(graph, name);
    if (!skill) {
      ok = false;
    } else if (std::find(skills.begin(), skills.end(), *skill) == skills.end()) {
      skills.push_back(*skill);
    }
  }
  if (!ok) return std::nullopt;
  return skills;
}

// The progress file marks go to: --progress, else the default one, whose directory is made
// when missing. Empty after saying why there is none.
std::string progress_write_path(const MarkOptions& options) {
  if (!options.progress.empty()) return options.progress;
  std::string path = default_progress_path();
  if (path.empty()) {
    print_error("no progress file: set HOME, XDG_STATE_HOME or MLROADMAP_PROGRESS, or give "
                "--progress");
    return path;
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) {
    print_error(fmt::format("cannot make '{}': {}", parent.string(), error.message()));
    return {};
  }
  return path;
}

int append(const SkillGraph& graph, const MarkOptions& options, const std::string& path,
           const std::vector<SkillIndex>& skills, CalendarDate date) {
  std::vector<ProgressEvent> events;
  for (const SkillIndex s : skills) {
    events.push_back({std::string(graph.skill(s).id), options.state, date, options.note});
  }
  const auto written = append_progress(path, events);
  if (!written) {
    print_diagnostics(written.error());
    return kDataError;
  }
  print_diagnostics(*written);
  if (options.quiet) return kSuccess;
  std::string names;
  for (const SkillIndex s : skills) names += (names.empty() ? "" : ", ") + std::string(graph.skill(s).name);
  const bool wrote = write_stdout(fmt::format("{}: {} ({})\n", to_string(options.state), names,
                                              format_date(date)));
  return wrote ? kSuccess : kDataError;
}

}  // namespace

void setup_done(CommandFlags& command, MarkOptions& options) {
  setup_mark(command, options, SkillState::done, true);
}
void setup_start(CommandFlags& command, MarkOptions& options) {
  setup_mark(command, options, SkillState::learning, false);
}
void setup_skip(CommandFlags& command, MarkOptions& options) {
  setup_mark(command, options, SkillState::skipped, false);
}
void setup_reset(CommandFlags& command, MarkOptions& options) {
  setup_mark(command, options, SkillState::todo, false);
}

int run_mark(const MarkOptions& options) {
  if (options.skills.empty() && options.from.empty()) {
    print_error("done: name the skills to mark, or a roadmap with --from");
    return kUsageError;
  }
  const std::optional<CalendarDate> date =
      options.date.empty() ? today() : parse_date(options.date);
  if (!date) {
    if (!options.date.empty()) print_error(fmt::format("--date: '{}' is not a date", options.date));
    return kUsageError;
  }
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  auto skills = named_skills(*graph, options.skills);
  if (!skills) return kUsageError;
  const std::string path = progress_write_path(options);
  if (path.empty()) return kUsageError;
  if (!options.from.empty()) {
    const auto log = load_progress(path);
    if (!log) return kDataError;
    int status = kSuccess;
    const auto checked = checked_in(*graph, options.from, replay_progress(*graph, log->events),
                                    status);
    if (!checked) return status;
    for (const SkillIndex s : *checked) {
      if (std::find(skills->begin(), skills->end(), s) == skills->end()) skills->push_back(s);
    }
    if (skills->empty()) {
      if (!options.quiet) print_note(fmt::format("nothing new to mark in '{}'", options.from));
      return kSuccess;
    }
  }
  return append(*graph, options, path, *skills, *date);
}

}  // namespace mlroadmap::cli
