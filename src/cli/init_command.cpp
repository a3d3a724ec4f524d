// init: the learner's default profile, written once.

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "learner.hpp"
#include "mlroadmap/request.hpp"

namespace mlroadmap::cli {

void setup_init(CommandFlags& command, InitOptions& options) {
  command.group("Profile");
  command.add(options.have, have_flag());
  command.add(options.goals, goal_flag());
  command.add(options.prefer, prefer_flag());
  command.add(options.hours_per_week, {.names = "--hours-per-week",
                                       .help = "Study pace in hours a week",
                                       .min = 0.1,
                                       .max = 168});
  command.add(options.start, {.names = "--start",
                              .help = "First day of study, with a pace (default: today)",
                              .takes = Takes::date});
  command.group("Options");
  command.add(options.profile, {.names = "--profile",
                                .help = "Write this file instead of the default profile",
                                .takes = Takes::file});
  command.add(options.force, {.names = "--force", .help = "Replace a profile that exists"});
  add_graph_options(command, options.graph);
}

namespace {

// The profile the options describe, its names as typed and checked against `graph`; nullopt
// after saying what is wrong.
std::optional<Profile> init_profile(const SkillGraph& graph, const InitOptions& options) {
  Profile profile;
  if (!options.have.empty()) profile.have = split_names(options.have);
  if (!options.goals.empty()) profile.goals = split_names(options.goals);
  if (!options.prefer.empty()) profile.prefer = split_names(options.prefer);
  if (options.hours_per_week > 0) {
    profile.hours_per_week = options.hours_per_week;
    profile.start = options.start.empty() ? today() : parse_date(options.start);
    if (!profile.start) {
      if (!options.start.empty()) {
        print_error(fmt::format("--start: '{}' is not a date as YYYY-MM-DD", options.start));
      }
      return std::nullopt;
    }
  } else if (!options.start.empty()) {
    print_error("--start needs a pace: give --hours-per-week too");
    return std::nullopt;
  }
  if (!graph.version().empty()) profile.graph_version = std::string(graph.version());
  // Every name must resolve now, not at the next plan.
  const auto request = resolve_request(graph, profile);
  if (!request) {
    print_diagnostics(request.error());
    return std::nullopt;
  }
  return profile;
}

}  // namespace

int run_init(const InitOptions& options) {
  const std::string path = options.profile.empty() ? default_profile_path() : options.profile;
  if (path.empty()) {
    print_error("no profile path: set HOME, XDG_CONFIG_HOME or MLROADMAP_PROFILE, or give "
                "--profile");
    return kUsageError;
  }
  struct stat status {};
  if (!options.force && ::stat(path.c_str(), &status) == 0) {
    print_error(fmt::format("'{}' exists; give --force to replace it", path));
    return kDataError;
  }
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto profile = init_profile(*graph, options);
  if (!profile) return kUsageError;
  // The default profile's directory is made when missing; a file named is written where it is.
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (options.profile.empty() && !parent.empty()) {
    std::filesystem::create_directories(parent, error);
  }
  if (error) {
    print_error(fmt::format("cannot make '{}': {}", parent.string(), error.message()));
    return kDataError;
  }
  if (!write_file_atomically(path, profile_json(*profile))) return kDataError;
  print_note(fmt::format("wrote {}", path));
  return kSuccess;
}

}  // namespace mlroadmap::cli
