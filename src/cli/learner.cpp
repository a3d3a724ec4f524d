#include "learner.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

#include "mlroadmap/input.hpp"
#include "output.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kMaxProfileBytes = std::size_t{1} << 20;

// An environment variable's value; empty when it is unset.
std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// `$variable/relative`, else `$HOME/fallback/relative`: the XDG rule, under which a base
// directory that is not absolute is ignored. Empty when neither can be named.
std::string xdg_path(const char* variable, std::string_view fallback, std::string_view relative) {
  const std::string base = environment(variable);
  if (base.starts_with('/')) return fmt::format("{}/{}", base, relative);
  const std::string home = environment("HOME");
  if (home.empty()) return {};
  return fmt::format("{}/{}/{}", home, fallback, relative);
}

bool exists(const std::string& path) {
  struct stat status {};
  return ::stat(path.c_str(), &status) == 0;
}

}  // namespace

std::optional<CalendarDate> today() {
  const std::string forced = environment("MLROADMAP_TODAY");
  if (!forced.empty()) {
    const auto date = parse_date(forced);
    if (!date) print_error(fmt::format("MLROADMAP_TODAY: '{}' is not a date as YYYY-MM-DD", forced));
    return date;
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return CalendarDate{local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                      static_cast<unsigned>(local.tm_mday)};
}

std::string default_profile_path() {
  const std::string named = environment("MLROADMAP_PROFILE");
  if (!named.empty()) return named;
  return xdg_path("XDG_CONFIG_HOME", ".config", "mlroadmap/profile.json");
}

std::string default_progress_path() {
  const std::string named = environment("MLROADMAP_PROGRESS");
  if (!named.empty()) return named;
  return xdg_path("XDG_STATE_HOME", ".local/state", "mlroadmap/progress.jsonl");
}

std::string profile_path(const std::string& flag, bool no_profile) {
  if (!flag.empty()) return flag;
  if (no_profile) return {};
  std::string path = default_profile_path();
  return !path.empty() && exists(path) ? path : std::string();
}

std::string progress_read_path(const std::string& flag, bool no_progress) {
  if (!flag.empty()) return flag;
  if (no_progress) return {};
  std::string path = default_progress_path();
  return !path.empty() && exists(path) ? path : std::string();
}

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

std::optional<ProgressLog> load_progress(const std::string& path, bool must_exist) {
  if (must_exist && !exists(path)) {
    print_error(fmt::format("cannot read '{}': no such progress file", path));
    return std::nullopt;
  }
  auto log = read_progress_file(path);
  if (!log) {
    print_diagnostics(log.error());
    return std::nullopt;
  }
  print_diagnostics(log->warnings);
  return std::move(*log);
}

void warn_unknown(const ProgressState& state, const std::string& path) {
  if (state.unknown.empty()) return;
  std::string ids;
  for (const std::string& id : state.unknown) ids += (ids.empty() ? "" : ", ") + id;
  print_diagnostics({Diagnostic{Severity::warning, path, 0, 0,
                                fmt::format("skills this graph does not know, left out: {}", ids),
                                {}}});
}

}  // namespace mlroadmap::cli
