#include <fmt/format.h>

#include <array>

#include "mlroadmap/progress.hpp"
#include "markdown_maps.hpp"
#include "mlroadmap/render.hpp"
#include "render_shared.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// Characters that could start markup wherever they sit in a line; each gets a backslash.
constexpr std::string_view kMarkupCharacters = "\\`*_[]<>#|~!{}";

// The same as a table by byte, read once per character of text.
constexpr std::array<bool, 256> kIsMarkup = [] {
  std::array<bool, 256> table{};
  for (const char c : kMarkupCharacters) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// C0 controls (line breaks and tabs among them) and DEL.
bool is_control(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

// Escapes text so that, wherever it sits inside a line, it reads as plain text: no emphasis,
// links, images, HTML, code spans, table cells or line structure can come from the data.
std::string markdown_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (kIsMarkup[static_cast<unsigned char>(c)]) {
      out += '\\';
      out += c;
    } else if (c == '&') {
      out += starts_reference(text, i) ? "\\&" : "&";
    } else {
      out += is_control(c) ? ' ' : c;
    }
  }
  return out;
}

// A link destination that cannot end early or smuggle markup.
std::string markdown_url(std::string_view url) {
  std::string out;
  for (const char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' ||
        c == '"' || c == '\'' || c == '`') {
      out += fmt::format("%{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

// What every part of the document reads.
struct PlanDocument {
  const SkillGraph& graph;
  const Plan& plan;
  const PlanSchedule& schedule;
  bool paced;
};

// The id of a skill's entry: "skill-" and the skill's id, each byte other than an ASCII letter,
// digit, '-' or '_' written as '.' and two hex digits, so that every id gives its own anchor,
// safe in an attribute and a link.
std::string skill_anchor(std::string_view id) {
  std::string anchor = "skill-";
  for (const char c : id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    anchor += plain ? std::string(1, c) : fmt::format(".{:02X}", static_cast<unsigned char>(c));
  }
  return anchor;
}

// A step's name linked to its entry in the document.
std::string step_link(const SkillGraph& graph, const Plan& plan, std::uint32_t step) {
  const Skill& skill = graph.skill(plan.steps[step].skill);
  return fmt::format("[{}](#{})", markdown_text(skill.name), skill_anchor(skill.id));
}

std::string goal_names(const SkillGraph& graph, const Plan& plan) {
  if (plan.goals.empty()) return "every skill in the graph";
  std::string goals;
  for (const Goal& goal : plan.goals) {
    if (!goals.empty()) goals += ", ";
    goals += markdown_text(goal_name(graph, goal));
  }
  return goals;
}

std::string skill_names(const SkillGraph& graph, const std::vector<SkillIndex>& skills) {
  std::string list;
  for (const SkillIndex s : skills) {
    if (!list.empty()) list += ", ";
    list += markdown_text(graph.skill(s).name);
  }
  return list;
}

// What a goal role is and pays, under the goal line.
void add_role_lines(std::string& out, const Role& role) {
  if (!role.summary.empty()) {
    out += fmt::format("- **The role:** {}\n", markdown_text(role.summary));
  }
  if (!role.salary || role.salary->bands.empty()) return;
  out += fmt::format("- **Pay:** {}", markdown_text(salary_line(*role.salary)));
  if (!role.salary->source.empty()) {
    out += fmt::format("; source: {}", markdown_text(role.salary->source));
  }
  out += "\n";
}

void add_pace(std::string& out, const PlanDocument& doc) {
  const Plan& plan = doc.plan;
  out += fmt::format("- **Pace:** {} hours a week: {}", format_number(plan.hours_per_week),
                     plural(doc.schedule.weeks, "week", "weeks"));
  if (plan.start && doc.schedule.weeks > 0) {
    out += fmt::format(", {}", weeks_text(plan, {1, doc.schedule.weeks}));
  }
  out += "\n";
}

// The title and the list under it: goals, starting point, what is left and at what pace.
void add_overview(std::string& out, const PlanDocument& doc) {
  const SkillGraph& graph = doc.graph;
  const Plan& plan = doc.plan;
  const std::string goals = goal_names(graph, plan);
  out += fmt::format("# Roadmap to {}\n\n", goals);
  out += fmt::format("- **Goal:** {}\n", goals);
  for (const Goal& goal : plan.goals) {
    if (goal.kind == Goal::Kind::role) add_role_lines(out, graph.role(goal.index));
  }
  out += fmt::format("- **Starting from:** {}\n",
                     plan.have.empty() ? "nothing yet" : skill_names(graph, plan.have));
  if (const auto implied = implied_cover(plan); !implied.empty()) {
    out += fmt::format("- **Also covered:** {}\n", skill_names(graph, implied));
  }
  out += fmt::format("- **To learn:** {}, {}, {}\n", plural(plan.steps.size(), "skill", "skills"),
                     hours_text(plan.total_hours), plural(plan.stage_count, "stage", "stages"));
  if (doc.paced) add_pace(out, doc);
}

// The fragment a heading is linked by, as GitHub and most renderers make it: lower case, spaces
// as '-', other ASCII punctuation but '-' and '_' dropped (':', '.', '/' and '@', which ids
// hold, among them), anything else kept.
std::string heading_anchor(std::string_view title) {
  std::string anchor;
  for (const char c : title) {
    const char lower = ascii_lower(c);
    if (c == ' ') {
      anchor += '-';
    } else if ((lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80) {
      anchor += lower;
    }
  }
  return anchor;
}

void add_contents(std::string& out, const std::vector<StageTotals>& stages) {
  out += "\n## Contents\n\n";
  for (const StageTotals& stage : stages) {
    const std::string title = stage_title(stage.stage);
    out += fmt::format("- [{}](#{}): {}, {}\n", title, heading_anchor(title),
                       plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
  }
}

void add_map(std::string& out, const std::vector<StageTotals>& stages) {
  out += "\n## Map\n\nThe stages in order: each can begin once the one before it is done. Each "
         "stage below has a map of its own, where arrows run from a skill to what it unlocks."
         "\n\n```mermaid\n";
  out += detail::stage_overview_mermaid(stages);
  out += "```\n";
}

// A stage's map, in parts when it is too large for one: its skills, and the skills of
// earlier stages they wait for.
void add_stage_maps(std::string& out, const PlanDocument& doc, const StageTotals& stage) {
  const auto parts = detail::split_stage(doc.plan, stage);
  if (parts.size() == 1 && parts.front().context.empty()) {
    out += "\nNone of these skills waits for another, so this stage needs no map.\n";
    return;
  }
  const std::string title = stage_title(stage.stage);
  if (parts.size() > 1) {
    out += fmt::format("\nThe map of this stage is drawn in {} parts of at most {} boxes.\n",
                       parts.size(), detail::kMaxMapNodes);
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const detail::MapPart& part = parts[k];
    std::string part_title = title;
    if (parts.size() > 1) {
      part_title = fmt::format("{}, part {} of {}", title, k + 1, parts.size());
      out += fmt::format("\nPart {} of {}: skills {} to {} of the list below.\n", k + 1,
                         parts.size(), part.first - stage.first_step + 1,
                         part.last - stage.first_step);
    }
    out += "\n```mermaid\n";
    out += detail::stage_part_mermaid(doc.graph, doc.plan, part, part_title);
    out += "```\n";
    if (part.context_left_out > 0) {
      out += fmt::format("\n{} from earlier stages that these wait for are not drawn; the "
                         "\"Waits for\" line of each skill lists them all.\n",
                         plural(part.context_left_out, "skill", "skills"));
    }
  }
}

// Why a step is in the plan: it is a goal, and the steps that need it, each with its reason.
std::string why_text(const SkillGraph& graph, const Plan& plan, std::size_t i) {
  std::string why;
  if (plan.steps[i].is_goal) why = "a goal in itself";
  for (const NeededBy& by : needed_by(graph, plan, i)) {
    if (!why.empty()) why += "; ";
    why += (by.recommended ? "recommended before " : "needed for ") +
           step_link(graph, plan, by.step);
    if (!by.why.empty()) why += fmt::format(" ({})", markdown_text(by.why));
  }
  return why;
}

void add_waits_for(std::string& out, const SkillGraph& graph, const Plan& plan, std::size_t i) {
  const auto waits = plan.waits_for(i);
  if (waits.empty()) return;
  out += "  - Waits for: ";
  for (std::size_t k = 0; k < waits.size(); ++k) {
    if (k > 0) out += ", ";
    out += step_link(graph, plan, waits[k].step);
  }
  out += "\n";
}

void add_resources(std::string& out, std::span<const Resource> resources) {
  if (resources.empty()) return;
  out += "  - Resources:\n";
  for (const Resource& r : resources) {
    out += fmt::format("    - [{}](<{}>)", markdown_text(r.title), markdown_url(r.url));
    std::string kind = markdown_text(r.type);
    if (!r.free) kind += kind.empty() ? "paid" : ", paid";
    if (!kind.empty()) out += fmt::format(" ({})", kind);
    out += "\n";
  }
}

// One step as a task: name, category, hours and weeks, then what the graph says about it.
void add_step(std::string& out, const PlanDocument& doc, std::size_t i) {
  const SkillGraph& graph = doc.graph;
  const PlanStep& step = doc.plan.steps[i];
  const Skill& skill = graph.skill(step.skill);
  std::string meta = fmt::format("{}, {} h", markdown_text(graph.category_of(step.skill).name),
                                 format_number(skill.hours));
  if (const std::string_view kind = kind_label(skill.kind); !kind.empty()) {
    meta = fmt::format("{}, {}", kind, meta);
  }
  if (doc.paced) meta += ", " + weeks_text(doc.plan, doc.schedule.steps[i]);
  std::string others;
  for (const std::string_view name : alternative_names(graph, doc.plan, i)) {
    others += (others.empty() ? " (or " : ", ") + markdown_text(name);
  }
  if (!others.empty()) others += ")";
  // The skill comment, hidden when rendered, lets `done --from` read a ticked item back; the
  // anchor is where the document's links to the skill lead.
  out += fmt::format("\n- [ ] **{}**{}{} ({}) {} <a id=\"{}\"></a>\n", markdown_text(skill.name),
                     doc.plan.learning(i) ? " *(learning)*" : "", others, meta,
                     skill_comment(skill.id), skill_anchor(skill.id));
  if (const std::string_view summary = graph.summary(step.skill); !summary.empty()) {
    out += fmt::format("\n  {}\n\n", markdown_text(summary));
  }
  out += fmt::format("  - Why: {}\n", why_text(graph, doc.plan, i));
  add_waits_for(out, graph, doc.plan, i);
  add_resources(out, graph.resources(step.skill));
  if (const std::string_view milestone = graph.milestone(step.skill); !milestone.empty()) {
    out += fmt::format("  - Milestone: {}\n", markdown_text(milestone));
  }
}

void add_stage(std::string& out, const PlanDocument& doc, const StageTotals& stage) {
  out += fmt::format("\n## {}\n\n{}, {}", stage_title(stage.stage),
                     plural(stage.steps, "skill", "skills"), hours_text(stage.hours));
  if (doc.paced) out += ", " + weeks_text(doc.plan, doc.schedule.stages[stage.stage - 1]);
  out += ".\n";
  add_stage_maps(out, doc, stage);
  for (std::size_t i = stage.first_step; i < stage.first_step + stage.steps; ++i) {
    add_step(out, doc, i);
  }
}

// How to make the document again, and with what: the command, notes, versions.
void add_origin(std::string& out, const SkillGraph& graph, const DocumentOrigin& origin) {
  out += "\n## About this document\n\n";
  if (!origin.command.empty()) {
    // One line that starts with the command's name cannot close the fence.
    out += fmt::format("Made again with:\n\n```sh\n{}\n```\n\n", terminal_safe(origin.command));
  }
  for (const std::string& note : origin.notes) out += fmt::format("- {}\n", markdown_text(note));
  out += fmt::format("- Program: mlroadmap {}\n", MLROADMAP_VERSION);
  const std::string title = graph.title().empty() ? "untitled" : markdown_text(graph.title());
  out += graph.version().empty()
             ? fmt::format("- Graph: {}, no version given\n", title)
             : fmt::format("- Graph: {}, version {}\n", title, markdown_text(graph.version()));
}

}  // namespace

std::string markdown_escape(std::string_view text) { return markdown_text(text); }

std::string render_plan_markdown(const SkillGraph& graph, const Plan& plan,
                                 const DocumentOrigin& origin) {
  const PlanSchedule schedule = schedule_plan(plan);
  const PlanDocument doc{graph, plan, schedule, plan.hours_per_week > 0};
  std::string out;
  add_overview(out, doc);
  if (plan.steps.empty()) {
    out += "\nNothing left to learn for this goal.\n";
    add_origin(out, graph, origin);
    return out;
  }
  const auto stages = stage_totals(plan);
  add_contents(out, stages);
  add_map(out, stages);
  for (const StageTotals& stage : stages) add_stage(out, doc, stage);
  add_origin(out, graph, origin);
  return out;
}

}  // namespace mlroadmap
