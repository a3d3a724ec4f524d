#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mlroadmap {

/// Damerau-Levenshtein distance (with adjacent transpositions), ignoring ASCII case; gives up
/// and returns max + 1 as soon as the distance must exceed `max`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max);

/// The candidates closest to `word`, best first, at most `limit`, and only those close enough
/// to be a plausible typo; spellings of one thing ("ml-engineer", "ML Engineer") count once.
std::vector<std::string_view> closest_matches(std::string_view word,
                                              const std::vector<std::string_view>& candidates,
                                              std::size_t limit = 3);

/// One way of writing a thing's name: an id, a name or an alias of thing number `thing`.
struct Spelling {
  std::string_view text;
  std::size_t thing;
};

/// The same, each thing suggested once, by its closest spelling: "python" and its alias
/// "python3" never both.
std::vector<std::string_view> closest_matches(std::string_view word,
                                              const std::vector<Spelling>& candidates,
                                              std::size_t limit = 3);

/// " (did you mean 'a'?)", " (did you mean 'a' or 'b'?)", or "" when there is nothing close.
std::string did_you_mean(const std::vector<std::string_view>& matches);

}  // namespace mlroadmap
