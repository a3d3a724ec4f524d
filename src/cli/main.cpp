// mlroadmap: plans what to learn next on the way to becoming a Machine Learning Engineer.
// main only wires the subcommands; each lives in its own file.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/spelling.hpp"
#include "output.hpp"

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
#if defined(__GLIBC__)
  // Arrays of a megabyte or more go back to the system as soon as they are freed. Left to
  // itself glibc raises this threshold after the first large free and keeps later arrays in
  // its heap: planning a 1M-skill graph then peaked 45 MB higher.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif

  CLI::App app{
      "mlroadmap: plans what to learn next on the way to becoming a Machine Learning "
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

  // Declaring every command's flags costs about as much as planning on the built-in graph, so
  // when the first argument names a command, only that one is declared. Help, completions
  // (which describe every command) and anything unknown get them all.
  constexpr std::string_view kCommands[] = {"plan",  "skills", "show",     "why",   "next",
                                            "roles", "graph",  "validate", "batch", "completions"};
  const std::string_view first = argc > 1 ? argv[1] : "";
  const bool one = first != "completions" && std::find(std::begin(kCommands), std::end(kCommands),
                                                       first) != std::end(kCommands);
  const auto wanted = [&](std::string_view command) { return !one || first == command; };
  if (wanted("plan")) cli::setup_plan(app, plan);
  if (wanted("skills")) cli::setup_skills(app, skills);
  if (wanted("show")) cli::setup_show(app, show);
  if (wanted("why")) cli::setup_why(app, why);
  if (wanted("next")) cli::setup_next(app, next);
  if (wanted("roles")) cli::setup_roles(app, roles);
  if (wanted("graph")) cli::setup_graph(app, graph);
  if (wanted("validate")) cli::setup_validate(app, validate);
  if (wanted("batch")) cli::setup_batch(app, batch);
  if (wanted("completions")) cli::setup_completions(app, completions);

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
  const auto chosen = [&](std::string_view command) {
    return wanted(command) && app.got_subcommand(std::string(command));
  };
  if (chosen("plan")) return cli::run_plan(plan);
  if (chosen("skills")) return cli::run_skills(skills);
  if (chosen("show")) return cli::run_show(show);
  if (chosen("why")) return cli::run_why(why);
  if (chosen("next")) return cli::run_next(next);
  if (chosen("roles")) return cli::run_roles(roles);
  if (chosen("graph")) return cli::run_graph(graph);
  if (chosen("validate")) return cli::run_validate(validate);
  if (chosen("batch")) return cli::run_batch(batch);
  if (chosen("completions")) return cli::run_completions(app, completions);
  return cli::kUsageError;
}
