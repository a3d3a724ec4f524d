#include "graph_parts.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap {

std::string_view goal_name(const SkillGraph& graph, const Goal& goal) {
  return goal.kind == Goal::Kind::role ? graph.role(goal.index).name : graph.skill(goal.index).name;
}

std::string_view goal_id(const SkillGraph& graph, const Goal& goal) {
  return goal.kind == Goal::Kind::role ? graph.role(goal.index).id : graph.skill(goal.index).id;
}

namespace {

void write_plan(detail::JsonWriter& json, const SkillGraph& graph, const Plan& plan);

void begin_record(detail::JsonWriter& json, RecordId id, std::size_t line, bool ok) {
  json.begin_object();
  json.member("schema_version", std::int64_t{2});
  json.key("id");
  if (id.text.empty())
    json.null();
  else if (id.number)
    json.number_text(id.text);
  else
    json.value(id.text);
  json.member("line", static_cast<std::int64_t>(line));
  json.member("ok", ok);
}

}  // namespace

std::string render_plan_json(const SkillGraph& graph, const Plan& plan, bool compact) {
  std::string out;
  out.reserve(256 + plan.steps.size() * 280);
  detail::JsonWriter json(out, compact ? 0 : 2);
  write_plan(json, graph, plan);
  return out;
}

void render_plan_json(const SkillGraph& graph, const Plan& plan, const TextSink& sink,
                      bool compact) {
  std::string out;
  detail::JsonWriter json(out, compact ? 0 : 2);
  json.flush_into(sink);
  write_plan(json, graph, plan);
  if (!out.empty()) sink(out);
}

void render_plan_ids(const SkillGraph& graph, const Plan& plan, const TextSink& sink) {
  std::string out;
  // Steps are in plan order, skills all over memory: each skill's record, then its id, is
  // asked for a few steps ahead so their cache misses overlap.
  constexpr std::size_t kAhead = 8;
  const std::size_t n = plan.steps.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k + 2 * kAhead < n) detail::prefetch(&graph.skill(plan.steps[k + 2 * kAhead].skill));
    if (k + kAhead < n) detail::prefetch(graph.skill(plan.steps[k + kAhead].skill).id.data());
    const PlanStep& step = plan.steps[k];
    out += graph.skill(step.skill).id;
    out += '\n';
    if (out.size() >= (1 << 20)) {
      sink(out);
      out.clear();
    }
  }
  if (!out.empty()) sink(out);
}

std::string render_plan_ids(const SkillGraph& graph, const Plan& plan) {
  std::string out;
  render_plan_ids(graph, plan, [&](std::string_view text) { out += text; });
  return out;
}

std::string render_batch_plan(const SkillGraph& graph, const Plan& plan, RecordId id,
                              std::size_t line) {
  std::string out;
  out.reserve(512 + plan.steps.size() * 400);
  detail::JsonWriter json(out, 0);
  begin_record(json, id, line, true);
  json.key("plan");
  write_plan(json, graph, plan);
  json.end_object();
  out += '\n';
  return out;
}

std::string render_batch_written(RecordId id, std::size_t line, std::string_view file) {
  std::string out;
  detail::JsonWriter json(out, 0);
  begin_record(json, id, line, true);
  json.member("file", file);
  json.end_object();
  out += '\n';
  return out;
}

