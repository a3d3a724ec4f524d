// mlroadmap: plans what to learn next on the way to becoming a Machine Learning Engineer.
// main only wires the subcommands; each lives in its own file.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <optional>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/spelling.hpp"
#include "mlroadmap/threads.hpp"
#include "output.hpp"

namespace {

using mlroadmap::closest_matches;
using mlroadmap::did_you_mean;

// "mlroadmap 0.1.0 (graph 2026.11)": the program's version and the edition of the built-in
// graph, which is loaded only when the version is asked for.
std::string program_version() {
  std::string text = fmt::format("mlroadmap {}", MLROADMAP_VERSION);
  const mlroadmap::GraphLoadResult builtin = mlroadmap::load_builtin_graph();
  if (builtin.graph && !builtin.graph->version().empty()) {
    text += fmt::format(" (graph {})", builtin.graph->version());
  }
  return text;
}

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

// Parses the command line; the exit status when that is all there is to do (help, version, a
// flag CLI11 refuses), else nullopt.
std::optional<int> parse(CLI::App& app, int argc, char** argv) {
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
  return std::nullopt;
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

  namespace cli = mlroadmap::cli;
  // One setting for every pass of the core that could use a second thread.
  const auto threads = mlroadmap::thread_limit_from_environment();
  if (!threads) {
    cli::print_error(threads.error());
    return cli::kUsageError;
  }
  mlroadmap::set_thread_limit(*threads);

  CLI::App app{
      "mlroadmap: plans what to learn next on the way to becoming a Machine Learning "
      "Engineer"};
  app.set_version_flag("--version", program_version);
  app.require_subcommand(1);
  app.fallthrough(false);
  const std::vector<cli::DeclaredCommand> commands =
      cli::declare_commands(app, argc > 1 ? argv[1] : "");

  if (!check_arguments(app, argc, argv)) return cli::kUsageError;
  if (const auto status = parse(app, argc, argv)) return *status;
  for (const cli::DeclaredCommand& declared : commands) {
    if (declared.command->parsed()) return declared.run(app);
  }
  return cli::kUsageError;
}
