#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "common_options.hpp"

namespace mlroadmap::cli {

struct PlanOptions {
  std::vector<std::string> have;
  std::vector<std::string> goals;
  bool exact = false;
  double hours_per_week = 0;
  GraphOptions graph;
  OutputOptions output;
};

void setup_plan(CLI::App& app, PlanOptions& options);
int run_plan(const PlanOptions& options);

}  // namespace mlroadmap::cli
