#include "json_vocabulary.hpp"

#include "mlroadmap/render.hpp"

namespace mlroadmap::detail {

void write_goals(JsonWriter& json, const SkillGraph& graph, const Plan& plan) {
  json.key("goals");
  json.begin_array();
  for (const Goal& goal : plan.goals) {
    json.begin_object();
    json.member("kind", goal.kind == Goal::Kind::role ? "role" : "skill");
    json.member("id", goal_id(graph, goal));
    json.member("name", goal_name(graph, goal));
    json.end_object();
  }
  json.end_array();
}

void write_totals(JsonWriter& json, const Plan& plan, const PlanSchedule& schedule) {
  json.key("totals");
  json.begin_object();
  json.member("steps", static_cast<std::int64_t>(plan.steps.size()));
  json.member("stages", plan.stage_count);
  json.member("hours", plan.total_hours);
  if (plan.hours_per_week > 0) {
    json.member("hours_per_week", plan.hours_per_week);
    json.member("weeks", schedule.weeks);
    if (plan.start) {
      json.member("start", format_date(*plan.start));
      if (schedule.weeks > 0) {
        json.member("finish", format_date(dates_of({1, schedule.weeks}, *plan.start).last));
      }
    }
  }
  json.end_object();
}

}  // namespace mlroadmap::detail
