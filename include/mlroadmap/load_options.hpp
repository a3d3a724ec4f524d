#pragma once

#include <cstddef>

namespace mlroadmap {

/// How to load: bounds that keep an untrusted graph from exhausting memory or time, and
/// whether to look for what is legal but probably a mistake.
struct LoadOptions {
  std::size_t max_file_bytes = std::size_t{1} << 30;  ///< 1 GiB
  std::size_t max_depth = 64;
  std::size_t max_string_bytes = 64 * 1024;
  std::size_t max_requirements_per_skill = 1000;
  std::size_t max_errors = 100;
  /// Also warn about skills no role reaches, roles without skills, skills without hours and
  /// resources over plain http.
  bool lint = false;
  /// The text stays valid as long as the graph: strings can stay views into it, uncopied.
  bool text_outlives_graph = false;
};

/// Largest number of hours a single skill may take.
inline constexpr double kMaxSkillHours = 10000;

}  // namespace mlroadmap
