// mlroadmap: plans what to learn next on the way to becoming a Machine Learning Engineer.
// main only wires the subcommands; each lives in its own file.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <optional>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "help.hpp"
#include "mlroadmap/graph_loader.hpp"
#include "mlroadmap/spelling.hpp"
#include "mlroadmap/threads.hpp"
#include "output.hpp"

namespace {

namespace cli = mlroadmap::cli;
using mlroadmap::closest_matches;
using mlroadmap::did_you_mean;

// "mlroadmap 0.1.0", then the built-in graph: its title, the edition of its content and its
// size. The graph is loaded only when the version is asked for.
std::string program_version() {
  std::string text = fmt::format("mlroadmap {}\n", MLROADMAP_VERSION);
  const mlroadmap::GraphLoadResult builtin = mlroadmap::load_builtin_graph();
  if (builtin.graph) {
    const mlroadmap::SkillGraph& graph = *builtin.graph;
    text += fmt::format("built-in graph: {}", graph.title());
    if (!graph.version().empty()) text += fmt::format(", version {}", graph.version());
    text += fmt::format(", {} skills\n", graph.skill_count());
  }
  return text;
}

// What the first argument asks for when it is not a command: the overview, the version, or
// nothing known (said on stderr). nullopt when it names a command.
std::optional<int> program_level(std::string_view first, int argc) {
  if (first == "--version") {
    if (argc > 2) {
      cli::print_error("--version takes nothing after it");
      return cli::kUsageError;
    }
    return cli::write_stdout(program_version()) ? cli::kSuccess : cli::kDataError;
  }
  if (first.starts_with('-')) {
    const std::vector<std::string_view> flags{"--help", "--version"};
    cli::print_error(fmt::format("unknown option '{}'{}; see 'mlroadmap --help'", first,
                                 did_you_mean(closest_matches(first, flags))));
    return cli::kUsageError;
  }
  if (!cli::is_command(first)) {
    std::vector<std::string_view> names;
    CLI::App app;
    const auto commands = cli::declare_commands(app, "");
    for (const cli::DeclaredCommand& c : commands) names.push_back(c.info.name);
    cli::print_error(fmt::format("unknown command '{}'{}; see 'mlroadmap --help'", first,
                                 did_you_mean(closest_matches(first, names))));
    return cli::kUsageError;
  }
  return std::nullopt;
}

int overview() {
  CLI::App app;
  std::vector<cli::CommandInfo> infos;
  for (cli::DeclaredCommand& c : cli::declare_commands(app, "")) infos.push_back(c.info);
  return cli::write_stdout(cli::program_help(infos, cli::terminal_width())) ? cli::kSuccess
                                                                             : cli::kDataError;
}

// Checks and parses the command line of the command `argv[1]` names, then runs it.
int run_command(int argc, char** argv) {
  CLI::App app;
  std::vector<cli::DeclaredCommand> commands = cli::declare_commands(app, argv[1]);
  std::vector<cli::CommandInfo> infos;
  for (const cli::DeclaredCommand& c : commands) infos.push_back(c.info);
  const cli::DeclaredCommand* chosen = nullptr;
  for (const cli::DeclaredCommand& c : commands) {
    if (c.info.name == argv[1]) chosen = &c;
  }
  const std::vector<std::string_view> args(argv + 2, argv + argc);
  std::vector<std::string> normalized;
  switch (cli::check_arguments(chosen->info, args, normalized)) {
    case cli::ArgumentCheck::wrong: return cli::kUsageError;
    case cli::ArgumentCheck::help:
      return cli::write_stdout(cli::command_help(chosen->info, cli::terminal_width()))
                 ? cli::kSuccess
                 : cli::kDataError;
    case cli::ArgumentCheck::run: break;
  }
  try {
    // The command alone reads its arguments, as a program of its own: a word naming another
    // command ('help plan') is then an argument.
    std::vector<std::string> reversed(normalized.rbegin(), normalized.rend());
    chosen->command->parse(reversed);
  } catch (const CLI::ParseError&) {
    // The check above accepts only what CLI11 accepts; should they ever disagree, the
    // library's words still stay out of sight.
    cli::print_error(fmt::format("cannot read these arguments for '{}'; see 'mlroadmap {} --help'",
                                 argv[1], argv[1]));
    return cli::kUsageError;
  }
  return chosen->run(infos);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled where we write
  std::signal(SIGXFSZ, SIG_IGN);  // past a file size limit, a write fails with EFBIG, said in words
#if defined(__GLIBC__)
  // Arrays of a megabyte or more go back to the system as soon as they are freed. Left to
  // itself glibc raises this threshold after the first large free and keeps later arrays in
  // its heap: planning a 1M-skill graph then peaked 45 MB higher.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif

  // One setting for every pass of the core that could use a second thread.
  const auto threads = mlroadmap::thread_limit_from_environment();
  if (!threads) {
    cli::print_error(threads.error());
    return cli::kUsageError;
  }
  mlroadmap::set_thread_limit(*threads);

  const std::string_view first = argc > 1 ? argv[1] : "";
  if (argc < 2 || first == "--help" || first == "-h") return overview();
  if (const auto status = program_level(first, argc)) return *status;
  return run_command(argc, argv);
}
