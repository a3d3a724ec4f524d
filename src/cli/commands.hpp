#pragma once
// The subcommands: each has an options struct, a setup_xxx that declares its flags and a
// run_xxx that does the work and returns the exit status. One source file per command.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "common_options.hpp"

namespace mlroadmap::cli {

struct PlanOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_plan(CLI::App& app, PlanOptions& options);
int run_plan(const PlanOptions& options);

struct SkillsOptions {
  std::string category;
  GraphOptions graph;
  OutputOptions output;
};
void setup_skills(CLI::App& app, SkillsOptions& options);
int run_skills(const SkillsOptions& options);

struct ShowOptions {
  std::string skill;
  GraphOptions graph;
  OutputOptions output;
};
void setup_show(CLI::App& app, ShowOptions& options);
int run_show(const ShowOptions& options);

struct WhyOptions {
  std::string skill;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_why(CLI::App& app, WhyOptions& options);
int run_why(const WhyOptions& options);

struct NextOptions {
  std::size_t limit = 0;
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_next(CLI::App& app, NextOptions& options);
int run_next(const NextOptions& options);

struct RolesOptions {
  GraphOptions graph;
  OutputOptions output;
};
void setup_roles(CLI::App& app, RolesOptions& options);
int run_roles(const RolesOptions& options);

struct GraphCommandOptions {
  PlanInputOptions input;
  GraphOptions graph;
  OutputOptions output;
};
void setup_graph(CLI::App& app, GraphCommandOptions& options);
int run_graph(const GraphCommandOptions& options);

struct ValidateOptions {
  std::vector<std::string> files;
  std::size_t max_bytes = std::size_t{1} << 30;
  OutputOptions output;
};
void setup_validate(CLI::App& app, ValidateOptions& options);
int run_validate(const ValidateOptions& options);

struct BatchOptions {
  std::string input = "-";
  std::string out_dir;
  GraphOptions graph;
  OutputOptions output;
};
void setup_batch(CLI::App& app, BatchOptions& options);
int run_batch(const BatchOptions& options);

struct CompletionsOptions {
  std::string shell;
};
void setup_completions(CLI::App& app, CompletionsOptions& options);
int run_completions(const CLI::App& app, const CompletionsOptions& options);

}  // namespace mlroadmap::cli
