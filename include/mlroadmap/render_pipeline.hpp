#pragma once
// What pipelines read: plans as CSV rows for spreadsheets, names matched to skills, and a
// cohort's report. CSV is RFC 4180 with a header row; a cell that starts with =, +, -, @, a
// tab or a carriage return gets a leading ' so that a spreadsheet never runs it as a formula.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/cohort.hpp"
#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/match.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap {

/// A plan as CSV, one row a step: stage, position, id, name, category, kind, hours,
/// waits_for (ids separated by ';'); with a pace first_week and last_week, and with a start
/// date first_date and last_date too.
std::string render_plan_csv(const SkillGraph& graph, const Plan& plan);

/// The header of `batch --format csv`: profile_id and line, the step columns of a plan with
/// every schedule column, then code and message.
std::string render_batch_csv_header();
/// A profile's rows in `batch --format csv`: one a step (one row with no step when there is
/// nothing left to learn), or one row with the first problem's code and every message.
std::string render_batch_csv_plan(const SkillGraph& graph, const Plan& plan, RecordId id,
                                  std::size_t line);
std::string render_batch_csv_failure(RecordId id, std::size_t line,
                                     const std::vector<Diagnostic>& problems);

/// Names matched to skills: for each input its status, the skill's id and the candidates.
std::string render_matches_text(const SkillGraph& graph, const std::vector<SkillMatch>& matches,
                                const TextStyle& style);
std::string render_matches_json(const SkillGraph& graph, const std::vector<SkillMatch>& matches);
std::string render_matches_csv(const SkillGraph& graph, const std::vector<SkillMatch>& matches);

/// A cohort's report: how many profiles, how many failed, the skills learners still need with
/// their share of the planned profiles, and each learner's steps and hours.
std::string render_report_text(const SkillGraph& graph, const CohortReport& report,
                               const TextStyle& style);
std::string render_report_json(const SkillGraph& graph, const CohortReport& report);
std::string render_report_csv(const SkillGraph& graph, const CohortReport& report);
std::string render_report_markdown(const SkillGraph& graph, const CohortReport& report);

}  // namespace mlroadmap
