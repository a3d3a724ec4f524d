// mlroadmap: plans what to learn next on the way to becoming a Machine Learning Engineer.
// main only wires the subcommands; each lives in its own file.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <string_view>
#include <vector>

#include "exit_codes.hpp"
#include "mlroadmap/spelling.hpp"
#include "output.hpp"
#include "commands.hpp"

namespace {

using mlroadmap::closest_matches;
using mlroadmap::did_you_mean;

// Mistyped commands and flags get a suggestion instead of CLI11's generic complaint.
bool check_arguments(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return true;
  const std::string_view word = argv[1];
  if (word.empty() || word.front() == '-') return true;
  const CLI::App* command = nullptr;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names.push_back(sub->get_name());
    if (sub->get_name() == word) command = sub;
  }
  if (command == nullptr) {
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    mlroadmap::cli::print_error(fmt::format("unknown command '{}'{}; see 'mlroadmap --help'", word,
                                            did_you_mean(closest_matches(word, candidates))));
    return false;
  }
  std::vector<std::string> flags{"--help"};
  for (const CLI::Option* option : command->get_options()) {
    for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
  }
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (!arg.starts_with("--")) continue;
    const std::string_view flag = arg.substr(0, arg.find('='));
    if (std::find(flags.begin(), flags.end(), flag) != flags.end()) continue;
    const std::vector<std::string_view> candidates(flags.begin(), flags.end());
    mlroadmap::cli::print_error(
        fmt::format("unknown option '{}' for '{}'{}; see 'mlroadmap {} --help'", flag, word,
                    did_you_mean(closest_matches(flag, candidates)), word));
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled where we write

  CLI::App app{"mlroadmap: plans what to learn next on the way to becoming a Machine Learning "
               "Engineer"};
  app.set_version_flag("--version", std::string("mlroadmap ") + MLROADMAP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  namespace cli = mlroadmap::cli;
  cli::PlanOptions plan;
  cli::SkillsOptions skills;
  cli::ShowOptions show;
  cli::WhyOptions why;
  cli::NextOptions next;
  cli::RolesOptions roles;
  cli::GraphCommandOptions graph;
  cli::ValidateOptions validate;
  cli::BatchOptions batch;
  cli::CompletionsOptions completions;
  cli::setup_plan(app, plan);
  cli::setup_skills(app, skills);
  cli::setup_show(app, show);
  cli::setup_why(app, why);
  cli::setup_next(app, next);
  cli::setup_roles(app, roles);
  cli::setup_graph(app, graph);
  cli::setup_validate(app, validate);
  cli::setup_batch(app, batch);
  cli::setup_completions(app, completions);

  if (!check_arguments(app, argc, argv)) return cli::kUsageError;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    cli::print_error(e.what());
    fmt::print(stderr, "Run with --help for more information.\n");
    return cli::kUsageError;
  }
  if (app.got_subcommand("plan")) return cli::run_plan(plan);
  if (app.got_subcommand("skills")) return cli::run_skills(skills);
  if (app.got_subcommand("show")) return cli::run_show(show);
  if (app.got_subcommand("why")) return cli::run_why(why);
  if (app.got_subcommand("next")) return cli::run_next(next);
  if (app.got_subcommand("roles")) return cli::run_roles(roles);
  if (app.got_subcommand("graph")) return cli::run_graph(graph);
  if (app.got_subcommand("validate")) return cli::run_validate(validate);
  if (app.got_subcommand("batch")) return cli::run_batch(batch);
  if (app.got_subcommand("completions")) return cli::run_completions(app, completions);
  return cli::kUsageError;
}
