// Names matched to skills (`match`): text, JSON and CSV.

#include <fmt/format.h>

#include "csv_cells.hpp"
#include "json_writer.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

std::string candidate_ids(const SkillGraph& graph, const SkillMatch& match,
                          std::string_view separator) {
  std::string out;
  for (const SkillIndex skill : match.candidates) {
    if (!out.empty()) out += separator;
    out += graph.skill(skill).id;
  }
  return out;
}

}  // namespace

std::string render_matches_text(const SkillGraph& graph, const std::vector<SkillMatch>& matches,
                                const TextStyle& style) {
  std::size_t width = 0;
  for (const SkillMatch& m : matches)
    width = std::max(width, display_width(terminal_safe(m.input)));
  width = std::min<std::size_t>(width, 40);
  std::string out;
  for (const SkillMatch& m : matches) {
    const std::string input = terminal_safe(m.input);
    const std::size_t pad = width > display_width(input) ? width - display_width(input) : 0;
    const std::string_view status = to_string(m.status);
    const std::string painted =
        !style.color                         ? std::string(status)
        : m.status == MatchStatus::matched   ? fmt::format("\x1b[32m{}\x1b[0m", status)
        : m.status == MatchStatus::ambiguous ? fmt::format("\x1b[33m{}\x1b[0m", status)
                                             : fmt::format("\x1b[31m{}\x1b[0m", status);
    fmt::format_to(std::back_inserter(out), "{}{}  {}{}", input, std::string(pad, ' '), painted,
                   std::string(9 - status.size(), ' '));
    if (m.skill) {
      fmt::format_to(std::back_inserter(out), "  {} ({})", graph.skill(*m.skill).id,
                     graph.skill(*m.skill).name);
    } else if (!m.candidates.empty()) {
      fmt::format_to(std::back_inserter(out), "  {} {}",
                     m.status == MatchStatus::ambiguous ? "one of:" : "closest:",
                     candidate_ids(graph, m, ", "));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  }
  return out;
}

std::string render_matches_json(const SkillGraph& graph, const std::vector<SkillMatch>& matches) {
  std::size_t counts[3] = {0, 0, 0};
  for (const SkillMatch& m : matches) ++counts[static_cast<int>(m.status)];
  std::string out;
  detail::JsonWriter json(out);
  json.begin_object();
  json.member("schema_version", std::int64_t{1});
  json.key("totals");
  json.begin_object();
  json.member("inputs", static_cast<std::int64_t>(matches.size()));
  json.member("matched", static_cast<std::int64_t>(counts[0]));
  json.member("ambiguous", static_cast<std::int64_t>(counts[1]));
  json.member("unknown", static_cast<std::int64_t>(counts[2]));
  json.end_object();
  json.key("matches");
  json.begin_array();
  for (const SkillMatch& m : matches) {
    json.begin_object();
    json.member("input", m.input);
    json.member("status", to_string(m.status));
    json.key("id");
    if (m.skill) {
      json.value(graph.skill(*m.skill).id);
    } else {
      json.null();
    }
    json.key("candidates");
    json.begin_array();
    for (const SkillIndex skill : m.candidates) {
      json.begin_object();
      json.member("id", graph.skill(skill).id);
      json.member("name", graph.skill(skill).name);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

std::string render_matches_csv(const SkillGraph& graph, const std::vector<SkillMatch>& matches) {
  std::string out = "input,status,id,candidates\n";
  for (const SkillMatch& m : matches) {
    detail::append_csv_cell(out, m.input);
    out += ',';
    out += to_string(m.status);
    out += ',';
    if (m.skill) detail::append_csv_cell(out, graph.skill(*m.skill).id);
    out += ',';
    detail::append_csv_cell(out, candidate_ids(graph, m, ";"));
    out += '\n';
  }
  return out;
}

}  // namespace mlroadmap
