#pragma once
// What the program keeps for one learner between runs: the default profile, the progress file
// of their marks, and today's date. Pipelines (batch, report, match) never come here.

#include <optional>
#include <string>

#include "mlroadmap/calendar_date.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/progress.hpp"

namespace mlroadmap::cli {

/// Today: MLROADMAP_TODAY (YYYY-MM-DD) when set, else the local date; nullopt after saying that
/// MLROADMAP_TODAY is not a date.
std::optional<CalendarDate> today();

/// Where the default profile is: MLROADMAP_PROFILE, else $XDG_CONFIG_HOME/mlroadmap/
/// profile.json, else ~/.config/mlroadmap/profile.json; empty when none can be named.
std::string default_profile_path();
/// Where the default progress file is: MLROADMAP_PROGRESS, else $XDG_STATE_HOME/mlroadmap/
/// progress.jsonl, else ~/.local/state/mlroadmap/progress.jsonl; empty when none can be named.
std::string default_progress_path();

/// The profile a planning command reads: `--profile` when given, none with --no-profile, else
/// the default one when it exists. Empty: none.
std::string profile_path(const std::string& flag, bool no_profile);
/// The progress file a command reads: `--progress` when given, none with --no-progress, else
/// the default one when it exists. Empty: none.
std::string progress_read_path(const std::string& flag, bool no_progress);

/// The profile in the file at `path` ("-": stdin), or nullopt after saying what is wrong.
std::optional<Profile> load_profile(const std::string& path);

/// The marks in the progress file at `path` (none when it does not exist, unless `must_exist`:
/// a file named on the command line), after printing its warnings; nullopt after printing its
/// errors.
std::optional<ProgressLog> load_progress(const std::string& path, bool must_exist = false);

/// Says which ids of a progress file the graph does not know (they are left out, not fatal).
void warn_unknown(const ProgressState& state, const std::string& path);

}  // namespace mlroadmap::cli
