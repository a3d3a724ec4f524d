// mlroadmap: plans what to learn next on the way to becoming a Machine Learning Engineer.
// main only wires the subcommands; each lives in its own file.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <string_view>
#include <vector>

#include "exit_codes.hpp"
#include "output.hpp"
#include "plan_command.hpp"

namespace {

// A mistyped command gets a suggestion instead of CLI11's generic complaint.
bool check_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return true;
  const std::string_view word = argv[1];
  if (word.empty() || word.front() == '-') return true;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  for (const std::string& name : names) {
    if (name == word) return true;
  }
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& name : names) {
    // Cheap distance: length of the common prefix and shared letters are enough for a handful
    // of commands.
    std::size_t d = 0;
    for (std::size_t i = 0; i < std::max(name.size(), word.size()); ++i) {
      if (i >= name.size() || i >= word.size() || name[i] != word[i]) ++d;
    }
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  std::string message = "unknown command '" + std::string(word) + "'";
  if (!best.empty()) message += " (did you mean '" + best + "'?)";
  mlroadmap::cli::print_error(message + "; see 'mlroadmap --help'");
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled where we write

  CLI::App app{"mlroadmap: plans what to learn next on the way to becoming a Machine Learning "
               "Engineer"};
  app.set_version_flag("--version", std::string("mlroadmap ") + MLROADMAP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  mlroadmap::cli::PlanOptions plan_options;
  mlroadmap::cli::setup_plan(app, plan_options);

  if (!check_command(app, argc, argv)) return mlroadmap::cli::kUsageError;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    mlroadmap::cli::print_error(e.what());
    fmt::print(stderr, "Run with --help for more information.\n");
    return mlroadmap::cli::kUsageError;
  }
  if (app.got_subcommand("plan")) return mlroadmap::cli::run_plan(plan_options);
  return mlroadmap::cli::kUsageError;
}
