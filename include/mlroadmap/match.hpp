#pragma once
// Skill names as people and exports write them ("Python (Programming Language)", "ML",
// "scikit learn") matched to the skills of a graph, as HR systems sort an import into matched,
// needs review and unknown.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mlroadmap/diagnostic.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap {

/// How a name matched: one skill, several equally well, or none.
enum class MatchStatus : std::uint8_t { matched, ambiguous, unknown };
/// "matched", "ambiguous" or "unknown".
std::string_view to_string(MatchStatus status);

/// What a name matched. `candidates` are the skills an ambiguous name could be, or the
/// closest skills to an unknown one (perhaps none); empty when matched.
struct SkillMatch {
  std::string input;
  MatchStatus status = MatchStatus::unknown;
  std::optional<SkillIndex> skill;
  std::vector<SkillIndex> candidates;
};

/// Matches names to the skills of one graph, forgiving case, punctuation and spacing
/// ("Scikit Learn" is scikit-learn), a trailing parenthetical qualifier ("Python (Programming
/// Language)" is Python), and anything the graph lists as an alias (abbreviations among them).
/// An id, name or alias written exactly, ignoring case, always wins.
class SkillMatcher {
 public:
  explicit SkillMatcher(const SkillGraph& graph);
  SkillMatch match(std::string_view input) const;

 private:
  std::optional<SkillMatch> match_form(std::string_view input, std::string_view form) const;

  const SkillGraph& graph_;
  std::unordered_map<std::string, std::vector<SkillIndex>> by_key_;
};

/// The skill names in a list: a CSV file whose header has a `Name`, `name` or `skill` column
/// (LinkedIn's Skills.csv, spreadsheet exports) gives that column's cells; anything else is
/// one name a line. Blank lines and lines starting with `#` are skipped. `lines` holds the
/// line each name starts on. A CSV row that cannot be read is a problem on `file`.
struct NameList {
  std::vector<std::string> names;
  std::vector<std::size_t> lines;
  bool csv = false;  ///< read from a CSV column
};
std::expected<NameList, Diagnostic> read_name_list(std::string_view text, std::string_view file);

}  // namespace mlroadmap
