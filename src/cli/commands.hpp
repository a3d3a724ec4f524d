#pragma once
// The subcommands: each has an options struct, a setup_xxx that declares its flags on its
// subcommand and a run_xxx that does the work and returns the exit status. One source file per
// command; commands.cpp lists them all in one table.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common_options.hpp"

namespace mlroadmap::cli {

/// Runs a command whose flags have been parsed; `app` is the whole program's.
using CommandRun = std::function<int(const CLI::App& app)>;

/// A subcommand declared on the program, and what runs it when it is the one chosen.
struct DeclaredCommand {
  CLI::App* command;
  CommandRun run;
};

/// Adds the subcommands to `app`, in the order help and completions list them. When `first`
/// (the first argument) names a command other than completions, only that one is declared:
/// declaring every command's flags costs about as much as planning on the built-in graph.
std::vector<DeclaredCommand> declare_commands(CLI::App& app, std::string_view first);

struct PlanOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_plan(CLI::App& command, PlanOptions& options);
int run_plan(const PlanOptions& options);

struct SkillsOptions {
  std::string category;
  GraphOptions graph;
  OutputOptions output;
};
void setup_skills(CLI::App& command, SkillsOptions& options);
int run_skills(const SkillsOptions& options);

struct ShowOptions {
  std::string skill;
  GraphOptions graph;
  OutputOptions output;
};
void setup_show(CLI::App& command, ShowOptions& options);
int run_show(const ShowOptions& options);

struct WhyOptions {
  std::string skill;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_why(CLI::App& command, WhyOptions& options);
int run_why(const WhyOptions& options);

struct NextOptions {
  std::size_t limit = 0;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_next(CLI::App& command, NextOptions& options);
int run_next(const NextOptions& options);

struct RolesOptions {
  GraphOptions graph;
  OutputOptions output;
};
void setup_roles(CLI::App& command, RolesOptions& options);
int run_roles(const RolesOptions& options);

struct GraphCommandOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_graph(CLI::App& command, GraphCommandOptions& options);
int run_graph(const GraphCommandOptions& options);

struct ValidateOptions {
  std::vector<std::string> files;
  std::size_t max_bytes = std::size_t{1} << 30;
  OutputOptions output;
};
void setup_validate(CLI::App& command, ValidateOptions& options);
int run_validate(const ValidateOptions& options);

struct MergeOptions {
  GraphOptions graph;
  OutputOptions output;
};
void setup_merge(CLI::App& command, MergeOptions& options);
int run_merge(const MergeOptions& options);

struct BatchOptions {
  std::string input = "-";
  std::string out_dir;
  GraphOptions graph;
  OutputOptions output;
};
void setup_batch(CLI::App& command, BatchOptions& options);
int run_batch(const BatchOptions& options);

struct CompletionsOptions {
  std::string shell;
};
void setup_completions(CLI::App& command, CompletionsOptions& options);
int run_completions(const CLI::App& app, const CompletionsOptions& options);

}  // namespace mlroadmap::cli
