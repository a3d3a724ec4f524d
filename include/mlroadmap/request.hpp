#pragma once
// From what a person asks, in names, to what the planner is asked, in graph indices.

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/profile.hpp"

namespace mlroadmap {

/// What a person asks for directly, on the command line, as typed. One rule lays it over a
/// profile: lists add to the profile's, single values replace the profile's.
struct RequestFlags {
  std::optional<std::vector<std::string>> have;  ///< added to the profile's
  std::vector<std::string> goals;                ///< added to the profile's
  std::vector<std::string> prefer;               ///< added after the profile's
  std::optional<bool> exact;
  std::optional<double> hours_per_week;
  std::string start;  ///< YYYY-MM-DD as typed; empty: the profile's
};

/// The plan request that `flags` over `profile` describe, every name resolved on `graph` and
/// a goal given twice kept once. Otherwise what is wrong, as diagnostics without a file: a
/// start date that is not one or has no pace, alone; else every unknown name.
std::expected<PlanRequest, std::vector<Diagnostic>> resolve_request(const SkillGraph& graph,
                                                                    const Profile& profile,
                                                                    const RequestFlags& flags = {});

}  // namespace mlroadmap
