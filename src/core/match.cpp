#include "mlroadmap/match.hpp"

#include <algorithm>

#include "csv_cells.hpp"
#include "mlroadmap/csv.hpp"
#include "mlroadmap/spelling.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// Graphs can be huge: an unknown name is compared with every name only up to this many skills.
constexpr std::size_t kMaxSuggestionScan = 200'000;

// A name as people vary it, reduced to what tells skills apart: letters and digits in lower
// case, and '+' and '#' (C++ and C# are not C). "Scikit Learn" and "scikit-learn" meet.
std::string key_of(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (const char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#' ||
                      static_cast<unsigned char>(c) >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if (keep) {
      key += c;
    }
  }
  return key;
}

// The name without a trailing parenthetical qualifier: "Python (Programming Language)" is
// "Python"; the name itself when it has none or is nothing else.
std::string_view without_qualifier(std::string_view name) {
  if (!name.ends_with(')')) return name;
  const auto open = name.rfind('(');
  if (open == std::string_view::npos) return name;
  const std::string_view base = detail::trim_cell(name.substr(0, open));
  return base.empty() ? name : base;
}

void add_unique(std::vector<SkillIndex>& skills, SkillIndex skill) {
  if (std::find(skills.begin(), skills.end(), skill) == skills.end()) skills.push_back(skill);
}

}  // namespace

std::string_view to_string(MatchStatus status) {
  switch (status) {
    case MatchStatus::matched: return "matched";
    case MatchStatus::ambiguous: return "ambiguous";
    case MatchStatus::unknown: return "unknown";
  }
  return "unknown";
}

SkillMatcher::SkillMatcher(const SkillGraph& graph) : graph_(graph) {
  for (SkillIndex s = 0; s < graph.skill_count(); ++s) {
    add_unique(by_key_[key_of(graph.skill(s).id)], s);
    add_unique(by_key_[key_of(graph.skill(s).name)], s);
    for (const std::string_view alias : graph.aliases(s)) add_unique(by_key_[key_of(alias)], s);
  }
  by_key_.erase(std::string());
}

std::optional<SkillMatch> SkillMatcher::match_form(std::string_view input,
                                                   std::string_view form) const {
  SkillMatch result;
  result.input = std::string(input);
  if (const auto skill = graph_.find_skill(form)) {
    result.status = MatchStatus::matched;
    result.skill = *skill;
    return result;
  }
  const auto found = by_key_.find(key_of(form));
  if (found == by_key_.end()) return std::nullopt;
  if (found->second.size() == 1) {
    result.status = MatchStatus::matched;
    result.skill = found->second.front();
  } else {
    result.status = MatchStatus::ambiguous;
    result.candidates = found->second;
  }
  return result;
}

SkillMatch SkillMatcher::match(std::string_view input) const {
  const std::string_view name = detail::trim_cell(input);
  if (auto whole = match_form(input, name)) return std::move(*whole);
  const std::string_view base = without_qualifier(name);
  if (base != name) {
    if (auto plain = match_form(input, base)) return std::move(*plain);
  }
  SkillMatch result;
  result.input = std::string(input);
  if (graph_.skill_count() > kMaxSuggestionScan) return result;
  std::vector<std::string_view> names;
  for (SkillIndex s = 0; s < graph_.skill_count(); ++s) {
    names.push_back(graph_.skill(s).id);
    names.push_back(graph_.skill(s).name);
    for (const std::string_view alias : graph_.aliases(s)) names.push_back(alias);
  }
  for (const std::string_view close : closest_matches(base, names)) {
    if (const auto skill = graph_.find_skill(close)) add_unique(result.candidates, *skill);
  }
  return result;
}

namespace {

// The column of a header that holds skill names, if it has one.
std::optional<std::size_t> name_column(const std::vector<std::string>& header) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string cell = to_lower_ascii(detail::trim_cell(header[c]));
    if (cell == "name" || cell == "skill") return c;
  }
  return std::nullopt;
}

// Calls `take(line, number)` for each line of `text`, numbered from 1, without its line break
// (nor a carriage return before it).
template <typename Take>
void for_each_line(std::string_view text, Take take) {
  std::size_t number = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t stop = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, stop - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    take(line, ++number);
    at = stop + 1;
  }
}

// Calls `take(record, line)` for each CSV record after the header, records going on past
// line breaks in quotes.
template <typename Take>
void for_each_record(std::string_view text, char delimiter, Take take) {
  CsvRecordReader rows(delimiter, text.size());
  for_each_line(text, [&](std::string_view line, std::size_t number) {
    if (number > 1 && rows.take(line, number)) take(rows.record(), rows.first_line());
  });
  if (rows.finish()) take(rows.record(), rows.first_line());
}

// The first line of `text` that is not UTF-8, counting from 1.
std::optional<std::uint32_t> line_not_utf8(std::string_view text) {
  std::optional<std::uint32_t> found;
  for_each_line(text, [&found](std::string_view line, std::size_t number) {
    if (!found && !valid_utf8(line)) found = static_cast<std::uint32_t>(number);
  });
  return found;
}

}  // namespace

std::expected<NameList, Diagnostic> read_name_list(std::string_view text, std::string_view file) {
  text = without_bom(text);
  if (const auto line = line_not_utf8(text)) {
    return std::unexpected(Diagnostic{Severity::error,
                                      std::string(file),
                                      *line,
                                      1,
                                      "the text is not UTF-8; save the file as UTF-8",
                                      {},
                                      ErrorCode::malformed_csv});
  }
  NameList list;
  std::string_view first = text.substr(0, text.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  const char delimiter = csv_delimiter(first);
  const auto header = split_csv_record(first, delimiter);
  const std::optional<std::size_t> column = header ? name_column(*header) : std::nullopt;
  if (!column) {
    for_each_line(text, [&list](std::string_view line, std::size_t number) {
      const std::string_view clean = detail::trim_cell(line);
      if (clean.empty() || clean.front() == '#') return;
      list.names.emplace_back(clean);
      list.lines.push_back(number);
    });
    return list;
  }
  list.csv = true;
  std::optional<Diagnostic> problem;
  for_each_record(text, delimiter, [&](std::string_view record, std::size_t line) {
    const auto cells = split_csv_record(record, delimiter);
    if (!cells) {
      if (!problem) {
        problem = Diagnostic{Severity::error,
                             std::string(file),
                             static_cast<std::uint32_t>(line),
                             1,
                             cells.error(),
                             {},
                             ErrorCode::malformed_csv};
      }
      return;
    }
    if (*column >= cells->size()) return;
    const std::string_view name = detail::trim_cell((*cells)[*column]);
    if (name.empty()) return;
    list.names.emplace_back(name);
    list.lines.push_back(line);
  });
  if (problem) return std::unexpected(std::move(*problem));
  return list;
}

}  // namespace mlroadmap
