#pragma once
// The parts that several JSON documents share, written one way for all of them: a plan's goals
// and its totals.

#include "json_writer.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap::detail {

/// "goals": [{"kind": "role", "id": ..., "name": ...}, ...]
void write_goals(JsonWriter& json, const SkillGraph& graph, const Plan& plan);

/// "totals": {"steps", "stages", "hours"}, and with a pace the weeks and dates.
void write_totals(JsonWriter& json, const Plan& plan, const PlanSchedule& schedule);

}  // namespace mlroadmap::detail
