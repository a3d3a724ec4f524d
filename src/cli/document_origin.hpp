#pragma once
// The note at the end of a Markdown plan: the command that makes it again, and what else
// shaped it.

#include "commands.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap::cli {

/// The plan command as it can be run again: the arguments that shaped the plan in a fixed
/// order, file names without their directories when they were given as absolute paths, and a
/// note for each input besides the command line (a profile, a progress file, the
/// MLROADMAP_GRAPH variable). `sources` names the profile and progress file actually read.
DocumentOrigin document_origin(const PlanOptions& options, const Sources& sources);

}  // namespace mlroadmap::cli
