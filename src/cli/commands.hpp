#pragma once
// The subcommands: each has an options struct, a setup_xxx that declares its flags (through
// CommandFlags, which describes them for help, usage errors and completions) and a run_xxx that
// does the work and returns the exit status. One source file per command; commands.cpp lists
// them all in one table, with the examples their help ends with.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common_options.hpp"
#include "flags.hpp"
#include "profile_input.hpp"

namespace mlroadmap::cli {

/// A command line to copy, and what it does.
struct Example {
  std::string_view command;  ///< "mlroadmap plan --have python,sql"
  std::string_view what;     ///< "Plan for someone who knows Python and SQL"
};

/// A command as help and completions describe it.
struct CommandInfo {
  std::string name;
  std::string summary;
  std::vector<Example> examples;
  std::vector<Flag> flags;  ///< -h, --help first, then as declared; positionals among them
};

/// Runs a command whose flags have been parsed; `commands` are every command declared.
using CommandRun = std::function<int(const std::vector<CommandInfo>& commands)>;

/// A subcommand declared on the program, what runs it when it is the one chosen, and its
/// description.
struct DeclaredCommand {
  CLI::App* command;
  CommandRun run;
  CommandInfo info;
};

/// Adds the subcommands to `app`, in the order help and completions list them. When `first`
/// (the first argument) names a command other than completions or help, only that one is
/// declared: declaring every command's flags costs about as much as planning on the built-in
/// graph.
std::vector<DeclaredCommand> declare_commands(CLI::App& app, std::string_view first);

/// Whether `name` is one of the program's commands.
bool is_command(std::string_view name);

/// The examples the program's own help ends with.
std::vector<Example> program_examples();

struct PlanOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_plan(CommandFlags& command, PlanOptions& options);
int run_plan(const PlanOptions& options);

struct SkillsOptions {
  std::string category;
  bool categories = false;
  GraphOptions graph;
  OutputOptions output;
};
void setup_skills(CommandFlags& command, SkillsOptions& options);
int run_skills(const SkillsOptions& options);

struct ShowOptions {
  std::string skill;
  GraphOptions graph;
  OutputOptions output;
};
void setup_show(CommandFlags& command, ShowOptions& options);
int run_show(const ShowOptions& options);

struct WhyOptions {
  std::string skill;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_why(CommandFlags& command, WhyOptions& options);
int run_why(const WhyOptions& options);

struct NextOptions {
  std::size_t limit = 0;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_next(CommandFlags& command, NextOptions& options);
int run_next(const NextOptions& options);

struct RolesOptions {
  GraphOptions graph;
  OutputOptions output;
};
void setup_roles(CommandFlags& command, RolesOptions& options);
int run_roles(const RolesOptions& options);

struct GraphCommandOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_graph(CommandFlags& command, GraphCommandOptions& options);
int run_graph(const GraphCommandOptions& options);

struct ValidateOptions {
  std::vector<std::string> files;
  std::size_t max_bytes = std::size_t{1} << 30;
  OutputOptions output;
};
void setup_validate(CommandFlags& command, ValidateOptions& options);
int run_validate(const ValidateOptions& options);

struct MergeOptions {
  GraphOptions graph;
  OutputOptions output;
};
void setup_merge(CommandFlags& command, MergeOptions& options);
int run_merge(const MergeOptions& options);

struct BatchOptions {
  ProfileInputOptions input;
  std::string out_dir;
  GraphOptions graph;
  OutputOptions output;
};
void setup_batch(CommandFlags& command, BatchOptions& options);
int run_batch(const BatchOptions& options);

struct MatchOptions {
  std::string input = "-";
  GraphOptions graph;
  OutputOptions output;
};
void setup_match(CommandFlags& command, MatchOptions& options);
int run_match(const MatchOptions& options);

struct ReportOptions {
  ProfileInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_report(CommandFlags& command, ReportOptions& options);
int run_report(const ReportOptions& options);

struct CompletionsOptions {
  std::string shell;
};
void setup_completions(CommandFlags& command, CompletionsOptions& options);
int run_completions(const std::vector<CommandInfo>& commands, const CompletionsOptions& options);

struct HelpOptions {
  std::string command;
};
void setup_help(CommandFlags& command, HelpOptions& options);
int run_help(const std::vector<CommandInfo>& commands, const HelpOptions& options);

}  // namespace mlroadmap::cli