std::string render_batch_failure(RecordId id, std::size_t line,
                                 const std::vector<Diagnostic>& problems) {
  std::string out;
  detail::JsonWriter json(out, 0);
  begin_record(json, id, line, false);
  json.key("errors");
  json.begin_array();
  for (const Diagnostic& d : problems) {
    json.begin_object();
    json.member("code", to_string(d.code));
    if (d.column > 0) json.member("column", d.column);
    json.member("message", d.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

namespace {

// Each step names the steps it waits for and unlocks, which sit anywhere in the plan: reading
// their ids waits on memory three times (the step, its skill, the id), and the reasons twice
// (where the step's requirements start, the requirements). For a large plan those are asked
// for a few steps ahead, one level at a time, so the waits overlap.
void prefetch_step_texts(const SkillGraph& graph, const Plan& plan, std::size_t i) {
  constexpr std::size_t kAhead = 4;
  const std::size_t n = plan.steps.size();
  const auto linked = [&](std::size_t at, auto visit) {
    visit(at);
    for (const PlanLink& link : plan.waits_for(at)) visit(link.step);
    for (const std::uint32_t u : plan.unlocks(at)) visit(u);
  };
  if (i + 3 * kAhead < n) {
    linked(i + 3 * kAhead, [&](std::size_t s) { detail::prefetch(&plan.steps[s]); });
    prefetch_requirement_start(graph, plan.steps[i + 3 * kAhead].skill);
  }
  if (i + 2 * kAhead < n) {
    prefetch_requirements(graph, plan.steps[i + 2 * kAhead].skill);
    linked(i + 2 * kAhead,
           [&](std::size_t s) { detail::prefetch(&graph.skill(plan.steps[s].skill)); });
  }
  if (i + kAhead < n) {
    linked(i + kAhead, [&](std::size_t s) {
      const Skill& skill = graph.skill(plan.steps[s].skill);
      detail::prefetch(skill.id.data());
      if (s == i + kAhead) detail::prefetch(skill.name.data());
    });
  }
}

void write_id_list(detail::JsonWriter& json, const SkillGraph& graph, std::string_view name,
                   const std::vector<SkillIndex>& skills) {
  json.key(name);
  json.begin_array();
  for (const SkillIndex s : skills) json.value(graph.skill(s).id);
  json.end_array();
}

// The weeks of a step or stage, and with a start date the days they cover.
void write_weeks(detail::JsonWriter& json, const Plan& plan, std::string_view name,
                 WeekSpan weeks) {
  json.key(name);
  json.begin_object();
  json.member("first", weeks.first);
  json.member("last", weeks.last);
  json.end_object();
  if (!plan.start) return;
  const DateSpan dates = dates_of(weeks, *plan.start);
  json.key("dates");
  json.begin_object();
  json.member("first", format_date(dates.first));
  json.member("last", format_date(dates.last));
  json.end_object();
}

void write_goals(detail::JsonWriter& json, const SkillGraph& graph, const Plan& plan) {
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

void write_totals(detail::JsonWriter& json, const Plan& plan, const PlanSchedule& schedule) {
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

void write_stages(detail::JsonWriter& json, const Plan& plan, const PlanSchedule& schedule) {
  json.key("stages");
  json.begin_array();
  for (const StageTotals& stage : stage_totals(plan)) {
    json.begin_object();
    json.member("stage", stage.stage);
    json.member("steps", static_cast<std::int64_t>(stage.steps));
    json.member("hours", stage.hours);
    if (plan.hours_per_week > 0) write_weeks(json, plan, "weeks", schedule.stages[stage.stage - 1]);
    json.end_object();
  }
  json.end_array();
}

// Whether step `waiting` waits for step `step` only as a recommendation.
bool only_recommends(const Plan& plan, std::uint32_t waiting, std::size_t step) {
  for (const PlanLink& link : plan.waits_for(waiting)) {
    if (link.step == step) return link.recommended != 0;
  }
  return false;
}

// What kind of step a skill is, and for a step chosen from any_of groups, the rule that chose
// it and the members the learner could take instead.
// `next_choice` walks plan.choices along with the steps (both are in step order).
void write_step_kind_and_choice(detail::JsonWriter& json, const SkillGraph& graph,
                                const Plan& plan, std::size_t i, std::size_t& next_choice) {
  json.member("kind", to_string(graph.skill(plan.steps[i].skill).kind));
  if (next_choice == plan.choices.size() || plan.choices[next_choice].step != i) return;
  const StepChoice* choice = &plan.choices[next_choice++];
  json.member("chosen_by", to_string(choice->chosen_by));
  json.key("alternatives");
  json.begin_array();
  for (const SkillIndex s : choice->alternatives) json.value(graph.skill(s).id);
  json.end_array();
}

// The steps in plan order, each with the steps it waits for (and why) and those it unlocks.
// This loop is most of the time of a large plan's JSON: keep its work per step as it is.
void write_steps(detail::JsonWriter& json, const SkillGraph& graph, const Plan& plan,
                 const PlanSchedule& schedule) {
  const bool paced = plan.hours_per_week > 0;
  std::size_t next_choice = 0;
  json.key("steps");
  json.begin_array();
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    prefetch_step_texts(graph, plan, i);
    const PlanStep& step = plan.steps[i];
    const Skill& skill = graph.skill(step.skill);
    json.begin_object();
    json.member("id", skill.id);
    json.member("name", skill.name);
    json.member("category", graph.category_of(step.skill).id);
    json.member("stage", step.stage);
    json.member("hours", skill.hours);
    json.member("goal", step.is_goal);
    write_step_kind_and_choice(json, graph, plan, i, next_choice);
    if (paced) write_weeks(json, plan, "weeks", schedule.steps[i]);
    json.key("waits_for");
    json.begin_array();
    for (const PlanLink& link : plan.waits_for(i)) {
      json.begin_object();
      json.member("id", graph.skill(plan.steps[link.step].skill).id);
      const std::string_view why = link_why(graph, step.skill, link);
      if (!why.empty()) json.member("why", why);
      if (link.recommended) json.member("kind", "recommended");
      json.end_object();
    }
    json.end_array();
    json.key("unlocks");
    json.begin_array();
    for (const std::uint32_t u : plan.unlocks(i)) {
      json.begin_object();
      json.member("id", graph.skill(plan.steps[u].skill).id);
      if (graph.has_recommendations() && only_recommends(plan, u, i)) {
        json.member("kind", "recommended");
      }
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
}

void write_plan(detail::JsonWriter& json, const SkillGraph& graph, const Plan& plan) {
  const PlanSchedule schedule = schedule_plan(plan);
  json.begin_object();
  json.member("schema_version", std::int64_t{2});
  json.member("graph", graph.title());
  if (!graph.version().empty()) json.member("graph_version", graph.version());
  write_goals(json, graph, plan);
  write_id_list(json, graph, "have", plan.have);
  json.member("exact", plan.exact);
  write_id_list(json, graph, "covered", plan.covered);
  write_totals(json, plan, schedule);
  write_stages(json, plan, schedule);
  write_steps(json, graph, plan, schedule);
  json.end_object();
}

}  // namespace

}  // namespace mlroadmap
