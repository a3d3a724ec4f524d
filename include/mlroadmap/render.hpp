#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/explore.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/schedule.hpp"

namespace mlroadmap {

/// How text meant for a terminal should look.
struct TextStyle {
  bool color = false;
  std::size_t width = 80;
  bool quiet = false;  ///< no headings or decoration: one unwrapped line per item
  bool waits = false;  ///< under each step of a plan, the steps it waits for
  std::uint32_t stage = 0;  ///< a plan's one stage to list, or 0 for every stage
};

/// The plan for a person at a terminal: goal, starting point, totals, then numbered steps by stage.
std::string render_plan_text(const SkillGraph& graph, const Plan& plan, const TextStyle& style);

/// Receives output in pieces as it is made, so a large document is never held whole.
using TextSink = std::function<void(std::string_view)>;

/// The files an answer was made from, named in JSON output: `graph` is a path or "built-in";
/// an empty `profile` or `progress` means none was read.
struct Sources {
  std::string graph;
  std::string profile;
  std::string progress;
};

/// The plan as a versioned JSON document (docs/plan-json.md); `compact` puts it on one line.
std::string render_plan_json(const SkillGraph& graph, const Plan& plan, bool compact = false);
void render_plan_json(const SkillGraph& graph, const Plan& plan, const TextSink& sink,
                      bool compact = false);
/// The same, naming the files it was made from (`sources`).
void render_plan_json(const SkillGraph& graph, const Plan& plan, const Sources& sources,
                      const TextSink& sink);

/// A profile's id as its batch record gives it back: a string, the text of a JSON number
/// (`number`), or none when `text` is empty.
struct RecordId {
  std::string_view text;
  bool number = false;
};

/// One line of `batch` output (JSON Lines): a plan, a file written for it, or why it failed,
/// each error with its code. `line` is the profile's line in the input.
std::string render_batch_plan(const SkillGraph& graph, const Plan& plan, RecordId id,
                              std::size_t line);
std::string render_batch_written(RecordId id, std::size_t line, std::string_view file);
std::string render_batch_failure(RecordId id, std::size_t line,
                                 const std::vector<Diagnostic>& problems);

/// The plan's skill ids, one per line in plan order, like tsort(1): for other programs.
std::string render_plan_ids(const SkillGraph& graph, const Plan& plan);
void render_plan_ids(const SkillGraph& graph, const Plan& plan, const TextSink& sink);

/// Where a Markdown plan came from, for the note at its end: the command that makes it again,
/// and sentences on what else shaped it (a profile, a progress file, the MLROADMAP_GRAPH
/// variable). The program's and the graph's versions are added to it.
struct DocumentOrigin {
  std::string command;             ///< one line; empty: the note gives no command
  std::vector<std::string> notes;  ///< plain text, escaped when written
};

/// The plan as a CommonMark document: an overview map of the stages, then each stage with its
/// map and a task list, each skill with an anchor its mentions link to; the origin at the end.
std::string render_plan_markdown(const SkillGraph& graph, const Plan& plan,
                                 const DocumentOrigin& origin = {});

/// A plan's steps and their edges, grouped by stage, as Graphviz DOT or a Mermaid flowchart.
std::string render_plan_dot(const SkillGraph& graph, const Plan& plan);
std::string render_plan_mermaid(const SkillGraph& graph, const Plan& plan);

/// The whole graph, grouped by category; an edge of an any_of group is dashed.
std::string render_graph_dot(const SkillGraph& graph);
std::string render_graph_mermaid(const SkillGraph& graph);

/// The same drawings as JSON: groups of nodes and the edges between them.
std::string render_plan_graph_json(const SkillGraph& graph, const Plan& plan);
std::string render_graph_json(const SkillGraph& graph);

/// The skills of the graph by category, or of one category, with hours and a short summary.
std::string render_skills_text(const SkillGraph& graph, std::optional<CategoryIndex> category,
                               const TextStyle& style);
std::string render_skills_json(const SkillGraph& graph, std::optional<CategoryIndex> category);
/// The same as a Markdown document: a table of skills per category (name, id, hours, what each
/// needs first, the summary's first sentence), for a wiki or a README.
std::string render_skills_markdown(const SkillGraph& graph,
                                   std::optional<CategoryIndex> category);
/// The categories in graph order with how many skills each holds; quiet: one id per line.
std::string render_categories_text(const SkillGraph& graph, const TextStyle& style);
/// The same for programs (skills --categories --format json).
std::string render_categories_json(const SkillGraph& graph);

/// Everything the graph says about one skill, and what it unlocks.
std::string render_skill_text(const SkillGraph& graph, SkillIndex skill, const TextStyle& style);
std::string render_skill_json(const SkillGraph& graph, SkillIndex skill);

/// Why a skill is in a plan: the chains from the goals down to it, each link with its reason.
std::string render_why_text(const SkillGraph& graph, const Plan& plan, SkillIndex skill,
                            const NeedExplanation& answer, const TextStyle& style);
std::string render_why_json(const SkillGraph& graph, const Plan& plan, SkillIndex skill,
                            const NeedExplanation& answer);

/// What can be started now, the steps that unlock most of the plan first.
std::string render_next_text(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next, const TextStyle& style);
std::string render_next_json(const SkillGraph& graph, const Plan& plan,
                             const std::vector<StartableStep>& next);

/// The roles given (with their costs from `role_costs`): summary, what each takes from nothing,
/// pay where the graph has it.
std::string render_roles_text(const SkillGraph& graph, const std::vector<CostedRole>& roles,
                              const TextStyle& style);
std::string render_roles_json(const SkillGraph& graph, const std::vector<CostedRole>& roles);

/// Diagnostics for people: `file:line:col: error: message`, then the source line and a caret;
/// `mlroadmap: error: message` for those about no file. Control characters are hidden; with
/// `color`, the severity is bold red (error) or magenta (warning).
std::string render_diagnostics_text(const std::vector<Diagnostic>& diagnostics,
                                    bool color = false);

/// Diagnostics of several files for programs (validate --format json).
struct FileDiagnostics {
  std::string file;
  std::vector<Diagnostic> diagnostics;
};
std::string render_diagnostics_json(const std::vector<FileDiagnostics>& files);

/// The name of a goal: a role's or a skill's.
std::string_view goal_name(const SkillGraph& graph, const Goal& goal);
std::string_view goal_id(const SkillGraph& graph, const Goal& goal);

}  // namespace mlroadmap
