// The table of subcommands: name, summary, and the functions that declare and run each.

#include "commands.hpp"

#include <algorithm>
#include <memory>
#include <type_traits>

namespace mlroadmap::cli {

namespace {

template <typename Options>
Options options_of(void (*setup)(CLI::App&, Options&));

// Declares a command's flags with `setup` on a fresh options struct, which then lives as long
// as the returned runner, which hands it to `run` (with the whole program when `run` asks).
template <auto setup, auto run>
CommandRun declare(CLI::App& command) {
  using Options = decltype(options_of(setup));
  auto options = std::make_shared<Options>();
  setup(command, *options);
  return [options](const CLI::App& app) {
    if constexpr (std::is_invocable_v<decltype(run), const CLI::App&, const Options&>) {
      return run(app, *options);
    } else {
      return run(*options);
    }
  };
}

struct Command {
  std::string_view name;
  std::string_view summary;
  CommandRun (*declare)(CLI::App& command);
};

constexpr Command kCommands[] = {
    {"plan", "Plan what to learn for a goal: every unmet prerequisite, in order, by stage",
     declare<setup_plan, run_plan>},
    {"skills", "List the skills, by category, with hours and a summary",
     declare<setup_skills, run_skills>},
    {"show",
     "Everything about one skill: summary, prerequisites and why, what it unlocks, resources, "
     "milestone",
     declare<setup_show, run_show>},
    {"why", "Why a skill is in your plan: the chains from your goal down to it, with reasons",
     declare<setup_why, run_why>},
    {"next", "What you can start right now, the skills that unlock most of your plan first",
     declare<setup_next, run_next>},
    {"roles", "The roles: how they differ, what each takes from nothing, pay where known",
     declare<setup_roles, run_roles>},
    {"graph", "Draw the whole graph by category, or with --goal/--have a plan by stage",
     declare<setup_graph, run_graph>},
    {"validate", "Check skill graph files: every error and warning, with file, line and column",
     declare<setup_validate, run_validate>},
    {"merge", "Print a graph that extends another merged into one self-contained graph file",
     declare<setup_merge, run_merge>},
    {"batch", "Plan for many people at once: JSON Lines profiles in, one JSON plan per line out",
     declare<setup_batch, run_batch>},
    {"completions", "Print a completion script for bash, zsh or fish",
     declare<setup_completions, run_completions>},
};

}  // namespace

std::vector<DeclaredCommand> declare_commands(CLI::App& app, std::string_view first) {
  // Help, completions (which describe every command) and anything unknown get them all.
  const bool one =
      first != "completions" && std::any_of(std::begin(kCommands), std::end(kCommands),
                                            [&](const Command& c) { return c.name == first; });
  std::vector<DeclaredCommand> declared;
  for (const Command& c : kCommands) {
    if (one && c.name != first) continue;
    CLI::App* command = app.add_subcommand(std::string(c.name), std::string(c.summary));
    declared.push_back({command, c.declare(*command)});
  }
  return declared;
}

}  // namespace mlroadmap::cli
