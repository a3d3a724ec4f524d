#include "mlroadmap/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "ascii.hpp"

namespace mlroadmap {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  std::iota(previous.begin(), previous.end(), 0);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + !same});
      if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
          ascii_lower(a[i - 2]) == ascii_lower(b[j - 1])) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > max) return max + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::vector<std::string_view> closest_matches(std::string_view word,
                                              const std::vector<Spelling>& candidates,
                                              std::size_t limit) {
  // A typo of a short word changes a larger share of it; allow about one edit per three letters.
  const std::size_t max = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  struct Scored {
    std::size_t distance;
    Spelling spelling;
  };
  std::vector<Scored> scored;
  for (const Spelling& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate.text, max);
    if (d <= max && (d > 0 || candidate.text != word)) scored.push_back({d, candidate});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& x, const Scored& y) { return x.distance < y.distance; });
  // "ml-engineer" and "ML Engineer" name one thing, as do a skill's id and its aliases: each
  // is suggested once, by its closest spelling.
  const auto folded = [](std::string_view text) {
    std::string key;
    for (const char c : text) {
      if (c != ' ' && c != '-' && c != '_') key += ascii_lower(c);
    }
    return key;
  };
  std::vector<Spelling> out;
  for (const Scored& s : scored) {
    if (out.size() == limit) break;
    if (std::none_of(out.begin(), out.end(), [&](const Spelling& o) {
          return o.thing == s.spelling.thing || folded(o.text) == folded(s.spelling.text);
        })) {
      out.push_back(s.spelling);
    }
  }
  std::vector<std::string_view> texts;
  for (const Spelling& o : out) texts.push_back(o.text);
  return texts;
}

std::vector<std::string_view> closest_matches(std::string_view word,
                                              const std::vector<std::string_view>& candidates,
                                              std::size_t limit) {
  std::vector<Spelling> spellings;
  spellings.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) spellings.push_back({candidates[i], i});
  return closest_matches(word, spellings, limit);
}

std::string did_you_mean(const std::vector<std::string_view>& matches) {
  if (matches.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (i > 0) out += i + 1 == matches.size() ? " or " : ", ";
    out += fmt::format("'{}'", matches[i]);
  }
  return out + "?)";
}

}  // namespace mlroadmap
